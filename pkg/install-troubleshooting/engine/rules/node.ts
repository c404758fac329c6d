import type { Node } from '../../types';
import { msg } from '../messages';
import { condition } from '../util';
import { result } from './result';
import type { RuleResult } from './result';

export function nodeRule(node: Node): RuleResult {
  const ready = condition(node.status?.conditions, 'Ready');

  if (ready?.status !== 'True') {
    return result('error', msg('node.notReady', { reason: ready?.reason || ready?.status || '', message: ready?.message || '' }));
  }
  if (node.spec?.unschedulable) {
    return result('warning', msg('node.cordoned'));
  }

  return result('ok', msg('node.ready', { version: node.status?.nodeInfo?.kubeletVersion || '' }));
}
