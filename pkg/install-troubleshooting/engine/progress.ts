/**
 * Whether a sent plan has shown its effect: a new Job (another uid) for a rerun, new
 * `appliedDeploymentID`s for a force redeploy, an unpaused ManagedChart, the agent generation
 * caught up. Compared against a snapshot taken before the requests were sent.
 */
import { TYPES } from '../types';
import type { BundleDeployment } from '../types';
import type { ActionPlan } from './actions';
import type { Analysis } from './analysis';
import { get } from './inventory';

export interface Snapshot {
  /** For a rerun: the uid of the Job before it was deleted (undefined when there was none). */
  jobUid?: string;
  /** For a force redeploy: the applied deployment of each BundleDeployment, by id. */
  applied?: Record<string, string | undefined>;
}

function deploymentsOf(a: Analysis, bundleId: string): BundleDeployment[] {
  return a.links.deploymentsOfBundle.get(bundleId) || [];
}

function chartIdOf(plan: ActionPlan): string | undefined {
  return plan.requests.find((r) => r.object.type === TYPES.HELM_CHART)?.object.id;
}

export function snapshot(a: Analysis, plan: ActionPlan): Snapshot {
  switch (plan.action) {
  case 'rerun': {
    const chartId = chartIdOf(plan);

    return { jobUid: chartId ? a.links.jobOfChart.get(chartId)?.metadata.uid : undefined };
  }
  case 'force-redeploy':
    return { applied: Object.fromEntries(deploymentsOf(a, plan.target.id).map((bd) => [`${ bd.metadata.namespace }/${ bd.metadata.name }`, bd.status?.appliedDeploymentID])) };
  default:
    return {};
  }
}

function bodySpec(plan: ActionPlan): Record<string, unknown> {
  return (plan.requests[plan.requests.length - 1]?.body?.spec || {}) as Record<string, unknown>;
}

export function hasSettled(a: Analysis, plan: ActionPlan, before: Snapshot): boolean {
  switch (plan.action) {
  case 'rerun': {
    const chartId = chartIdOf(plan);
    const job = chartId ? a.links.jobOfChart.get(chartId) : undefined;

    return !!job && job.metadata.uid !== before.jobUid;
  }
  case 'force-redeploy': {
    const bds = deploymentsOf(a, plan.target.id);

    return bds.length > 0 && bds.every((bd) => {
      const applied = bd.status?.appliedDeploymentID;

      return applied !== before.applied?.[`${ bd.metadata.namespace }/${ bd.metadata.name }`] && applied === bd.spec?.deploymentID;
    });
  }
  case 'resume':
    return get(a.inv, TYPES.MANAGED_CHART, plan.target.id)?.spec?.paused === false;
  case 'redeploy-agent': {
    const wanted = bodySpec(plan).redeployAgentGeneration as number;

    return (get(a.inv, TYPES.FLEET_CLUSTER, plan.target.id)?.status?.agentDeployedGeneration || 0) >= wanted;
  }
  }
}
