/**
 * Fleet states. A Bundle's (and a ManagedChart's, which embeds the Bundle status) state
 * comes from its summary counts and `display.state`, never from a `Ready` condition alone:
 * Fleet has been seen writing `Ready=True` with reason `Error`. A BundleDeployment's state
 * follows Fleet's own `GetDeploymentState`, read with the real `…ID` keys.
 */
import type { BundleDeployment, BundleState, BundleSummary } from '../../types';
import { driftFromModified, driftFromNonReady } from '../drift';
import type { DriftLine, Health } from '../model';
import { condition, isFalse } from '../util';

/** Fleet's `StateRank`: the higher, the worse. */
export const STATE_RANK: Record<BundleState, number> = {
  ErrApplied:  7,
  WaitApplied: 6,
  Modified:    5,
  OutOfSync:   4,
  Pending:     3,
  NotReady:    2,
  Ready:       1,
};

export const HEALTH_OF_STATE: Record<BundleState, Health> = {
  ErrApplied:  'error',
  Modified:    'warning',
  NotReady:    'warning',
  WaitApplied: 'progressing',
  OutOfSync:   'progressing',
  Pending:     'progressing',
  Ready:       'ok',
};

function isState(s: string | undefined): s is BundleState {
  return !!s && Object.prototype.hasOwnProperty.call(STATE_RANK, s);
}

export function worstState(states: (string | undefined)[]): BundleState | undefined {
  return states.filter(isState).sort((a, b) => STATE_RANK[b] - STATE_RANK[a])[0];
}

const COUNT_STATES: [keyof BundleSummary, BundleState][] = [
  ['errApplied', 'ErrApplied'], ['waitApplied', 'WaitApplied'], ['modified', 'Modified'],
  ['outOfSync', 'OutOfSync'], ['pending', 'Pending'], ['notReady', 'NotReady'],
];

/**
 * The state a Bundle summary proves: the worst of its non-zero counts, its `display.state`
 * and its non-ready resources; `Ready` only when every desired deployment is ready.
 * Undefined when there is nothing to judge from (no summary, or no cluster targeted).
 */
export function stateFromSummary(summary: BundleSummary | undefined, displayState?: string): BundleState | undefined {
  const candidates: (string | undefined)[] = [displayState];

  for (const [key, state] of COUNT_STATES) {
    if (((summary?.[key] as number | undefined) || 0) > 0) {
      candidates.push(state);
    }
  }
  for (const r of summary?.nonReadyResources || []) {
    candidates.push(r.bundleState);
  }
  const worst = worstState(candidates);

  if (worst && worst !== 'Ready') {
    return worst;
  }
  if (!summary || !summary.desiredReady) {
    return worst;
  }

  return (summary.ready || 0) >= summary.desiredReady ? 'Ready' : 'NotReady';
}

/** Fleet's `GetDeploymentState`, in its order. */
export function bundleDeploymentState(bd: BundleDeployment): BundleState {
  const spec = bd.spec || {};
  const status = bd.status || {};

  if (status.appliedDeploymentID !== spec.deploymentID) {
    return isFalse(condition(status.conditions, 'Deployed')) ? 'ErrApplied' : 'WaitApplied';
  }
  if (!status.ready) {
    return 'NotReady';
  }
  if (spec.deploymentID !== spec.stagedDeploymentID) {
    return 'OutOfSync';
  }
  if (!status.nonModified) {
    return 'Modified';
  }

  return 'Ready';
}

export function bundleDeploymentDrift(bd: BundleDeployment): DriftLine[] {
  return [
    ...(bd.status?.modifiedStatus || []).map(driftFromModified),
    ...(bd.status?.nonReadyStatus || []).map(driftFromNonReady),
  ];
}

export function summaryDrift(summary: BundleSummary | undefined): DriftLine[] {
  return (summary?.nonReadyResources || []).flatMap((r) => [
    ...(r.modifiedStatus || []).map(driftFromModified),
    ...(r.nonReadyStatus || []).map(driftFromNonReady),
  ]);
}
