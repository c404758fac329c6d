/** Steve's HTTP API for one store: schemas, counts, user preferences, and list/get/create/update/patch/delete. */
import { USER_PREFERENCE, pluralName } from './catalog';
import type { TypeDef } from './catalog';
import type { ClusterState, PropagationPolicy } from './cluster';
import type { Faults } from './faults';
import { HttpError, applyFault, requireUser, send } from './http';
import type { Ctx } from './http';
import {
  clone, idOf, isPlainObject, matchesFieldSelector, matchesLabels, matchesSteveFilters
} from './objects';
import type { Obj } from './objects';
import { patchObject } from './patch';
import { userPreference } from './rancher';
import {
  collection, format, formatBase, schema, syntheticSchema
} from './steve';
import type { FormatContext } from './steve';
import { USERS } from './users';
import type { Permissions, SimUser, Verb } from './users';

export class SteveApi {
  private readonly permissions: Permissions;
  private readonly faults: Faults;
  /** What each user saved as preferences, by user id (Rancher's defaults until then). */
  private readonly prefs: Map<string, Record<string, unknown>>;
  /** The Rancher version the simulator claims now (the default preferences name it). */
  private readonly rancherVersion: () => string;

  constructor(permissions: Permissions, faults: Faults, prefs: Map<string, Record<string, unknown>>, rancherVersion: () => string) {
    this.permissions = permissions;
    this.faults = faults;
    this.prefs = prefs;
    this.rancherVersion = rancherVersion;
  }

  /** The types a user sees in this store: Steve leaves out a type the user has no verb on. */
  private visibleTypes(cluster: ClusterState, user: SimUser): TypeDef[] {
    return [...cluster.types.values()].filter((t) => this.permissions.verbs(user, cluster.id, t.id).length > 0);
  }

  private resolveType(cluster: ClusterState, name: string): TypeDef | undefined {
    for (const t of cluster.types.values()) {
      if (t.id === name || pluralName(t) === name) {
        return t;
      }
    }

    return undefined;
  }

  async handle(ctx: Ctx, cluster: ClusterState, base: string, rest: string, anonymousSettings = false): Promise<void> {
    const method = ctx.req.method || 'GET';
    const user = anonymousSettings ? (USERS.find((u) => !u.admin) as SimUser) : requireUser(ctx);
    const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const fmtBase = formatBase(ctx.origin, cluster, base);
    const isManagement = base === '/v1';

    if (!parts.length) {
      return send(ctx, 200, { type: 'apiRoot', links: { schemas: `${ ctx.origin }${ base }/schemas` } });
    }
    const [head] = parts;

    if (head === 'schemas' || head === 'schemaDefinitions') {
      await applyFault(this.faults, ctx, cluster, 'schema', 'schemas');
      const list = [
        ...this.visibleTypes(cluster, user).map((t) => schema(t, this.permissions.verbs(user, cluster.id, t.id), fmtBase)),
        syntheticSchema('schema', fmtBase),
        syntheticSchema('count', fmtBase),
        ...(isManagement ? [schema(USER_PREFERENCE, this.permissions.verbs(user, 'local', 'userpreference'), fmtBase), syntheticSchema('ext.cattle.io.selfuser', fmtBase, ['POST'], [])] : []),
      ];

      if (parts[1]) {
        const one = list.find((s) => s.id === parts[1]);

        if (!one) {
          throw new HttpError(404, `schema ${ parts[1] } not found`);
        }

        return send(ctx, 200, head === 'schemaDefinitions' ? {
          type: 'schemaDefinition', id: parts[1], definitionType: parts[1], definitions: {}
        } : one);
      }

      return send(ctx, 200, {
        type: 'collection', links: { self: `${ ctx.origin }${ base }/schemas` }, resourceType: 'schema', revision: String(cluster.revision), count: list.length, data: list
      });
    }
    if (head === 'counts' || head === 'count') {
      await applyFault(this.faults, ctx, cluster, 'count', 'list');
      const counts: Record<string, unknown> = {};

      for (const t of this.visibleTypes(cluster, user)) {
        const namespaces: Record<string, { count: number }> = {};
        const objs = cluster.list(t.id);

        for (const o of objs) {
          if (o.metadata.namespace) {
            namespaces[o.metadata.namespace] = { count: (namespaces[o.metadata.namespace]?.count || 0) + 1 };
          }
        }
        counts[t.id] = { summary: { count: objs.length }, namespaces };
      }

      return send(ctx, 200, {
        type:         'collection',
        resourceType: 'count',
        revision:     String(cluster.revision),
        data:         [{
          id: 'count', type: 'count', counts
        }]
      });
    }
    if (isManagement && (head === 'userpreferences' || head === 'userpreference')) {
      ctx.log.type = 'userpreference';
      const self = `${ ctx.origin }/v1/userpreferences/${ user.id }`;
      const pref = {
        ...(this.prefs.get(user.id) || userPreference(user, this.rancherVersion())),
        links: {
          self, update: self, remove: self
        }
      };

      if (method === 'PUT' || method === 'PATCH') {
        const next = {
          ...pref, ...(isPlainObject(ctx.body) ? ctx.body : {}), id: user.id
        };

        this.prefs.set(user.id, next);

        return send(ctx, 200, next);
      }

      return send(ctx, 200, parts[1] ? pref : {
        type: 'collection', resourceType: 'userpreference', data: [pref]
      });
    }
    if (isManagement && head.startsWith('ext.cattle.io.selfuser')) {
      return send(ctx, 201, {
        apiVersion: 'ext.cattle.io/v1', kind: 'SelfUser', status: { userID: user.id }
      });
    }
    const t = this.resolveType(cluster, head);

    if (!t || this.permissions.verbs(user, cluster.id, t.id).length === 0) {
      ctx.log.cluster = cluster.id;
      ctx.log.type = head;
      throw new HttpError(404, `failed to find schema ${ head }`);
    }
    const verbs = this.permissions.verbs(user, cluster.id, t.id);
    const fctx: FormatContext = { ...fmtBase, verbs };
    const need = (verb: Verb) => {
      if (!verbs.includes(verb)) {
        throw new HttpError(403, `${ user.username } cannot ${ verb } ${ t.resource }${ t.group ? `.${ t.group }` : '' }`);
      }
    };
    let namespace: string | undefined;
    let name: string | undefined;

    if (t.namespaced) {
      [namespace, name] = [parts[1], parts[2]];
    } else {
      name = parts[1];
    }

    if (method === 'GET' && !name) {
      await applyFault(this.faults, ctx, cluster, t.id, 'list');
      need('list');

      return send(ctx, 200, this.listCollection(ctx, cluster, t, fctx, namespace));
    }
    if (method === 'POST' && !name) {
      await applyFault(this.faults, ctx, cluster, t.id, 'create');
      need('create');
      const input = clone(ctx.body) as Obj;

      if (!isPlainObject(input) || !isPlainObject(input.metadata)) {
        throw new HttpError(422, 'metadata is required');
      }
      if (t.namespaced && namespace && !input.metadata.namespace) {
        input.metadata.namespace = namespace;
      }

      return send(ctx, 201, format(t, cluster.create(t.id, this.unformat(input)), fctx));
    }
    if (!name) {
      throw new HttpError(405, `${ method } is not allowed on a collection`);
    }
    const id = namespace ? `${ namespace }/${ name }` : name;

    switch (method) {
    case 'GET': {
      await applyFault(this.faults, ctx, cluster, t.id, 'get');
      need('get');

      return send(ctx, 200, format(t, cluster.mustGet(t.id, id), fctx));
    }
    case 'PUT': {
      await applyFault(this.faults, ctx, cluster, t.id, 'update');
      need('update');
      const input = clone(ctx.body) as Obj;

      if (!isPlainObject(input) || !isPlainObject(input.metadata)) {
        throw new HttpError(422, 'metadata is required');
      }
      if (!input.metadata.resourceVersion) {
        throw new HttpError(422, 'metadata.resourceVersion is required for update');
      }
      input.metadata.name = name;
      input.metadata.namespace = namespace;

      return send(ctx, 200, format(t, cluster.replace(t.id, this.unformat(input), { expectVersion: String(input.metadata.resourceVersion) }), fctx));
    }
    case 'PATCH': {
      await applyFault(this.faults, ctx, cluster, t.id, 'patch');
      need('patch');

      return send(ctx, 200, format(t, patchObject(ctx, cluster, t, id), fctx));
    }
    case 'DELETE': {
      await applyFault(this.faults, ctx, cluster, t.id, 'delete');
      need('delete');
      const policy = (ctx.url.searchParams.get('propagationPolicy') || (isPlainObject(ctx.body) ? ctx.body.propagationPolicy : undefined)) as PropagationPolicy | undefined;

      cluster.delete(t.id, id, policy);
      ctx.res.writeHead(204, { 'x-api-cattle-auth': ctx.user ? 'true' : 'false' });
      ctx.res.end();

      return;
    }
    }
    throw new HttpError(405, `${ method } is not allowed`);
  }

  /** Strip what Steve adds; a client may send back what it read. */
  private unformat(input: Obj): Obj {
    const obj = clone(input);

    delete obj.id;
    // Steve's `type` is the schema id; the object's own `type` travels as `_type`
    if (obj._type !== undefined) {
      obj.type = obj._type;
      delete obj._type;
    } else {
      delete obj.type;
    }
    delete obj.links;
    delete obj.actions;
    delete obj.metadata.state;
    delete obj.metadata.fields;
    delete obj.metadata.relationships;
    if (Array.isArray(obj.status?.conditions)) {
      obj.status.conditions = obj.status.conditions.map((c: Record<string, unknown>) => {
        const { error, transitioning, ...rest } = c; // eslint-disable-line @typescript-eslint/no-unused-vars

        return rest;
      });
    }

    return obj;
  }

  private listCollection(ctx: Ctx, cluster: ClusterState, t: TypeDef, fctx: FormatContext, namespace?: string): Record<string, unknown> {
    const q = ctx.url.searchParams;
    const labelSelector = q.get('labelSelector');
    const fieldSelector = q.get('fieldSelector');
    const filters = q.getAll('filter');
    let objs = cluster.list(t.id);

    if (namespace) {
      objs = objs.filter((o) => o.metadata.namespace === namespace);
    }
    if (labelSelector) {
      objs = objs.filter((o) => matchesLabels(o.metadata.labels, labelSelector));
    }
    if (fieldSelector) {
      objs = objs.filter((o) => matchesFieldSelector(o, fieldSelector));
    }
    if (filters.length) {
      objs = objs.filter((o) => matchesSteveFilters(o, filters));
    }
    objs.sort((a, b) => idOf(a).localeCompare(idOf(b)));
    const revision = cluster.revision;
    const limit = Number(q.get('limit') || 0);
    const start = Number(q.get('continue') || 0) || 0;
    const pageSize = Number(q.get('pagesize') || 0);
    const page = Number(q.get('page') || 1);
    const extra: Record<string, unknown> = {};

    if (pageSize > 0) {
      const pages = Math.max(1, Math.ceil(objs.length / pageSize));

      extra.pages = pages;
      extra.count = objs.length;
      objs = objs.slice((page - 1) * pageSize, page * pageSize);
    } else if (limit > 0) {
      const next = start + limit;

      if (next < objs.length) {
        const nextUrl = new URL(ctx.url.toString());

        nextUrl.searchParams.set('continue', String(next));
        extra.continue = String(next);
        extra.pagination = { limit, next: `${ ctx.origin }${ nextUrl.pathname }${ nextUrl.search }` };
      }
      objs = objs.slice(start, next);
    }

    return collection(t, objs.map((o) => format(t, o, fctx)), revision, fctx, extra);
  }
}
