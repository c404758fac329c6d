import type { Bundle, ObjectRef } from '../../types';
import { msg } from '../messages';
import { HEALTH_OF_STATE, stateFromSummary, summaryDrift } from './fleet';
import { result } from './result';
import type { RuleResult } from './result';

/**
 * `failingDeployments`: its BundleDeployments that are not Ready (they explain it);
 * `deploymentsKnown`: whether its BundleDeployments were listed, so drift is shown there.
 */
export function bundleRule(bundle: Bundle, failingDeployments: ObjectRef[], deploymentsKnown: boolean): RuleResult {
  const status = bundle.status;

  if (bundle.spec?.paused) {
    return result('warning', msg('bundle.paused'));
  }
  if (!status) {
    return result('progressing', msg('bundle.notProcessed'));
  }
  const state = stateFromSummary(status.summary, status.display?.state);

  if (!state) {
    return result('unknown', msg('bundle.noTargets'));
  }
  const readyClusters = status.display?.readyClusters || `${ status.summary?.ready || 0 }/${ status.summary?.desiredReady || 0 }`;

  return result(HEALTH_OF_STATE[state], msg('bundle.state', { state, clusters: readyClusters }), {
    causes: state === 'Ready' ? [] : failingDeployments,
    drift:  deploymentsKnown ? [] : summaryDrift(status.summary),
  });
}
