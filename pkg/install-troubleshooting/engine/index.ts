/** The diagnosis engine: plain TypeScript, no Vue, no store, no I/O, no English. */
export { analyze, diagnose } from './analysis';
export type { Analysis, DiagnoseInput } from './analysis';
export { planAction, MERGE_PATCH } from './actions';
export type {
  ActionPlan, PlannedRequest, UrlContext
} from './actions';
export {
  buildInventory, objectId, steveTypeOf
} from './inventory';
export {
  readObjects, readInput, parseJson, InputError
} from './input';
export {
  msg, MESSAGE_KEYS, KIND_KEYS, PREFIX, fullKey
} from './messages';
export type {
  Message, MessageArgs, MessageKey, Translate
} from './messages';
export * from './model';
