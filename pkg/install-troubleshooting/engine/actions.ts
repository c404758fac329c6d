/**
 * Safe action plans: the exact HTTP requests of each fix, in order, the permission that gates
 * it, the message for its confirmation, and for each request what its success leaves (so a
 * plan that stops part-way can say what took effect and what to do next). Only four shapes of request exist here — a status
 * reset and three merge patches of one spec field each, all guarded by `resourceVersion`, and
 * the DELETE of one `helm-install-<chart>` Job. Nothing here can delete a HelmChart, a
 * ManagedChart, a Bundle, a BundleDeployment or a Secret.
 */
import { TYPES } from '../types';
import type {
  Bundle, FleetCluster, HelmChart, Job, KubeObject, ManagedChart, ObjectRef, SteveLinks
} from '../types';
import type { Analysis } from './analysis';
import { get, refOf } from './inventory';
import { msg } from './messages';
import type { Message, MessageArgs } from './messages';
import type { ActionId, Item } from './model';
import { condition, isFalse, label } from './util';

export const MERGE_PATCH = 'application/merge-patch+json';

export interface PlannedRequest {
  /** The object the request changes. */
  object: ObjectRef;
  method: 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
  /** What the cluster is left with once this request succeeded. */
  effect: Message;
  /**
   * When this request fails after every request before it took effect: the state that leaves
   * and what to do next. Absent on a plan's first request (then nothing took effect).
   */
  partialFailure?: Message;
}

export interface ActionPlan {
  action: ActionId;
  /** The object the requests change. */
  target: ObjectRef;
  /** Sent in order; the plan stops at the first that fails. */
  requests: PlannedRequest[];
  /** The object and `links` entry that must be present for the user to be allowed. */
  permission: { ref: ObjectRef; link: keyof SteveLinks };
  allowed: boolean;
  label: Message;
  confirm: Message;
}

/** Where URLs start when an object carries no `links`: '' for the local cluster, `/k8s/clusters/<id>` for another. */
export interface UrlContext {
  clusterBase: string;
}

const LOCAL: UrlContext = { clusterBase: '' };

function steveUrl(obj: KubeObject, collection: string, urls: UrlContext): string {
  const { namespace, name } = obj.metadata;

  return obj.links?.self || `${ urls.clusterBase }/v1/${ collection }/${ namespace ? `${ namespace }/` : '' }${ name }`;
}

function mergePatch(object: ObjectRef, url: string, obj: KubeObject, body: Record<string, unknown>, effect: Message): PlannedRequest {
  const rv = obj.metadata.resourceVersion;

  return {
    object, method: 'PATCH', url, headers: { 'content-type': MERGE_PATCH }, body: rv ? { metadata: { resourceVersion: rv }, ...body } : body, effect
  };
}

function allowed(obj: KubeObject, link: keyof SteveLinks): boolean {
  return !!obj.links?.[link];
}

const RERUNNABLE = new Set(['complete', 'failed', 'crash-looping', 'stuck']);

function planRerun(a: Analysis, item: Item, urls: UrlContext): ActionPlan | undefined {
  const chart = get(a.inv, TYPES.HELM_CHART, item.id) as HelmChart;
  const state = item.evidence?.jobState;
  const jobName = chart.status?.jobName;
  const name = chart.metadata.name;

  if (chart.metadata.deletionTimestamp || !jobName || jobName !== `helm-install-${ name }` || !chart.metadata.resourceVersion) {
    return undefined;
  }
  const statusUrl = `${ chart.links?.view || `${ urls.clusterBase }/apis/helm.cattle.io/v1/namespaces/${ chart.metadata.namespace }/helmcharts/${ name }` }/status`;
  const chartRef = refOf(TYPES.HELM_CHART, chart);
  const reset = mergePatch(chartRef, statusUrl, chart, { status: null }, msg('action.rerun.effectReset', { chart: item.id }));

  if (state === 'missing') {
    return {
      action: 'rerun', target: chartRef, requests: [reset], permission: { ref: chartRef, link: 'update' }, allowed: allowed(chart, 'update'), label: msg('action.rerun.label'), confirm: msg('action.rerun.confirmResetOnly', { chart: item.id, job: jobName })
    };
  }
  const job = a.links.jobOfChart.get(item.id) as Job | undefined;

  if (!job || !state || !RERUNNABLE.has(state) || job.metadata.name !== jobName || job.metadata.namespace !== chart.metadata.namespace ||
      label(job, 'helmcharts.helm.cattle.io/chart') !== name) {
    return undefined;
  }
  const jobRef = refOf(TYPES.JOB, job);

  return {
    action:     'rerun',
    target:     jobRef,
    requests:   [reset, {
      object:         jobRef,
      method:         'DELETE',
      url:            `${ steveUrl(job, 'batch.jobs', urls) }?propagationPolicy=Background`,
      headers:        {},
      effect:         msg('action.rerun.effectDelete', { job: jobRef.id }),
      partialFailure: msg('action.rerun.jobLeft', {
        chart: item.id, job: jobRef.id, namespace: job.metadata.namespace || '', name: jobName
      }),
    }],
    permission: { ref: jobRef, link: 'remove' },
    allowed:    allowed(job, 'remove'),
    label:      msg('action.rerun.label'),
    confirm:    msg('action.rerun.confirm', { chart: item.id, job: jobRef.id }),
  };
}

/** The `mcc-*` Bundle that a force redeploy patches, for a ManagedChart, its Bundle or one of its BundleDeployments. */
function managedBundle(a: Analysis, item: Item): { mc: ManagedChart; bundle: Bundle } | undefined {
  let bundle: Bundle | undefined;

  if (item.type === TYPES.MANAGED_CHART) {
    bundle = a.links.bundleOfManagedChart.get(item.id);
  } else if (item.type === TYPES.BUNDLE) {
    bundle = get(a.inv, TYPES.BUNDLE, item.id);
  } else if (item.type === TYPES.BUNDLE_DEPLOYMENT) {
    bundle = a.links.bundleOfDeployment.get(item.id);
  }
  const mc = bundle && a.links.managedChartOfBundle.get(`${ bundle.metadata.namespace }/${ bundle.metadata.name }`);

  return bundle && mc ? { mc, bundle } : undefined;
}

/**
 * The three fixes that merge-patch one spec field of one object: gated by its `update` link,
 * sent to its Steve URL.
 */
function specPatch(action: Exclude<ActionId, 'rerun'>, ref: ObjectRef, obj: KubeObject, collection: string, spec: Record<string, unknown>, confirm: MessageArgs, urls: UrlContext): ActionPlan | undefined {
  // no resourceVersion, no guard: a write that could overwrite someone else's change is never planned
  if (!obj.metadata.resourceVersion) {
    return undefined;
  }

  return {
    action,
    target:     ref,
    requests:   [mergePatch(ref, steveUrl(obj, collection, urls), obj, { spec }, msg(`action.${ action }.effect`, confirm))],
    permission: { ref, link: 'update' },
    allowed:    allowed(obj, 'update'),
    label:      msg(`action.${ action }.label`),
    confirm:    msg(`action.${ action }.confirm`, confirm),
  };
}

function planForceRedeploy(a: Analysis, item: Item, urls: UrlContext): ActionPlan | undefined {
  const found = managedBundle(a, item);

  if (!found || (item.health !== 'error' && item.health !== 'warning')) {
    return undefined;
  }
  const { mc, bundle } = found;

  if (isFalse(condition(mc.status?.conditions, 'Defined')) || mc.spec?.paused || bundle.spec?.paused) {
    return undefined;
  }
  const from = bundle.spec?.forceSyncGeneration || 0;
  const ref = refOf(TYPES.BUNDLE, bundle);

  return specPatch('force-redeploy', ref, bundle, 'fleet.cattle.io.bundles', { forceSyncGeneration: from + 1 }, {
    bundle: ref.id, from, to: from + 1
  }, urls);
}

function planResume(a: Analysis, item: Item, urls: UrlContext): ActionPlan | undefined {
  const mc = get(a.inv, TYPES.MANAGED_CHART, item.id) as ManagedChart;

  // never while an Upgrade runs, nor when the Upgrades could not be read (one may be running)
  if (!mc.spec?.paused || a.diagnosis.verdict.upgrade || !a.inv.listed.has(TYPES.UPGRADE)) {
    return undefined;
  }
  const ref = refOf(TYPES.MANAGED_CHART, mc);

  return specPatch('resume', ref, mc, 'management.cattle.io.managedcharts', { paused: false }, { chart: ref.id }, urls);
}

function planRedeployAgent(a: Analysis, item: Item, urls: UrlContext): ActionPlan | undefined {
  if (a.agentProblems.get(item.id) !== 'warning') {
    return undefined;
  }
  const cluster = get(a.inv, TYPES.FLEET_CLUSTER, item.id) as FleetCluster;
  const to = Math.max(cluster.spec?.redeployAgentGeneration || 0, cluster.status?.agentDeployedGeneration || 0) + 1;
  const ref = refOf(TYPES.FLEET_CLUSTER, cluster);

  return specPatch('redeploy-agent', ref, cluster, 'fleet.cattle.io.clusters', { redeployAgentGeneration: to }, { cluster: ref.id, generation: to }, urls);
}

const PLANNERS: { action: ActionId; types: string[]; plan: (a: Analysis, item: Item, urls: UrlContext) => ActionPlan | undefined }[] = [
  {
    action: 'rerun', types: [TYPES.HELM_CHART], plan: planRerun
  },
  {
    action: 'force-redeploy', types: [TYPES.MANAGED_CHART, TYPES.BUNDLE, TYPES.BUNDLE_DEPLOYMENT], plan: planForceRedeploy
  },
  {
    action: 'resume', types: [TYPES.MANAGED_CHART], plan: planResume
  },
  {
    action: 'redeploy-agent', types: [TYPES.FLEET_CLUSTER], plan: planRedeployAgent
  },
];

/** The plan of one action for one item, or undefined when that action is not offered for it. */
export function planAction(a: Analysis, ref: ObjectRef, action: ActionId, urls: UrlContext = LOCAL): ActionPlan | undefined {
  const item = a.diagnosis.items.find((i) => i.type === ref.type && i.id === ref.id);
  const planner = PLANNERS.find((p) => p.action === action);

  return item && planner && planner.types.includes(item.type) ? planner.plan(a, item, urls) : undefined;
}

/** Every action offered for an item. */
export function offeredActions(a: Analysis, item: Item): ActionId[] {
  return PLANNERS.filter((p) => p.types.includes(item.type) && p.plan(a, item, LOCAL)).map((p) => p.action);
}

/**
 * Why a plan that was offered (or asked for) is no longer the plan: `gone` names an object it
 * would change that is no longer in the cluster (deleted meanwhile); without it, the state that
 * called for the fix changed, or its requests did. Only a type that was listed can show an
 * object gone.
 */
export interface Withdrawal {
  gone?: ObjectRef;
}

function sameRequests(a: ActionPlan, b: ActionPlan): boolean {
  return a.requests.length === b.requests.length && a.requests.every((r, i) => r.method === b.requests[i].method && r.url === b.requests[i].url);
}

/** Undefined while `current` (the plan offered now for the same item and action) sends the same requests as `plan`. */
export function withdrawal(a: Analysis, plan: ActionPlan, current: ActionPlan | undefined): Withdrawal | undefined {
  if (current && sameRequests(current, plan)) {
    return undefined;
  }
  const gone = [plan.target, ...plan.requests.map((r) => r.object)].find((r) => a.inv.listed.has(r.type) && !get(a.inv, r.type, r.id));

  return gone ? { gone } : {};
}
