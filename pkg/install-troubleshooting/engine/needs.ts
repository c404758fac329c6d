/**
 * Which types a diagnosis needs follows what the cluster is, not which product shows the page:
 * a Harvester cluster is installed by HelmCharts, ManagedCharts and Fleet, so all of them must
 * be read before anything can be called healthy; a plain RKE2/K3s cluster has HelmCharts, Jobs,
 * Pods, Helm releases and Nodes (no ManagedCharts or Fleet there is normal). A needed type that
 * was not read makes the verdict unknown, never OK.
 */
import { TYPES } from '../types';
import type { SteveType } from '../types';
import type { Inventory } from './inventory';
import { all } from './inventory';
import type { ClusterKind, UnreadType } from './model';
import { msg } from './messages';
import type { Message, MessageKey } from './messages';

export const NEEDED_TYPES: Record<ClusterKind, readonly SteveType[]> = {
  harvester: [
    TYPES.HELM_CHART, TYPES.JOB, TYPES.POD, TYPES.NODE, TYPES.MANAGED_CHART, TYPES.BUNDLE, TYPES.BUNDLE_DEPLOYMENT,
    TYPES.FLEET_CLUSTER, TYPES.APP,
  ],
  kubernetes: [TYPES.HELM_CHART, TYPES.JOB, TYPES.POD, TYPES.APP, TYPES.NODE],
};

const HARVESTER_CHARTS = new Set(['harvester', 'harvester-crd']);

/**
 * Harvester when any object says so: its ManagedCharts or their Helm releases, an Upgrade, or
 * a node Harvester manages. Used only when the caller does not know (a file, the Explorer).
 */
export function inferClusterKind(inv: Inventory): ClusterKind {
  const harvester = all(inv, TYPES.MANAGED_CHART).some((mc) => HARVESTER_CHARTS.has(mc.metadata.name)) ||
    inv.byType[TYPES.UPGRADE].size > 0 ||
    all(inv, TYPES.APP).some((app) => app.metadata.namespace === 'harvester-system' && HARVESTER_CHARTS.has(app.metadata.name)) ||
    all(inv, TYPES.NODE).some((n) => Object.keys(n.metadata.labels || {}).some((k) => k.startsWith('harvesterhci.io/')));

  return harvester ? 'harvester' : 'kubernetes';
}

/**
 * Every needed type that was not read, with the reason the caller gave (a failed list, a
 * missing schema) or, for a type the input simply does not hold, `not-collected`.
 */
export function unreadTypes(kind: ClusterKind, listed: ReadonlySet<SteveType>, reported: readonly UnreadType[] = []): UnreadType[] {
  const byType = new Map(reported.map((u) => [u.type, u]));

  return NEEDED_TYPES[kind].filter((t) => !listed.has(t)).map((type) => byType.get(type) || { type, reason: 'not-collected' });
}

const HIDES: Partial<Record<SteveType, MessageKey>> = {
  [TYPES.HELM_CHART]:        'unread.hides.helmChart',
  [TYPES.JOB]:               'unread.hides.job',
  [TYPES.POD]:               'unread.hides.pod',
  [TYPES.NODE]:              'unread.hides.node',
  [TYPES.MANAGED_CHART]:     'unread.hides.managedChart',
  [TYPES.BUNDLE]:            'unread.hides.bundle',
  [TYPES.BUNDLE_DEPLOYMENT]: 'unread.hides.bundleDeployment',
  [TYPES.FLEET_CLUSTER]:     'unread.hides.fleetCluster',
  [TYPES.APP]:               'unread.hides.app',
};

/** Why a type was not read, and what that hides, as messages (the kind is named by the caller). */
export function unreadMessages(u: UnreadType): { why: Message; hides?: Message } {
  const message = u.message || '';
  const why = u.reason === 'no-schema' ? msg('unread.noSchema') : u.reason === 'not-collected' ? msg('unread.notCollected') : u.status ? msg('unread.failed', { status: u.status, message }) : msg('unread.failedNoStatus', { message });
  const hides = HIDES[u.type];

  return hides ? { why, hides: msg(hides) } : { why };
}
