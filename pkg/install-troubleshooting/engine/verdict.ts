/** The verdict: the worst health, the root cause, the install phase and any upgrade under way. */
import { TYPES } from '../types';
import type { ObjectRef, Upgrade } from '../types';
import { refKey } from './chains';
import { all, get, refOf } from './inventory';
import type { Inventory } from './inventory';
import { HEALTH_ORDER } from './model';
import type {
  ClusterKind, Health, Item, Phase, UnreadType, UpgradeInfo, Verdict
} from './model';
import { condition } from './util';

export function worst(healths: Iterable<Health>): Health {
  let rank = HEALTH_ORDER.length - 1;

  for (const h of healths) {
    rank = Math.min(rank, HEALTH_ORDER.indexOf(h));
  }

  return HEALTH_ORDER[rank];
}

/** Deeper kinds explain shallower ones; used only to break ties between equally good root causes. */
const DEPTH: string[] = [
  TYPES.BUNDLE_DEPLOYMENT, TYPES.HELM_CHART, TYPES.NODE, TYPES.FLEET_CLUSTER, TYPES.BUNDLE, TYPES.MANAGED_CHART, TYPES.APP,
];

/**
 * The deepest failing object of the worst chain: follow each worst item's causes down to an
 * object nothing else explains; of those, the one that explains the most worst items.
 */
export function rootCause(items: Item[], health: Health): ObjectRef | null {
  if (health === 'ok') {
    return null;
  }
  const byKey = new Map(items.map((i) => [refKey(i), i]));
  const explains = new Map<string, number>();

  const leaves = (item: Item, seen: Set<string>): Item[] => {
    seen.add(refKey(item));
    const next = item.causes.map((c) => byKey.get(refKey(c))).filter((c): c is Item => !!c && c.health !== 'ok' && !seen.has(refKey(c)));

    return next.length ? next.flatMap((c) => leaves(c, seen)) : [item];
  };

  for (const item of items.filter((i) => i.health === health)) {
    for (const leaf of new Set(leaves(item, new Set()))) {
      explains.set(refKey(leaf), (explains.get(refKey(leaf)) || 0) + 1);
    }
  }
  const ranked = [...explains.entries()].map(([key, n]) => ({ item: byKey.get(key) as Item, n })).sort((a, b) => b.n - a.n ||
    DEPTH.indexOf(a.item.type) - DEPTH.indexOf(b.item.type) || a.item.id.localeCompare(b.item.id));

  return ranked.length ? { type: ranked[0].item.type, id: ranked[0].item.id } : null;
}

export function upgradeInProgress(inv: Inventory): UpgradeInfo | null {
  const running = all(inv, TYPES.UPGRADE).filter((u: Upgrade) => {
    const completed = condition(u.status?.conditions, 'Completed');

    return completed?.status !== 'True' && completed?.status !== 'False';
  }).sort((a, b) => (b.metadata.creationTimestamp || '').localeCompare(a.metadata.creationTimestamp || ''));
  const u = running[0];

  return u ? {
    ref: refOf(TYPES.UPGRADE, u), name: u.metadata.name, version: u.spec?.version, previousVersion: u.status?.previousVersion
  } : null;
}

/**
 * Harvester only (there is a ManagedChart `harvester`): `setting-up` while no node is Ready
 * or the `harvester` release was never deployed; then `ready` or `degraded`.
 */
export function installPhase(inv: Inventory, items: Item[], health: Health, cluster: ClusterKind = 'harvester', unread: readonly UnreadType[] = []): Phase {
  if (cluster !== 'harvester') {
    return 'none';
  }
  // the phase is read from the Nodes, the ManagedCharts and the `harvester` release: without them it is not known
  if (unread.some((u) => PHASE_TYPES.has(u.type))) {
    return 'unknown';
  }
  const harvester = all(inv, TYPES.MANAGED_CHART).some((mc) => mc.metadata.name === 'harvester');

  if (!harvester) {
    return 'setting-up';
  }
  const nodeReady = items.some((i) => i.type === TYPES.NODE && i.health !== 'error');
  const release = get(inv, TYPES.APP, 'harvester-system/harvester');
  const status = release?.spec?.info?.status;

  if (!nodeReady || !release || status === 'pending-install') {
    return 'setting-up';
  }

  return health === 'ok' ? 'ready' : 'degraded';
}

const PHASE_TYPES = new Set<string>([TYPES.NODE, TYPES.MANAGED_CHART, TYPES.APP]);

/** The worst health of the items, and never better than unknown while a needed type is unread. */
export function verdictOf(inv: Inventory, items: Item[], cluster: ClusterKind = 'kubernetes', unread: readonly UnreadType[] = []): Verdict {
  const counts: Record<Health, number> = {
    ok: 0, progressing: 0, warning: 0, error: 0, unknown: 0
  };

  for (const item of items) {
    counts[item.health]++;
  }
  const health = worst([...items.map((i) => i.health), ...(unread.length ? ['unknown' as const] : [])]);

  return {
    health,
    rootCause: rootCause(items, health),
    phase:     installPhase(inv, items, health, cluster, unread),
    upgrade:   upgradeInProgress(inv),
    counts,
  };
}
