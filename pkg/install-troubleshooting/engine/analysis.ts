/**
 * The one pass from objects to a diagnosis: sort them, link them into chains, run one rule
 * per object (agents first, then the deployments they explain, then what those explain),
 * then offer actions and reach the verdict.
 */
import { TYPES } from '../types';
import type { Condition, KubeObject, ObjectRef, SteveType } from '../types';
import { offeredActions } from './actions';
import { linkObjects, refKey } from './chains';
import type { Links } from './chains';
import { all, buildInventory, objectId, refOf } from './inventory';
import type { Inventory } from './inventory';
import type {
  ClusterKind, Diagnosis, Health, Item, UnreadType
} from './model';
import { inferClusterKind, unreadTypes } from './needs';
import { appRule, isListedRelease } from './rules/app';
import { bundleRule } from './rules/bundle';
import { bundleDeploymentRule } from './rules/bundledeployment';
import { agentRule, fleetClusterRule } from './rules/fleetcluster';
import { helmChartRule } from './rules/helmchart';
import { managedChartRule } from './rules/managedchart';
import { nodeRule } from './rules/node';
import type { RuleResult } from './rules/result';
import { verdictOf } from './verdict';
import { msg } from './messages';
import { redactDiagnosis } from './redact';

export interface DiagnoseInput {
  objects: readonly unknown[];
  /** The time the objects were read; ages (Job, agent check-in) are measured against it. */
  now: Date | string;
  /** The types that were listed; by default, every type with at least one object. */
  listed?: Iterable<SteveType>;
  /** Types the caller tried to read and could not, with why; they count as not listed. */
  unread?: readonly UnreadType[];
  /** What the cluster is, when the caller knows; otherwise inferred from the objects. */
  cluster?: ClusterKind;
}

export interface Analysis {
  inv: Inventory;
  links: Links;
  /** Fleet Clusters whose agent has a problem of its own, with its health. */
  agentProblems: Map<string, Health>;
  diagnosis: Diagnosis;
}

function conditionsOf(obj: KubeObject): Condition[] | undefined {
  const status = (obj as { status?: { conditions?: unknown } }).status;

  return Array.isArray(status?.conditions) ? status?.conditions as Condition[] : undefined;
}

function toItem(inv: Inventory, type: SteveType, obj: KubeObject, rule: RuleResult, related: (ObjectRef | undefined)[]): Item {
  const conditions = conditionsOf(obj);
  const id = objectId(obj);
  const dropped = inv.dropped.get(refKey({ type, id })) || [];
  // what could not be read is unknown, never healthy: an object judged OK from what remained is not OK
  const health: Health = dropped.length && rule.health === 'ok' ? 'unknown' : rule.health;

  return {
    type,
    id,
    name:       obj.metadata.name,
    namespace:  obj.metadata.namespace,
    health,
    summary:    rule.summary,
    reasons:    dropped.length ? [...rule.reasons, msg('item.dropped', { fields: dropped.join(', ') })] : rule.reasons,
    related:    related.filter((r): r is ObjectRef => !!r),
    causes:     rule.causes,
    actions:    [],
    // copied, with their Secret values, by the one redaction point at the end of analyze()
    conditions: conditions || [],
    drift:      rule.drift || [],
    evidence:   rule.evidence,
    dropped,
  };
}

function notOk(items: Map<string, Item>, refs: ObjectRef[]): ObjectRef[] {
  return refs.filter((r) => {
    const item = items.get(refKey(r));

    return !!item && item.health !== 'ok';
  });
}

export function analyze(input: DiagnoseInput): Analysis {
  const given = typeof input.now === 'string' ? new Date(input.now) : input.now;
  // an unreadable time must not stop the diagnosis: ages are then measured from the epoch and read as long
  const now = Number.isNaN(given.getTime()) ? new Date(0) : given;
  const inv = buildInventory(input.objects, input.listed);

  for (const u of input.unread || []) {
    inv.listed.delete(u.type);
  }
  const cluster = input.cluster || inferClusterKind(inv);
  const unread = unreadTypes(cluster, inv.listed, input.unread);
  const links = linkObjects(inv);
  const items = new Map<string, Item>();
  const add = (item: Item) => items.set(refKey(item), item);
  const appRef = (ref: ObjectRef) => {
    const app = links.appOf.get(refKey(ref));

    return app ? refOf(TYPES.APP, app) : undefined;
  };

  for (const node of all(inv, TYPES.NODE)) {
    add(toItem(inv, TYPES.NODE, node, nodeRule(node), []));
  }

  for (const chart of all(inv, TYPES.HELM_CHART)) {
    const id = objectId(chart);
    const job = links.jobOfChart.get(id);
    const pods = links.podsOfChart.get(id) || [];
    const rule = helmChartRule({
      chart,
      job,
      pods,
      eventRefs:  (links.eventsOfChart.get(id) || []).map((e) => refOf(TYPES.EVENT, e)),
      jobsListed: inv.listed.has(TYPES.JOB),
      podsListed: inv.listed.has(TYPES.POD),
      now,
    });

    add(toItem(inv, TYPES.HELM_CHART, chart, rule, [job && refOf(TYPES.JOB, job), ...pods.map((p) => refOf(TYPES.POD, p)), appRef(refOf(TYPES.HELM_CHART, chart))]));
  }

  const agentProblems = new Map<string, Health>();
  const agentResults = new Map<string, RuleResult>();

  for (const cluster of all(inv, TYPES.FLEET_CLUSTER)) {
    const agent = agentRule(cluster, now);

    if (agent) {
      agentProblems.set(objectId(cluster), agent.health);
      agentResults.set(objectId(cluster), agent);
    }
  }

  for (const bd of all(inv, TYPES.BUNDLE_DEPLOYMENT)) {
    const id = objectId(bd);
    const cluster = links.clusterOfDeployment.get(id);
    const clusterRef = cluster && refOf(TYPES.FLEET_CLUSTER, cluster);
    const bundle = links.bundleOfDeployment.get(id);
    const ref = refOf(TYPES.BUNDLE_DEPLOYMENT, bd);
    const agentCause = clusterRef && agentProblems.get(clusterRef.id) === 'warning' ? clusterRef : undefined;

    add(toItem(inv, TYPES.BUNDLE_DEPLOYMENT, bd, bundleDeploymentRule(bd, agentCause), [bundle && refOf(TYPES.BUNDLE, bundle), clusterRef, appRef(ref)]));
  }

  for (const cluster of all(inv, TYPES.FLEET_CLUSTER)) {
    const id = objectId(cluster);
    const deployments = (links.deploymentsOfCluster.get(id) || []).map((bd) => refOf(TYPES.BUNDLE_DEPLOYMENT, bd));

    add(toItem(inv, TYPES.FLEET_CLUSTER, cluster, fleetClusterRule(cluster, now, agentResults.get(id), notOk(items, deployments)), deployments));
  }

  const bundleResults = new Map<string, RuleResult>();

  for (const bundle of all(inv, TYPES.BUNDLE)) {
    const id = objectId(bundle);
    const deployments = (links.deploymentsOfBundle.get(id) || []).map((bd) => refOf(TYPES.BUNDLE_DEPLOYMENT, bd));
    const mc = links.managedChartOfBundle.get(id);
    const rule = bundleRule(bundle, notOk(items, deployments), inv.listed.has(TYPES.BUNDLE_DEPLOYMENT) && deployments.length > 0);

    bundleResults.set(id, rule);
    add(toItem(inv, TYPES.BUNDLE, bundle, rule, [mc && refOf(TYPES.MANAGED_CHART, mc), ...deployments]));
  }

  for (const mc of all(inv, TYPES.MANAGED_CHART)) {
    const bundle = links.bundleOfManagedChart.get(objectId(mc));
    const bundleRef = bundle && refOf(TYPES.BUNDLE, bundle);
    const bundleRule = bundleRef && bundleResults.get(bundleRef.id);
    const rule = managedChartRule(mc, bundleRef && bundleRule ? { ref: bundleRef, rule: bundleRule } : undefined, inv.listed.has(TYPES.BUNDLE));

    add(toItem(inv, TYPES.MANAGED_CHART, mc, rule, [bundleRef, appRef(refOf(TYPES.MANAGED_CHART, mc))]));
  }

  for (const app of all(inv, TYPES.APP).filter(isListedRelease)) {
    const owners = links.ownersOfApp.get(objectId(app)) || [];

    add(toItem(inv, TYPES.APP, app, appRule(app, notOk(items, owners)), owners));
  }

  const list = [...items.values()].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  const diagnosis: Diagnosis = {
    now: now.toISOString(), cluster, verdict: verdictOf(inv, list, cluster, unread), unread, items: list, skipped: inv.skipped
  };
  const analysis: Analysis = {
    inv, links, agentProblems, diagnosis
  };

  for (const item of list) {
    item.actions = offeredActions(analysis, item);
  }
  // the one redaction point: nothing leaves the engine before it
  analysis.diagnosis = redactDiagnosis(diagnosis);

  return analysis;
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  return analyze(input).diagnosis;
}
