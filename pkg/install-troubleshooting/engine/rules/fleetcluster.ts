/**
 * The Fleet agent of a cluster checks in every 15 minutes (`status.agent.lastSeen`); older
 * than 30 minutes, or never, means it is not running or cannot reach Fleet.
 */
import type { FleetCluster, ObjectRef } from '../../types';
import { msg } from '../messages';
import { minutes, secondsSince } from '../util';
import { HEALTH_OF_STATE, stateFromSummary } from './fleet';
import { result } from './result';
import type { RuleResult } from './result';

export const AGENT_STALE_SECONDS = 30 * 60;

/** The agent's own problem, if it has one; undefined when it checks in and is deployed. */
export function agentRule(cluster: FleetCluster, now: Date): RuleResult | undefined {
  const status = cluster.status || {};
  const age = secondsSince(status.agent?.lastSeen, now);

  if (age === undefined) {
    return result('warning', msg('fleetCluster.neverCheckedIn'));
  }
  if (age > AGENT_STALE_SECONDS) {
    return result('warning', msg('fleetCluster.agentStale', { minutes: minutes(age) }));
  }
  const wanted = cluster.spec?.redeployAgentGeneration || 0;
  const deployed = status.agentDeployedGeneration;

  if (deployed !== undefined && deployed !== wanted) {
    return result('progressing', msg('fleetCluster.redeployPending', { generation: wanted }));
  }

  return undefined;
}

export function fleetClusterRule(cluster: FleetCluster, now: Date, agent: RuleResult | undefined, failingDeployments: ObjectRef[]): RuleResult {
  if (agent) {
    return agent;
  }
  if (cluster.spec?.paused) {
    return result('warning', msg('fleetCluster.paused'));
  }
  const status = cluster.status || {};
  const minutesAgo = minutes(secondsSince(status.agent?.lastSeen, now) || 0);
  const state = stateFromSummary(status.summary, status.display?.state);
  const readyBundles = status.display?.readyBundles || `${ status.summary?.ready || 0 }/${ status.summary?.desiredReady || 0 }`;

  if (!state || state === 'Ready') {
    return result('ok', msg('fleetCluster.ready', { minutes: minutesAgo, bundles: readyBundles }));
  }

  return result(HEALTH_OF_STATE[state], msg('fleetCluster.bundles', { bundles: readyBundles, state }), { causes: failingDeployments });
}
