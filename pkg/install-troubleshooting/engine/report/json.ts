/** The JSON report: a stable contract for scripts and bug reports, with summaries in words. */
import type { Condition, ObjectRef } from '../../types';
import type { Translate } from '../messages';
import type {
  ActionId, ClusterKind, Diagnosis, DriftLine, Health, Phase, UnreadType, UpgradeInfo
} from '../model';
import { unreadMessages } from '../needs';
import { render } from './render';

export interface JsonReportItem extends ObjectRef {
  health: Health;
  summary: string;
  reasons: string[];
  actions: ActionId[];
  related: ObjectRef[];
  causes: ObjectRef[];
  conditions: Condition[];
  drift: DriftLine[];
  /** Fields not read because they had the wrong type. */
  dropped: string[];
}

export interface JsonReport {
  verdict: {
    health: Health;
    rootCause: ObjectRef | null;
    phase: Phase;
    upgrade: Omit<UpgradeInfo, 'ref'> & { id: string } | null;
    counts: Record<Health, number>;
  };
  now: string;
  cluster: ClusterKind;
  /** Needed types that were not read, with why in words; while any is, the verdict is not OK. */
  unread: (UnreadType & { why: string; hides?: string })[];
  items: JsonReportItem[];
  skipped: Record<string, number>;
}

export function jsonReport(d: Diagnosis, t: Translate): JsonReport {
  const { upgrade } = d.verdict;

  return {
    verdict: {
      health:    d.verdict.health,
      rootCause: d.verdict.rootCause,
      phase:     d.verdict.phase,
      upgrade:   upgrade ? {
        id: upgrade.ref.id, name: upgrade.name, version: upgrade.version, previousVersion: upgrade.previousVersion
      } : null,
      counts: d.verdict.counts,
    },
    now:     d.now,
    cluster: d.cluster,
    unread:  d.unread.map((u) => {
      const { why, hides } = unreadMessages(u);

      return {
        ...u, why: render(t, why), ...(hides ? { hides: render(t, hides) } : {})
      };
    }),
    items: [...d.items].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id)).map((i) => ({
      type:       i.type,
      id:         i.id,
      health:     i.health,
      summary:    render(t, i.summary),
      reasons:    i.reasons.map((r) => render(t, r)),
      actions:    i.actions,
      related:    i.related,
      causes:     i.causes,
      conditions: i.conditions,
      drift:      i.drift,
      dropped:    i.dropped,
    })),
    skipped: d.skipped,
  };
}
