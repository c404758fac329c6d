import type { BundleDeployment, ObjectRef } from '../../types';
import { msg } from '../messages';
import type { Message } from '../messages';
import { condition, isFalse } from '../util';
import { bundleDeploymentDrift, bundleDeploymentState, HEALTH_OF_STATE } from './fleet';
import { result } from './result';
import type { RuleResult } from './result';

/** `agentCause`: the Fleet Cluster whose agent is not checking in, which explains a stale deployment. */
export function bundleDeploymentRule(bd: BundleDeployment, agentCause: ObjectRef | undefined): RuleResult {
  const state = bundleDeploymentState(bd);
  const status = bd.status || {};
  const drift = bundleDeploymentDrift(bd);
  const reasons: Message[] = [];

  for (const type of ['Installed', 'Deployed', 'Monitored']) {
    const c = condition(status.conditions, type);

    if (isFalse(c) && c?.message) {
      reasons.push(msg('bundleDeployment.deployError', { condition: type, message: c.message }));
    }
  }
  if (status.incompleteState) {
    reasons.push(msg('bundleDeployment.incomplete'));
  }
  if (agentCause && state !== 'Ready') {
    reasons.push(msg('bundleDeployment.agentNotCheckingIn', { cluster: agentCause.id }));
  }
  const causes = agentCause && state !== 'Ready' ? [agentCause] : [];
  const modified = (status.modifiedStatus || []).length;
  const notReady = (status.nonReadyStatus || []).length;
  let summary: Message;

  switch (state) {
  case 'ErrApplied': {
    const failed = [condition(status.conditions, 'Deployed'), condition(status.conditions, 'Installed')].find((c) => isFalse(c));

    summary = msg('bundleDeployment.errApplied', { message: failed?.message || '' });
    break;
  }
  case 'WaitApplied':
    summary = msg('bundleDeployment.waitApplied');
    break;
  case 'NotReady':
    summary = msg('bundleDeployment.notReady', { count: notReady });
    break;
  case 'OutOfSync':
    summary = msg('bundleDeployment.outOfSync');
    break;
  case 'Modified':
    summary = msg('bundleDeployment.modified', { count: modified });
    break;
  default:
    summary = msg('bundleDeployment.ready', { release: status.release || '' });
  }

  return result(HEALTH_OF_STATE[state], summary, {
    reasons, causes, drift
  });
}
