/** @jest-environment node */
import { runInMemory } from './run-cli';
import { node } from '../engine/builders';

const run = (argv: string[], input: string | Uint8Array) => runInMemory(argv, input);

const list = (items: unknown[]) => ({
  apiVersion: 'v1', kind: 'List', items
});
const nodes = [node('n1', 'True'), node('n2', 'False')];

function ids(input: string | Uint8Array): string[] {
  const r = run(['-', '--format', 'json'], input);

  expect(r.err).toBe('');
  expect(r.code).toBe(0);

  return JSON.parse(r.out).items.map((i: { id: string }) => i.id);
}

describe('report CLI input encodings', () => {
  const text = JSON.stringify(list(nodes));

  it('reads UTF-8 with a BOM', () => {
    expect(ids(`\uFEFF${ text }`)).toEqual(['n1', 'n2']);
    expect(ids(new Uint8Array([0xEF, 0xBB, 0xBF, ...Buffer.from(text, 'utf8')]))).toEqual(['n1', 'n2']);
  });

  it('reads UTF-16 in both byte orders, with and without a BOM (a PowerShell redirect)', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();

    expect(ids(new Uint8Array([0xFF, 0xFE, ...le]))).toEqual(['n1', 'n2']);
    expect(ids(new Uint8Array([0xFE, 0xFF, ...be]))).toEqual(['n1', 'n2']);
    expect(ids(new Uint8Array(le))).toEqual(['n1', 'n2']);
    expect(ids(new Uint8Array(be))).toEqual(['n1', 'n2']);
  });
});

describe('report CLI containers', () => {
  it('reads Lists inside Lists and arrays of Lists', () => {
    expect(ids(JSON.stringify(list([list([nodes[0]]), [nodes[1]]])))).toEqual(['n1', 'n2']);
    expect(ids(JSON.stringify([list([nodes[0]]), {
      type: 'collection', resourceType: 'node', data: [nodes[1]]
    }]))).toEqual(['n1', 'n2']);
  });

  it('skips and counts a bad element the same way in an array and in a List', () => {
    const inArray = run(['-', '--format', 'json'], JSON.stringify([nodes[0], 42, null]));
    const inList = run(['-', '--format', 'json'], JSON.stringify(list([nodes[0], 42, null])));

    expect(inArray.code).toBe(0);
    expect(JSON.parse(inArray.out).skipped).toEqual({ '(not a Kubernetes object)': 2 });
    expect(JSON.parse(inList.out).skipped).toEqual(JSON.parse(inArray.out).skipped);
  });

  it('reads a document of 200,000 nested arrays without a stack overflow', () => {
    const deep = `${ '['.repeat(200000) }${ ']'.repeat(200000) }`;
    const r = run(['-'], deep);

    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });
});

describe('report CLI errors never repeat raw input', () => {
  it('says where invalid JSON stops, without the text', () => {
    const r = run(['-'], '{"kind":"List","items":[\u001b[31mEVIL\u0007]}');

    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^report: the input is not valid JSON \(at line 1, column \d+\)\n$/);
    expect(r.err).not.toContain('EVIL');
  });

  it('escapes control bytes in names it repeats', () => {
    const r = run(['--format', 'x\u001b[2Jy', '-'], '[]');

    expect(r.code).toBe(2);
    expect(r.err).not.toContain('\u001b');
    expect(r.err).toContain('\\u001b');
  });

  it('takes --types, and refuses a name that is not one', () => {
    const ok = run(['-', '--types', 'nodes,secrets,configmaps', '--format', 'json'], JSON.stringify(list([])));

    expect(ok.code).toBe(0);
    const bad = run(['-', '--types', 'nodes,<b>'], '[]');

    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toBe('report: --types: "<b>" is not a type name');
  });
});
