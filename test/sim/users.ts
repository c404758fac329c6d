/**
 * The simulator's users. Rancher decides what a user may do per type; Steve then leaves out the
 * schema of a type the user has no verb on, lists only the methods allowed, and adds
 * `links.update/patch/remove` to an object only where the user may do that.
 */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

export const ALL_VERBS: Verb[] = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
export const READ_VERBS: Verb[] = ['get', 'list', 'watch'];

export interface SimUser {
  id: string;
  username: string;
  displayName: string;
  /** Local-provider password (the simulator's login page); only ever a test value. */
  password: string;
  admin: boolean;
  /** API groups whose types this user has no verb on (Steve then leaves their schemas out). */
  noAccess?: string[];
}

export const USERS: SimUser[] = [
  {
    id: 'user-admin', username: 'admin', displayName: 'Default Admin', password: 'admin', admin: true
  },
  {
    id: 'user-readonly', username: 'readonly', displayName: 'Read-Only Operator', password: 'readonly', admin: false
  },
  {
    // A role that can read the cluster but not Fleet: the Fleet types are simply not there for it
    id: 'user-nofleet', username: 'nofleet', displayName: 'Operator without Fleet access', password: 'nofleet', admin: false, noAccess: ['fleet.cattle.io']
  },
];

/** The API group of a Steve type id (`fleet.cattle.io.bundle` → `fleet.cattle.io`; '' for a core type). */
function groupOf(type: string): string {
  const dot = type.lastIndexOf('.');

  return dot < 0 ? '' : type.slice(0, dot);
}

export function userByName(username: string): SimUser | undefined {
  return USERS.find((u) => u.username === username || u.id === username);
}

/** Per user and type, verbs that replace the user's defaults (e.g. [] hides a type from one user). */
export class Permissions {
  private overrides = new Map<string, Verb[]>();

  private key(user: string, cluster: string, type: string): string {
    return `${ user }|${ cluster }|${ type }`;
  }

  /** `cluster` '*' applies to every cluster. */
  set(username: string, cluster: string, type: string, verbs: Verb[]): void {
    const user = userByName(username);

    if (!user) {
      throw new Error(`no user ${ username }`);
    }
    this.overrides.set(this.key(user.id, cluster, type), verbs);
  }

  clear(): void {
    this.overrides.clear();
  }

  verbs(user: SimUser, cluster: string, type: string): Verb[] {
    const override = this.overrides.get(this.key(user.id, cluster, type)) || this.overrides.get(this.key(user.id, '*', type));

    if (override) {
      return override;
    }
    if (user.noAccess?.includes(groupOf(type))) {
      return [];
    }
    if (user.admin) {
      return ALL_VERBS;
    }
    // Everyone may keep their own preferences; everything else is read-only
    if (type === 'userpreference') {
      return ALL_VERBS;
    }

    return READ_VERBS;
  }

  can(user: SimUser, cluster: string, type: string, verb: Verb): boolean {
    return this.verbs(user, cluster, type).includes(verb);
  }
}
