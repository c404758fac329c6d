import type { ManagedChart, ObjectRef } from '../../types';
import { msg } from '../messages';
import { condition, isFalse } from '../util';
import { HEALTH_OF_STATE, stateFromSummary } from './fleet';
import { result } from './result';
import type { RuleResult } from './result';

/**
 * `bundle`: the `mcc-*` Bundle and the result of its own rule, when it was found.
 * `bundlesListed`: whether Bundles were listed at all.
 */
export function managedChartRule(mc: ManagedChart, bundle: { ref: ObjectRef; rule: RuleResult } | undefined, bundlesListed: boolean): RuleResult {
  const defined = condition(mc.status?.conditions, 'Defined');

  if (isFalse(defined)) {
    return result('error', msg('managedChart.notDefined', { message: defined?.message || '' }));
  }
  if (mc.spec?.paused) {
    return result('warning', msg('managedChart.paused'));
  }
  if (bundle) {
    const state = bundle.rule.health === 'ok' ? 'Ready' : stateFromSummary(mc.status?.summary, mc.status?.display?.state);

    return result(bundle.rule.health, msg('managedChart.bundleState', { bundle: bundle.ref.id, state: state || bundle.rule.health }), { causes: bundle.rule.health === 'ok' ? [] : [bundle.ref] });
  }
  const state = stateFromSummary(mc.status?.summary, mc.status?.display?.state);

  if (bundlesListed || !state) {
    return result('progressing', mc.status ? msg('managedChart.noBundle', { bundle: `mcc-${ mc.metadata.name }` }) : msg('managedChart.notProcessed'));
  }

  return result(HEALTH_OF_STATE[state], msg('managedChart.bundleState', { bundle: `mcc-${ mc.metadata.name }`, state }));
}
