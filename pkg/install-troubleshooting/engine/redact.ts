/**
 * The one redaction point. Every string that leaves the engine passes `redactText` once, when
 * the diagnosis is complete (`redactDiagnosis`): Fleet repeats the patch of a drifted Secret in
 * its messages (`secret.v1 ns/name modified {"data":{…}}`), and that text travels on into
 * conditions, summaries, reasons and both reports. After any mention of a Secret, the JSON that
 * follows keeps its keys and loses every value. Linear in the text, no parse, no recursion, and
 * it also masks JSON that was cut off.
 */
import type { Condition } from '../types';
import type { Message, MessageArgs } from './messages';
import type { Diagnosis, DriftLine, HelmChartEvidence, Item } from './model';

export const MASK = '***';

/** A mention of a Secret, then (on the same line, not too far) the JSON that holds its values. */
const SECRET_THEN_JSON = /\bsecrets?\b[^{\n]{0,300}?(?=\{)/gi;

/**
 * Masks the JSON value that starts with `{` at `start`: every string that is not a key, and every
 * number, `true`, `false` or `null`, becomes `"***"`. Returns the masked text and where it ended.
 */
function maskJsonAt(text: string, start: number): { masked: string; end: number } {
  let out = '';
  let depth = 0;
  let i = start;

  while (i < text.length) {
    const c = text[i];

    if (c === '"') {
      let j = i + 1;

      while (j < text.length && text[j] !== '"') {
        j += text[j] === '\\' ? 2 : 1;
      }
      const literal = text.slice(i, Math.min(j + 1, text.length));
      let k = j + 1;

      while (k < text.length && /\s/.test(text[k])) {
        k++;
      }
      out += text[k] === ':' ? literal : `"${ MASK }"`;
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (/[-\w.+]/.test(c)) {
      // a number, true, false or null
      while (i < text.length && /[-\w.+]/.test(text[i])) {
        i++;
      }
      out += `"${ MASK }"`;
      continue;
    }
    out += c;
    i++;
    if (depth === 0) {
      break;
    }
  }

  return { masked: out, end: i };
}

/** The text with every Secret value it repeats replaced by `***`. */
export function redactText(text: string): string {
  let out = '';
  let from = 0;

  SECRET_THEN_JSON.lastIndex = 0;
  for (let m = SECRET_THEN_JSON.exec(text); m; m = SECRET_THEN_JSON.exec(text)) {
    const start = m.index + m[0].length;
    const { masked, end } = maskJsonAt(text, start);

    out += text.slice(from, start) + masked;
    from = end;
    SECRET_THEN_JSON.lastIndex = end;
  }

  return out + text.slice(from);
}

function redactArgs(args: MessageArgs | undefined): MessageArgs | undefined {
  if (!args) {
    return undefined;
  }
  const out: MessageArgs = {};

  for (const [k, v] of Object.entries(args)) {
    out[k] = typeof v === 'string' ? redactText(v) : v;
  }

  return out;
}

function redactMessage(m: Message): Message {
  return m.args ? { key: m.key, args: redactArgs(m.args) } : m;
}

const opt = (s: string | undefined) => (s === undefined ? undefined : redactText(s));

function redactCondition(c: Condition): Condition {
  return {
    ...c, reason: opt(c.reason), message: opt(c.message)
  };
}

function redactDrift(d: DriftLine): DriftLine {
  return {
    ...d,
    changes:  d.changes.map((c) => (c.value === undefined ? c : { ...c, value: redactText(c.value) })),
    messages: d.messages?.map(redactText),
  };
}

function redactEvidence(e: HelmChartEvidence | undefined): HelmChartEvidence | undefined {
  return e && { ...e, lastMessage: opt(e.lastMessage) };
}

function redactItem(i: Item): Item {
  return {
    ...i,
    summary:    redactMessage(i.summary),
    reasons:    i.reasons.map(redactMessage),
    conditions: i.conditions.map(redactCondition),
    drift:      i.drift.map(redactDrift),
    evidence:   redactEvidence(i.evidence),
  };
}

/** The diagnosis with every string that came from the input redacted. */
export function redactDiagnosis(d: Diagnosis): Diagnosis {
  return {
    ...d,
    items:  d.items.map(redactItem),
    unread: d.unread.map((u) => ({ ...u, message: opt(u.message) })),
  };
}
