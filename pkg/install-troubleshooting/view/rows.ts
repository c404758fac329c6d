/**
 * The rows of the page's sections, built from the analysis: plain data with the few facts
 * that matter per row. Components only lay them out.
 */
import { TYPES } from '../types';
import type { ObjectRef } from '../types';
import { HEALTH_ORDER } from '../engine';
import type { Analysis, Health, Item, Message } from '../engine';
import { worst } from '../engine/verdict';
import { bundleDeploymentState, stateFromSummary } from '../engine/rules/fleet';
import { refKey } from '../engine/chains';
import { get, objectId } from '../engine/inventory';
import { secondsSince } from '../engine/util';

export interface BaseRow {
  /** Unique per table. */
  key: string;
  /** The object the row opens in the side panel. */
  ref: ObjectRef;
  name: string;
  namespace?: string;
  health: Health;
  /** For sorting, worst first. */
  healthRank: number;
  summary: Message;
}

export interface HelmChartRow extends BaseRow {
  jobState: string;
  restarts: number;
  lastMessage?: string;
}

export interface FleetChartRow extends BaseRow {
  managedChart?: ObjectRef;
  bundle?: ObjectRef;
  bundleState?: string;
  deployments: { ref: ObjectRef; state: string; health: Health }[];
}

export interface AgentRow extends BaseRow {
  lastSeen?: string;
  /** Minutes between the agent's last check-in and the time the objects were read. */
  lastSeenMinutes?: number;
  agentGeneration: string;
  readyBundles: string;
}

export interface ReleaseRow extends BaseRow {
  revision?: number;
  updated?: string;
  status?: string;
  chart?: string;
  appVersion?: string;
}

export interface NodeRow extends BaseRow {
  kubelet?: string;
}

function base(item: Item, health: Health = item.health): BaseRow {
  return {
    key: refKey(item), ref: { type: item.type, id: item.id }, name: item.name, namespace: item.namespace, health, healthRank: HEALTH_ORDER.indexOf(health), summary: item.summary
  };
}

function itemsOf(a: Analysis, type: string): Item[] {
  return a.diagnosis.items.filter((i) => i.type === type);
}

export function helmChartRows(a: Analysis): HelmChartRow[] {
  return itemsOf(a, TYPES.HELM_CHART).map((i) => ({
    ...base(i), jobState: i.evidence?.jobState || '', restarts: i.evidence?.restarts || 0, lastMessage: i.evidence?.lastMessage
  }));
}

/** One row per Bundle (with its ManagedChart, if any) and per ManagedChart without a Bundle. */
export function fleetChartRows(a: Analysis): FleetChartRow[] {
  const byKey = new Map(a.diagnosis.items.map((i) => [refKey(i), i]));
  const rows: FleetChartRow[] = [];
  const seenCharts = new Set<string>();

  for (const bundleItem of itemsOf(a, TYPES.BUNDLE)) {
    const bundle = get(a.inv, TYPES.BUNDLE, bundleItem.id);
    const mc = a.links.managedChartOfBundle.get(bundleItem.id);
    const mcItem = mc && byKey.get(refKey({ type: TYPES.MANAGED_CHART, id: objectId(mc) }));
    const deployments = (a.links.deploymentsOfBundle.get(bundleItem.id) || []).map((bd) => {
      const ref = { type: TYPES.BUNDLE_DEPLOYMENT, id: objectId(bd) };

      return {
        ref, state: bundleDeploymentState(bd), health: byKey.get(refKey(ref))?.health || 'unknown' as Health
      };
    });
    const parts = [mcItem, bundleItem, ...deployments.map((d) => byKey.get(refKey(d.ref)))].filter((i): i is Item => !!i);
    const health = worst(parts.map((p) => p.health));
    const explaining = [...parts].reverse().find((p) => p.health === health) || bundleItem;

    if (mcItem) {
      seenCharts.add(mcItem.id);
    }
    rows.push({
      ...base(mcItem || bundleItem, health),
      key:          refKey(bundleItem),
      summary:      explaining.summary,
      managedChart: mcItem ? { type: mcItem.type, id: mcItem.id } : undefined,
      bundle:       { type: bundleItem.type, id: bundleItem.id },
      bundleState:  stateFromSummary(bundle?.status?.summary, bundle?.status?.display?.state),
      deployments,
    });
  }
  for (const mcItem of itemsOf(a, TYPES.MANAGED_CHART).filter((i) => !seenCharts.has(i.id))) {
    rows.push({
      ...base(mcItem), managedChart: { type: mcItem.type, id: mcItem.id }, deployments: []
    });
  }

  return rows;
}

export function agentRows(a: Analysis): AgentRow[] {
  return itemsOf(a, TYPES.FLEET_CLUSTER).map((i) => {
    const c = get(a.inv, TYPES.FLEET_CLUSTER, i.id);
    const summary = c?.status?.summary;
    const seconds = secondsSince(c?.status?.agent?.lastSeen, new Date(a.diagnosis.now));

    return {
      ...base(i),
      lastSeen:        c?.status?.agent?.lastSeen || undefined,
      lastSeenMinutes: seconds === undefined ? undefined : Math.max(0, Math.floor(seconds / 60)),
      agentGeneration: `${ c?.status?.agentDeployedGeneration ?? '–' }/${ c?.spec?.redeployAgentGeneration ?? 0 }`,
      readyBundles:    c?.status?.display?.readyBundles || `${ summary?.ready || 0 }/${ summary?.desiredReady || 0 }`,
    };
  });
}

export function releaseRows(a: Analysis): ReleaseRow[] {
  return itemsOf(a, TYPES.APP).map((i) => {
    const app = get(a.inv, TYPES.APP, i.id);
    const meta = app?.spec?.chart?.metadata;

    return {
      ...base(i),
      name:       app?.spec?.name || i.name,
      namespace:  app?.spec?.namespace || i.namespace,
      revision:   app?.spec?.version,
      updated:    app?.spec?.info?.lastDeployed,
      status:     app?.spec?.info?.status,
      chart:      meta?.name ? `${ meta.name }-${ meta.version || '' }` : undefined,
      appVersion: meta?.appVersion,
    };
  });
}

export function nodeRows(a: Analysis): NodeRow[] {
  return itemsOf(a, TYPES.NODE).map((i) => ({ ...base(i), kubelet: get(a.inv, TYPES.NODE, i.id)?.status?.nodeInfo?.kubeletVersion }));
}

export function problemsOnly<R extends BaseRow>(rows: R[], on: boolean): R[] {
  return on ? rows.filter((r) => r.health !== 'ok') : rows;
}
