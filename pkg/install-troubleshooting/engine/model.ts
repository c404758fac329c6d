/**
 * What the engine produces. Plain data: the page, the panel, the report and the CLI all
 * render this and decide nothing themselves.
 */
import type { Condition, ObjectRef, SteveType } from '../types';
import type { Message } from './messages';

export type Health = 'ok' | 'progressing' | 'warning' | 'error' | 'unknown';

/** Worst first: the verdict is the first of these that any item has. */
export const HEALTH_ORDER: readonly Health[] = ['error', 'warning', 'unknown', 'progressing', 'ok'];

export type ActionId = 'rerun' | 'force-redeploy' | 'resume' | 'redeploy-agent';

/** `unknown`: a type the phase is decided from (Nodes, ManagedCharts, Helm releases) could not be read. */
export type Phase = 'none' | 'setting-up' | 'ready' | 'degraded' | 'unknown';

/** What the cluster is decides which types a diagnosis needs. */
export type ClusterKind = 'harvester' | 'kubernetes';

/**
 * A needed type that was not read: its list failed (`status`, `message`), Steve offers no
 * schema for it (not installed, or not visible to this user), or a file does not hold it.
 */
export interface UnreadType {
  type: SteveType;
  reason: 'failed' | 'no-schema' | 'not-collected';
  status?: number;
  message?: string;
}

/** One changed field of a drifted object. `value` is absent when it is hidden (Secrets, chart values). */
export interface DriftChange {
  path: string;
  value?: string;
  hidden?: boolean;
}

/** One object that differs from what Fleet deployed, or is not ready. */
export interface DriftLine {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  change: 'modified' | 'missing' | 'extra' | 'not-owned' | 'not-ready';
  changes: DriftChange[];
  /** For `not-ready`: the summarised state and its messages. */
  state?: string;
  messages?: string[];
}

/** Facts about the Job, pods and events behind a HelmChart: evidence, not items. */
export interface HelmChartEvidence {
  job?: ObjectRef;
  jobState: JobState;
  pods: ObjectRef[];
  events: ObjectRef[];
  restarts: number;
  /** The helm container's termination or waiting message, if any. */
  lastMessage?: string;
}

export type JobState = 'complete' | 'failed' | 'crash-looping' | 'image-error' | 'unschedulable' | 'stuck' |
  'running' | 'starting' | 'suspended' | 'missing' | 'not-created' | 'not-listed';

export interface Item extends ObjectRef {
  name: string;
  namespace?: string;
  health: Health;
  summary: Message;
  reasons: Message[];
  /** Objects this one is linked to (its chain), whatever their health. */
  related: ObjectRef[];
  /** Related objects whose failure explains this one's health. */
  causes: ObjectRef[];
  actions: ActionId[];
  /** The object's conditions, with any Secret values removed from their messages. */
  conditions: Condition[];
  drift: DriftLine[];
  evidence?: HelmChartEvidence;
  /** Fields of the object that were not read because they had the wrong type (schema paths, not input text). */
  dropped: string[];
}

export interface UpgradeInfo {
  ref: ObjectRef;
  name: string;
  version?: string;
  previousVersion?: string;
}

export interface Verdict {
  health: Health;
  rootCause: ObjectRef | null;
  phase: Phase;
  upgrade: UpgradeInfo | null;
  counts: Record<Health, number>;
}

export interface Diagnosis {
  now: string;
  cluster: ClusterKind;
  verdict: Verdict;
  /** Needed types that were not read; while any is, the verdict is not OK. */
  unread: UnreadType[];
  items: Item[];
  /** Objects in the input that the engine does not examine, by `<apiVersion>/<kind>`. */
  skipped: Record<string, number>;
}

export type { SteveType };
