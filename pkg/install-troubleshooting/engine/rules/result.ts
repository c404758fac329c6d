import type { ObjectRef } from '../../types';
import type { DriftLine, Health, HelmChartEvidence } from '../model';
import type { Message } from '../messages';

/** What one health rule decides about one object. */
export interface RuleResult {
  health: Health;
  summary: Message;
  reasons: Message[];
  causes: ObjectRef[];
  drift?: DriftLine[];
  evidence?: HelmChartEvidence;
}

export function result(health: Health, summary: Message, extra: Partial<RuleResult> = {}): RuleResult {
  return {
    health, summary, reasons: [], causes: [], ...extra
  };
}
