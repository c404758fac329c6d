/**
 * What a condition means for its kind: `Failed=False` on a HelmChart is good news, `Ready=False`
 * bad news, `MemoryPressure=True` on a Node bad news. Used to colour condition tables.
 */
import type { Condition, SteveType } from '../types';

export type ConditionMeaning = 'good' | 'bad' | 'neutral';

/** Condition types for which True is the bad state, per kind ('*' for any kind). */
const TRUE_IS_BAD: Record<string, string[]> = {
  '*':    ['Failed', 'Stalled'],
  node: ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'],
};

/** Condition types that only inform, whatever their status. */
const NEUTRAL: Record<string, string[]> = { 'batch.job': ['Suspended'] };

export function conditionMeaning(type: SteveType, c: Condition): ConditionMeaning {
  if (c.status !== 'True' && c.status !== 'False') {
    return 'neutral';
  }
  if ((NEUTRAL[type] || []).includes(c.type)) {
    return 'neutral';
  }
  const trueIsBad = [...TRUE_IS_BAD['*'], ...(TRUE_IS_BAD[type] || [])].includes(c.type);
  const good = (c.status === 'True') !== trueIsBad;

  // wrangler marks any condition with reason Error as an error, whatever its status
  return good && c.reason !== 'Error' ? 'good' : 'bad';
}
