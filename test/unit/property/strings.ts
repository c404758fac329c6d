/**
 * Text as objects really carry it, and text as an adversary or a broken controller writes it:
 * control, zero-width and right-to-left characters, HTML and Markdown payloads, lone
 * surrogates, very long words.
 */
import fc from 'fast-check';

/** Terminal escapes and other C0/C1 controls. */
export const CONTROL = ['\u0000', '\u0007', '\u0008', '\t', '\r', '\n', '\u000b', '\u000c', '\u001b[31m', '\u001b]0;title\u0007', '\u001b[2J', '\u007f', '\u0085', '\u009b31m'];

/** Zero-width and invisible characters. */
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

/** Bidirectional overrides and isolates. */
export const BIDI = ['\u202e', '\u202d', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', '\u200e'];

/** HTML that a renderer would turn into live elements. */
export const HTML = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<details open ontoggle=alert(1)>',
  '<!-- x -->',
  '</code><b>x</b>',
  '<svg/onload=alert(1)>',
  '<div>\n\nx\n\n</div>',
  '&#60;img src=x onerror=alert(1)&#62;',
];

/** Markdown structure: links, images, autolinks, headings, tables, fences, quotes. */
export const MARKDOWN = [
  '[x](javascript:alert(1))',
  '![x](https://evil.invalid/x.png)',
  '<https://evil.invalid/a>',
  'https://evil.invalid/b',
  'www.evil.invalid',
  'mail@evil.invalid',
  '[x]: https://evil.invalid/ref',
  '[x][y]\n\n[y]: https://evil.invalid/y',
  '`', '``', '```', '````text', '~~~',
  '|', '| a | b |\n|---|---|\n| c | d |',
  '\n# heading\n', '\nsetext\n===\n', '\n---\n', '\n> quote\n', '\n- item\n', '\n1. item\n',
  '*emph* _u_ **b** ~~s~~', '\\', '\\`', '    indented code',
];

/** Names as Kubernetes allows them, and as Harvester uses them. */
export const REAL_NAMES = [
  'harvester', 'harvester-crd', 'rancher-monitoring', 'rancher-logging', 'rke2-canal', 'rke2-coredns', 'rke2-ingress-nginx',
  'rke2-metrics-server', 'rke2-multus', 'rke2-runtimeclasses', 'kubeovn-operator', 'longhorn',
];

export const REAL_NAMESPACES = ['kube-system', 'harvester-system', 'cattle-system', 'fleet-local', 'longhorn-system', 'default'];

export const WORDS = [
  'error', 'failed', 'Deployed', 'Ready', 'ErrApplied', 'BackoffLimitExceeded', 'context deadline exceeded',
  'another operation (install/upgrade/rollback) is in progress', 'UPGRADE FAILED', 'timed out waiting for the condition',
  'Job has reached the specified backoff limit', 'ok', '0', '-1', 'true', 'null', 'undefined', 'NaN', '__proto__',
  'constructor', 'toString', 'hasOwnProperty', '{', '}', '{0}', '{count, plural, one {#} other {#}}', "'", '"', '%s',
];

/** One fragment: a real word, a payload, a control or invisible character, or random code points. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS, ...REAL_NAMES) },
  { weight: 3, arbitrary: fc.constantFrom(...HTML, ...MARKDOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL, ...ZERO_WIDTH, ...BIDI) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udc00', '\ud83d\ude00', '\u0301', 'ﷺ', '𒐫', 'ß', 'İ', '\u3000') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Free text: a few fragments joined, sometimes with spaces. */
export const text: fc.Arbitrary<string> = fc.tuple(fc.array(fragment, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([parts, spaced]) => parts.join(spaced ? ' ' : ''));

/** A DNS-1123 name of the kind Kubernetes accepts. */
export const dnsName: fc.Arbitrary<string> = fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/);

/** Mostly real names, sometimes anything at all. */
export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REAL_NAMES) },
  { weight: 4, arbitrary: dnsName },
  { weight: 1, arbitrary: text },
);

export const namespace: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...REAL_NAMESPACES) },
  { weight: 1, arbitrary: text },
);

/** Messages such as controllers write them: real words most of the time, hostile text otherwise. */
export const message: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: text },
);

/** RFC 3339 times around the fixed `now` of the tests, and some that are not times. */
export const time: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -3 * 3600, max: 600 }).map((s) => new Date(Date.parse('2025-09-24T10:00:00Z') + s * 1000).toISOString().replace(/\.000Z$/, 'Z')) },
  { weight: 1, arbitrary: fc.constantFrom('', 'yesterday', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2025-13-45T99:99:99Z', '1e400') },
);
