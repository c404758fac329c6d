/**
 * Files the report CLI may be given: generated clusters in every container kubectl and Steve
 * write (List, Steve collection, bare array, array of Lists, Lists in Lists), random JSON,
 * random bytes, a UTF-8 BOM or UTF-16 (what a PowerShell redirect writes), documents cut off
 * or spiced with control bytes, and very deep nesting.
 */
import fc from 'fast-check';
import { runCli } from '@pkg/cli/main';
import type { CliIo } from '@pkg/cli/main';
import { english } from '../engine/english';
import { toJsonText } from './hostile';
import { NOW } from './objects';
import type { Obj } from './objects';
import { anyScenario, materialise, mildScenario } from './scenario';
import type { Scenario } from './scenario';
import { CONTROL, text } from './strings';

export type Container = 'list' | 'steve' | 'array' | 'array-of-lists' | 'list-in-list' | 'steve-in-array' | 'single';

export type Encoding = 'utf8' | 'bom' | 'utf16le' | 'utf16be';

export type Document =
  | { kind: 'cluster'; scenario: Scenario; container: Container; bad: unknown[]; encoding: Encoding; indent: boolean }
  | { kind: 'json'; value: unknown }
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'deep'; depth: number; open: string; close: boolean; wrap: boolean }
  | { kind: 'broken'; scenario: Scenario; cut: number; insert: string };

/** Elements that are plainly not Kubernetes objects, as they turn up in hand-edited files. */
export const BAD_ELEMENTS: unknown[] = [null, 5, 'x', true, {}, { metadata: null }, { metadata: { name: 7 } }, { apiVersion: 'v1', kind: 'Pod' }];

/** Those, and elements whose meaning depends on where they stand (an empty array, a List without items). */
export const ODD_ELEMENTS: unknown[] = [...BAD_ELEMENTS, [], [[]], { kind: 'List' }, { items: 'x' }, { type: 'collection' }];

export function wrap(objects: unknown[], container: Container, bad: unknown[]): unknown {
  const all = [...objects];

  bad.forEach((b, i) => all.splice((i * 5) % (all.length + 1), 0, b));
  const half = Math.ceil(all.length / 2);
  const list = (items: unknown[]) => ({
    apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items
  });

  switch (container) {
  case 'list':
    return list(all);
  case 'steve':
    return {
      type: 'collection', resourceType: 'mixed', revision: '1', data: all
    };
  case 'array':
    return all;
  case 'array-of-lists':
    return [list(all.slice(0, half)), list(all.slice(half))];
  case 'list-in-list':
    return list([list(all.slice(0, half)), ...all.slice(half)]);
  case 'steve-in-array':
    return [{ type: 'collection', data: all.slice(0, half) }, { type: 'collection', data: all.slice(half) }];
  case 'single':
    return all[0] ?? list([]);
  }
}

function concat(a: Buffer, b: Buffer): Buffer {
  // @types/node's Buffer and TypeScript's Uint8Array disagree on iterator types; the values are the same
  return Buffer.concat([a, b] as unknown as Uint8Array[]);
}

function encode(raw: string, encoding: Encoding): Buffer {
  // a file holds what UTF-8 can say: a lone surrogate is written as U+FFFD in every encoding alike
  const textValue = Buffer.from(raw, 'utf8').toString('utf8');

  switch (encoding) {
  case 'bom':
    return Buffer.from(`\ufeff${ textValue }`, 'utf8');
  case 'utf16le':
    return concat(Buffer.from([0xff, 0xfe]), Buffer.from(textValue, 'utf16le'));
  case 'utf16be': {
    const le = Buffer.from(textValue, 'utf16le');

    for (let i = 0; i + 1 < le.length; i += 2) {
      const b = le[i];

      le[i] = le[i + 1];
      le[i + 1] = b;
    }

    return concat(Buffer.from([0xfe, 0xff]), le);
  }
  default:
    return Buffer.from(textValue, 'utf8');
  }
}

export function objectsOf(doc: Document): Obj[] {
  return doc.kind === 'cluster' || doc.kind === 'broken' ? materialise(doc.scenario, [], true) : [];
}

/** The bytes of a document, and how many objects it holds. */
export function bytesOf(doc: Document): { bytes: Buffer; objects: number } {
  switch (doc.kind) {
  case 'cluster': {
    const objects = objectsOf(doc);

    return { bytes: encode(toJsonText(wrap(objects, doc.container, doc.bad), doc.indent ? 2 : undefined), doc.encoding), objects: objects.length + doc.bad.length };
  }
  case 'json':
    return { bytes: Buffer.from(JSON.stringify(doc.value) ?? 'null', 'utf8'), objects: 1 };
  case 'bytes':
    return { bytes: Buffer.from(doc.bytes), objects: 1 };
  case 'deep': {
    const array = doc.open === '[';
    const inner = `${ doc.open.repeat(doc.depth) }${ doc.close ? `${ array ? '' : '1' }${ (array ? ']' : '}').repeat(doc.depth) }` : '' }`;

    return { bytes: Buffer.from(doc.wrap ? `{"apiVersion":"v1","kind":"List","items":[${ inner }]}` : inner, 'utf8'), objects: 1 };
  }
  case 'broken': {
    const objects = objectsOf(doc);
    const full = toJsonText({
      apiVersion: 'v1', kind: 'List', items: objects
    });
    const at = doc.cut % (full.length + 1);

    return { bytes: Buffer.from(`${ full.slice(0, at) }${ doc.insert }${ full.slice(at + 1) }`, 'utf8'), objects: objects.length };
  }
  }
}

const container = fc.constantFrom<Container>('list', 'steve', 'array', 'array-of-lists', 'list-in-list', 'steve-in-array', 'single');

export const document: fc.Arbitrary<Document> = fc.oneof(
  {
    weight:    6,
    arbitrary: fc.record({
      kind:      fc.constant<'cluster'>('cluster'),
      scenario:  anyScenario,
      container,
      bad:       fc.oneof({ weight: 3, arbitrary: fc.constant<unknown[]>([]) }, { weight: 1, arbitrary: fc.subarray(ODD_ELEMENTS, { maxLength: 3 }) }),
      encoding:  fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'bom', 'utf16le', 'utf16be'),
      indent:    fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant<'json'>('json'), value: fc.jsonValue({ maxDepth: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant<'bytes'>('bytes'), bytes: fc.array(fc.nat(255), { maxLength: 200 }) }) },
  {
    weight:    1,
    arbitrary: fc.record({
      kind: fc.constant<'deep'>('deep'), depth: fc.constantFrom(1_000, 20_000, 200_000), open: fc.constantFrom('[', '{"a":'), close: fc.boolean(), wrap: fc.boolean()
    }),
  },
  {
    weight:    2,
    arbitrary: fc.record({
      kind: fc.constant<'broken'>('broken'), scenario: mildScenario, cut: fc.nat(), insert: fc.oneof(fc.constantFrom(...CONTROL, '', '\u001b[2J\u001b[H', '}', ']'), text)
    }),
  },
);

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI on a file's bytes, as `report objects.json` would read them; throws whatever the CLI throws. */
export function runCliOn(bytes: Buffer, args: string[] = []): CliRun {
  let out = '';
  let err = '';
  const io: CliIo = {
    readFile:  () => new Uint8Array(bytes),
    readStdin: () => new Uint8Array(bytes),
    stdout:    (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    now: () => new Date(NOW),
  };
  const code = runCli(['objects.json', '--now', NOW, ...args], io, english);

  return {
    code, out, err
  };
}
