/**
 * The Markdown report for a bug report: verdict and root cause, every item that is not OK with
 * its summary, details, conditions, drift, chain and safe fixes, then a table of the rest and
 * what was not examined. Text from objects appears only in code spans and fenced blocks.
 */
import type { Condition, ObjectRef } from '../../types';
import { refKey } from '../chains';
import type { Message, Translate } from '../messages';
import { HEALTH_ORDER } from '../model';
import type { ActionId, Diagnosis, DriftLine, Item } from '../model';
import { objectLabel } from '../util';
import { unreadMessages } from '../needs';
import { codeSpan, fencedBlock, tableCell } from './markdown-text';
import { kindName, render, word } from './render';

/** Describes an offered action (its confirmation text), when the caller can plan it. */
export type DescribeAction = (item: Item, action: ActionId) => Message | undefined;

/** Condition messages longer than this go into a fenced block of their own. */
const INLINE_MESSAGE = 100;

function ref(t: Translate, r: ObjectRef): string {
  return `${ kindName(t, r) } ${ codeSpan(r.id) }`;
}

function conditionLines(t: Translate, conditions: Condition[]): string[] {
  const lines: string[] = [];

  for (const c of conditions) {
    const parts = [codeSpan(c.type), codeSpan(c.status)];
    const reason = c.reason ? ` (${ codeSpan(c.reason) })` : '';
    const when = c.lastUpdateTime || c.lastTransitionTime;
    const message = c.message || '';
    const inline = message && message.length <= INLINE_MESSAGE && !message.includes('\n');

    lines.push(`- ${ parts.join(' = ') }${ reason }${ when ? `, ${ codeSpan(when) }` : '' }${ inline ? `: ${ codeSpan(message) }` : '' }`);
    if (message && !inline) {
      lines.push(fencedBlock(message, 2));
    }
  }

  return lines;
}

const DRIFT_WORDS = {
  modified:    'report.driftModified',
  missing:     'report.driftMissing',
  extra:       'report.driftExtra',
  'not-owned': 'report.driftNotOwned',
  'not-ready': 'report.driftNotReady',
} as const;

function driftLines(t: Translate, drift: DriftLine[]): string[] {
  const lines: string[] = [];

  for (const d of drift) {
    const state = d.state ? ` (${ codeSpan(d.state) })` : '';

    lines.push(`- ${ codeSpan(objectLabel(d)) } ${ word(t, DRIFT_WORDS[d.change]) }${ state }`);
    for (const c of d.changes) {
      lines.push(`  - ${ codeSpan(c.path) } → ${ c.hidden || c.value === undefined ? word(t, 'report.hidden') : codeSpan(c.value) }`);
    }
    for (const m of d.messages || []) {
      lines.push(`  - ${ codeSpan(m) }`);
    }
  }

  return lines;
}

function section(title: string, lines: string[]): string[] {
  return lines.length ? ['', `**${ title }**`, '', ...lines] : [];
}

function problem(t: Translate, item: Item, byKey: Map<string, Item>, describe?: DescribeAction): string[] {
  const out = ['', `### ${ word(t, `health.${ item.health }`) } · ${ ref(t, item) }`, '', render(t, item.summary, 'markdown')];
  const ev = item.evidence;

  out.push(...section(word(t, 'report.reasons'), item.reasons.map((r) => `- ${ render(t, r, 'markdown') }`)));
  if (ev) {
    const facts = [ev.job && `- ${ ref(t, ev.job) }: ${ codeSpan(ev.jobState) }`, ...ev.pods.map((p) => `- ${ ref(t, p) }`)]
      .filter((l): l is string => !!l);

    out.push(...section(word(t, 'report.evidence'), facts));
  }
  out.push(...section(word(t, 'report.dropped'), item.dropped.length ? [`- ${ item.dropped.map(codeSpan).join(', ') }`] : []));
  out.push(...section(word(t, 'report.conditions'), conditionLines(t, item.conditions)));
  out.push(...section(word(t, 'report.drift'), driftLines(t, item.drift)));
  out.push(...section(word(t, 'report.chain'), item.related.map((r) => {
    const other = byKey.get(refKey(r));

    return `- ${ ref(t, r) }${ other ? `: ${ word(t, `health.${ other.health }`) }` : '' }`;
  })));
  out.push(...section(word(t, 'report.fixes'), item.actions.map((a) => {
    const described = describe?.(item, a);

    return `- **${ word(t, `action.${ a }.label`) }**${ described ? `: ${ render(t, described, 'markdown') }` : '' }`;
  })));

  return out;
}

/** The root cause first, then the worst. */
function rank(item: Item, root: ObjectRef | null): number {
  return root && refKey(root) === refKey(item) ? -1 : HEALTH_ORDER.indexOf(item.health);
}

export function markdownReport(d: Diagnosis, t: Translate, describe?: DescribeAction): string {
  const v = d.verdict;
  const byKey = new Map(d.items.map((i) => [refKey(i), i]));
  const problems = d.items.filter((i) => i.health !== 'ok').sort((a, b) => rank(a, d.verdict.rootCause) - rank(b, d.verdict.rootCause) || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  const others = d.items.filter((i) => i.health === 'ok');
  const counts = HEALTH_ORDER.filter((h) => v.counts[h]).map((h) => `${ word(t, `health.${ h }`) } ${ v.counts[h] }`).join(' · ');
  const root = v.rootCause ? byKey.get(refKey(v.rootCause)) : undefined;
  const out = [
    `# ${ word(t, 'report.title') }`,
    '',
    word(t, 'report.generated', { now: codeSpan(d.now) }),
    '',
    `- **${ word(t, 'report.verdict') }**: ${ word(t, `health.${ v.health }`) }`,
    `- **${ word(t, 'report.rootCause') }**: ${ v.rootCause ? `${ ref(t, v.rootCause) }${ root ? ` — ${ render(t, root.summary, 'markdown') }` : '' }` : word(t, 'report.rootCauseNone') }`,
    `- **${ word(t, 'report.phase') }**: ${ word(t, `phase.${ v.phase }`) }`,
    `- ${ v.upgrade ? word(t, 'report.upgrade', { name: codeSpan(v.upgrade.name), version: codeSpan(v.upgrade.version || '?') }) : word(t, 'report.upgradeNone') }`,
    `- **${ word(t, 'report.counts') }**: ${ counts || '0' }`,
  ];
  const withDropped = d.items.filter((i) => i.dropped.length).length;

  if (withDropped) {
    out.push(`- ${ word(t, 'report.droppedCount', { count: withDropped }) }`);
  }
  if (d.unread.length) {
    out.push('', `## ${ word(t, 'report.unread') }`, '', word(t, 'unread.title'), '');
    for (const u of d.unread) {
      const { why, hides } = unreadMessages(u);

      out.push(`- ${ kindName(t, u) }: ${ render(t, why, 'markdown') }${ hides ? ` ${ render(t, hides, 'markdown') }` : '' }`);
    }
  }
  out.push('', `## ${ word(t, 'report.problems') }`);

  if (!d.items.length) {
    out.push('', word(t, 'report.empty'));
  } else if (!problems.length) {
    out.push('', word(t, 'report.noProblems'));
  }
  for (const item of problems) {
    out.push(...problem(t, item, byKey, describe));
  }
  if (others.length) {
    const head = ['kind', 'name', 'health', 'summary'].map((c) => word(t, `report.column.${ c as 'kind' }`));

    out.push('', `## ${ word(t, 'report.others') }`, '', `| ${ head.join(' | ') } |`, `|${ head.map(() => '---').join('|') }|`);
    for (const i of others) {
      out.push(`| ${ [kindName(t, i), codeSpan(i.id), word(t, `health.${ i.health }`), render(t, i.summary, 'markdown')].map(tableCell).join(' | ') } |`);
    }
  }
  out.push('', `## ${ word(t, 'report.skipped') }`, '');
  const skipped = Object.entries(d.skipped).sort(([a], [b]) => a.localeCompare(b));

  if (skipped.length) {
    out.push(`| ${ word(t, 'report.column.kind') } | ${ word(t, 'report.column.count') } |`, '|---|---|');
    for (const [kind, n] of skipped) {
      out.push(`| ${ tableCell(codeSpan(kind)) } | ${ n } |`);
    }
  } else {
    out.push(word(t, 'report.skippedNone'));
  }

  return `${ out.join('\n') }\n`;
}
