/**
 * The properties, each with the generator it runs on and how many runs `npm test` gives it.
 * The test files run them with the fixed seed; `explore.ts` runs them on many more cases and
 * lists every distinct way each one fails.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { planAction } from '@pkg/engine';
import type { ActionPlan, PlannedRequest } from '@pkg/engine';
import { TYPES } from '@pkg/types';
import { english } from '../engine/english';
import {
  BAD_ELEMENTS, bytesOf, document, runCliOn, wrap
} from './documents';
import type { Container, Document, Encoding } from './documents';
import { toJsonText } from './hostile';
import { NOW } from './objects';
import type { Obj } from './objects';
import { outputsOf, run, tryRun } from './outputs';
import type { Unread } from './outputs';
import {
  ALL_TYPES, HEALTHS, identify, NEEDED, lastWithId, recognised, worstOf
} from './recognise';
import { count, fail } from './run';
import { anyScenario, harvesterScenario, materialise, mildScenario } from './scenario';
import type { Scenario } from './scenario';
import { MARKER, plants, plantSpec } from './secrets';
import { text } from './strings';
import type { PlantSpec } from './secrets';
import { KUBECTL_RESOURCES } from '@pkg/engine/kubectl';

export interface Property<T> {
  name: string;
  arb: fc.Arbitrary<T>;
  /** Throws (with `fail`) when the property does not hold; `fc.pre` skips a case another property covers. */
  predicate: (value: T) => void;
  runs: number;
  /** What to print of a counter-example: the objects or the file, rather than their description. */
  show: (value: T) => unknown;
}

function property<T>(p: Property<T>): Property<T> {
  return p;
}

/** The engine's analysis and every output, or a skipped case when it throws (the "never throws" property reports that). */
function outputsOrSkip(objects: Obj[], unread: Unread[] = []): { a: NonNullable<ReturnType<typeof tryRun>>; out: ReturnType<typeof outputsOf> } {
  const a = tryRun({
    objects, now: NOW, unread
  });
  let out: ReturnType<typeof outputsOf> | undefined;

  try {
    out = a && outputsOf(a);
  } catch {
    // reported by the "never throws" property
  }
  fc.pre(!!a && !!out);

  return { a: a as NonNullable<typeof a>, out: out as ReturnType<typeof outputsOf> };
}

// ---------------------------------------------------------------- the engine

const unreadArb: fc.Arbitrary<Unread[]> = fc.uniqueArray(fc.record({
  type:    fc.constantFrom(...ALL_TYPES),
  reason:  fc.constantFrom<Unread['reason']>('failed', 'no-schema', 'not-collected'),
  status:  fc.option(fc.constantFrom(403, 404, 500, 503), { nil: undefined }),
  message: fc.option(fc.constantFrom('forbidden', 'the server could not find the requested resource', '<img src=x onerror=alert(1)>'), { nil: undefined }),
}), { selector: (u) => u.type, maxLength: 4 });

type Cluster = 'harvester' | 'kubernetes';

/** Types that no install health depends on. */
const ASIDE = new Set<string>([TYPES.EVENT, TYPES.UPGRADE]);

export const neverThrows = property({
  name:      'the engine never throws, nor do its reports, plans and kubectl commands',
  arb:       anyScenario,
  predicate: (s: Scenario) => {
    const objects = materialise(s);

    count(objects.length);
    outputsOf(run({ objects, now: NOW }));
  },
  runs: 200,
  show: materialise,
});

export const everyObjectAnItem = property({
  name:      'every recognised object gets an item with a health, never OK when a field of it could not be read',
  arb:       mildScenario,
  predicate: (s: Scenario) => {
    const objects = materialise(s);

    count(objects.length);
    const a = tryRun({ objects, now: NOW });

    fc.pre(!!a);
    const items = a?.diagnosis.items || [];

    for (const item of items) {
      if (!HEALTHS.has(item.health)) {
        fail(`${ item.type } ${ item.id } has health ${ String(item.health) }`);
      }
      if (item.dropped.length && item.health === 'ok') {
        fail(`${ item.type } ${ item.id } is OK although ${ item.dropped.join(', ') } could not be read`);
      }
      if (item.type === TYPES.JOB || item.type === TYPES.POD || item.type === TYPES.EVENT) {
        fail(`${ item.type } ${ item.id } is an item: Jobs, pods and events are a HelmChart's evidence`);
      }
    }
    // a later object with the same type and id replaces an earlier one
    const kept = new Map(objects.map((o) => [`${ identify(o)?.type }:${ identify(o)?.id }`, o]));

    for (const obj of kept.values()) {
      const r = recognised(obj);

      if (r && !items.some((i) => i.type === r.type && i.id === r.id)) {
        fail(`no item for ${ r.type } ${ r.id }`);
      }
    }
  },
  runs: 100,
  show: materialise,
});

export const verdictIsWorst = property({
  name:      'the verdict is the worst health of the items, Unknown counted when a needed type was unread',
  arb:       fc.tuple(mildScenario, unreadArb, fc.constantFrom<Cluster | undefined>('harvester', 'kubernetes', undefined)),
  predicate: ([s, unread, cluster]: [Scenario, Unread[], Cluster | undefined]) => {
    const objects = materialise(s);

    count(objects.length);
    const a = tryRun({
      objects, now: NOW, unread, cluster
    });

    fc.pre(!!a);
    const d = (a as NonNullable<typeof a>).diagnosis;
    const healths = d.items.map((i) => i.health);
    const expected = worstOf([...healths, ...(d.unread.length ? ['unknown' as const] : [])]);

    if (d.verdict.health !== expected) {
      fail(`verdict ${ d.verdict.health }, worst is ${ expected }`);
    }
    for (const h of HEALTHS) {
      const counted = d.verdict.counts[h as keyof typeof d.verdict.counts];

      if (counted !== healths.filter((x) => x === h).length) {
        fail(`the count of ${ h } is ${ counted }`);
      }
    }
  },
  runs: 80,
  show: ([s, unread, cluster]) => ({
    objects: materialise(s), unread, cluster
  }),
});

export const unreadIsNotOk = property({
  name:      'the verdict is never OK while a needed type is unread, and names each one; unread Events or Upgrades change nothing',
  arb:       fc.tuple(mildScenario, unreadArb, fc.constantFrom<Cluster>('harvester', 'kubernetes')),
  predicate: ([s, unread, cluster]: [Scenario, Unread[], Cluster]) => {
    const objects = materialise(s);

    count(objects.length);
    const a = tryRun({
      objects, now: NOW, unread, cluster
    });

    fc.pre(!!a);
    const d = (a as NonNullable<typeof a>).diagnosis;
    const needed = unread.filter((u) => NEEDED[cluster].includes(u.type));
    const reported = new Set(d.unread.map((u) => u.type));

    for (const u of needed) {
      if (!reported.has(u.type)) {
        fail(`${ u.type } was unread on a ${ cluster } cluster but the diagnosis does not say so`);
      }
    }
    if (reported.size && d.verdict.health === 'ok') {
      fail(`verdict OK while ${ [...reported].join(', ') } unread`);
    }
    // Events and Upgrades decide no install health: their unknowns are their own
    const asides = unread.filter((u) => ASIDE.has(u.type));
    const without = asides.length ? tryRun({
      objects, now: NOW, unread: unread.filter((u) => !ASIDE.has(u.type)), cluster
    }) : undefined;

    if (without && without.diagnosis.verdict.health !== d.verdict.health) {
      fail(`${ asides.map((u) => u.type).join(' and ') } unread changed the verdict from ${ without.diagnosis.verdict.health } to ${ d.verdict.health }`);
    }
  },
  runs: 80,
  show: ([s, unread, cluster]) => ({
    objects: materialise(s), unread, cluster
  }),
});

export const unreadAloneIsUnknown = property({
  name:      'with no objects and one needed type unread the verdict is Unknown',
  arb:       fc.tuple(fc.constantFrom<Cluster>('harvester', 'kubernetes'), fc.nat(8), fc.constantFrom<Unread['reason']>('failed', 'no-schema', 'not-collected')),
  predicate: ([cluster, i, reason]: [Cluster, number, Unread['reason']]) => {
    const type = NEEDED[cluster][i % NEEDED[cluster].length];
    const a = run({
      objects: [],
      now:     NOW,
      unread:  [{
        type, reason, status: reason === 'failed' ? 403 : undefined
      }],
      cluster
    });

    if (a.diagnosis.verdict.health !== 'unknown') {
      fail(`verdict ${ a.diagnosis.verdict.health } with ${ type } unread on an empty ${ cluster } cluster`);
    }
  },
  runs: 30,
  show: (v) => v,
});

export const englishForEveryMessage = property({
  name:      'every message the engine emits has an English translation',
  arb:       mildScenario,
  predicate: (s: Scenario) => {
    const objects = materialise(s);

    count(objects.length);
    const a = tryRun({ objects, now: NOW });

    fc.pre(!!a);
    for (const item of a?.diagnosis.items || []) {
      for (const m of [item.summary, ...item.reasons]) {
        if (english(m.key, m.args).startsWith('%')) {
          fail(`${ item.type } ${ item.id }: no English for ${ m.key }`);
        }
      }
    }
  },
  runs: 50,
  show: materialise,
});

// ---------------------------------------------------------------- action plans
/** Kinds whose deletion uninstalls something: no plan may DELETE them. */
const PROTECTED = new Set<string>([TYPES.HELM_CHART, TYPES.MANAGED_CHART, TYPES.BUNDLE, TYPES.BUNDLE_DEPLOYMENT, 'secret']);

/** What each action may change, and how. */
const PATCHES: Record<string, string[]> = {
  rerun:            [TYPES.HELM_CHART],
  'force-redeploy': [TYPES.BUNDLE],
  resume:           [TYPES.MANAGED_CHART],
  'redeploy-agent': [TYPES.FLEET_CLUSTER],
};

function record(v: unknown): Obj | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Obj : undefined;
}

/** Whether a DELETE's URL names exactly this Job: Steve's own link for it, or a path that ends in its namespace and name. */
function urlNamesJob(url: string, job: Obj, ns: string, name: string): boolean {
  const self = record(job.links)?.self;

  if (typeof self === 'string' && self && url.split('?')[0] === self) {
    return true;
  }
  let path: string;

  try {
    path = decodeURIComponent(new URL(url, 'https://rancher.test').pathname);
  } catch {
    return false;
  }

  return path.endsWith(`/batch.jobs/${ ns }/${ name }`) || path.endsWith(`/namespaces/${ ns }/jobs/${ name }`);
}

function checkDelete(plan: ActionPlan, r: PlannedRequest, chart: { id: string; name: string; namespace?: string }, objects: Obj[]): void {
  if (PROTECTED.has(r.object.type) || r.object.type !== TYPES.JOB) {
    fail(`${ plan.action } deletes ${ r.object.type } ${ r.object.id }`);
  }
  const jobName = `helm-install-${ chart.name }`;

  if (plan.action !== 'rerun' || r.object.id !== `${ chart.namespace }/${ jobName }`) {
    fail(`${ plan.action } of ${ chart.id } deletes Job ${ r.object.id }, not the chart's own ${ chart.namespace }/${ jobName }`);
  }
  const job = lastWithId(objects, TYPES.JOB, r.object.id);
  const labels = record(record(job?.metadata)?.labels);

  if (!job || labels?.['helmcharts.helm.cattle.io/chart'] !== chart.name) {
    fail(`rerun of ${ chart.id } deletes Job ${ r.object.id }, which is not labelled as that chart's`);
  }
  // a plan the user may send must reach exactly this Job (one that may not be sent is shown, never sent)
  if (plan.allowed && !urlNamesJob(r.url, job as Obj, chart.namespace || '', jobName)) {
    fail(`rerun of ${ chart.id } sends its DELETE to ${ r.url }`);
  }
}

function checkPatch(plan: ActionPlan, r: PlannedRequest, objects: Obj[]): void {
  if (!PATCHES[plan.action]?.includes(r.object.type)) {
    fail(`${ plan.action } patches ${ r.object.type } ${ r.object.id }`);
  }
  const target = lastWithId(objects, r.object.type, r.object.id);
  const rv = record(target?.metadata)?.resourceVersion;
  const guard = record(r.body?.metadata);

  if (typeof rv !== 'string' || !rv || guard?.resourceVersion !== rv || Object.keys(guard).length !== 1) {
    fail(`${ plan.action } patches ${ r.object.type } ${ r.object.id } with metadata ${ JSON.stringify(guard) } while its resourceVersion is ${ JSON.stringify(rv) }`);
  }
  const rest = Object.keys(r.body || {}).filter((k) => k !== 'metadata');
  const onlyStatus = rest.length === 1 && rest[0] === 'status' && r.body?.status === null && r.url.split('?')[0].endsWith('/status');
  const spec = record(r.body?.spec);
  const oneSpecField = rest.length === 1 && rest[0] === 'spec' && !!spec && Object.keys(spec).length === 1;

  if (!(plan.action === 'rerun' ? onlyStatus : oneSpecField)) {
    fail(`${ plan.action } sends ${ JSON.stringify(r.body) } to ${ r.url }`);
  }
  if (r.headers['content-type'] !== 'application/merge-patch+json') {
    fail(`${ plan.action } patch without a merge-patch content type`);
  }
}

function checkPlans(objects: Obj[]): void {
  count(objects.length);
  const a = tryRun({ objects, now: NOW });

  fc.pre(!!a);
  for (const item of a?.diagnosis.items || []) {
    for (const action of item.actions) {
      const plan = a && planAction(a, item, action);

      if (!plan) {
        fail(`${ action } is offered for ${ item.type } ${ item.id } but has no plan`);
      }
      const permitted = record(lastWithId(objects, plan.permission.ref.type, plan.permission.ref.id)?.links)?.[plan.permission.link];

      if (plan.allowed && (typeof permitted !== 'string' || !permitted)) {
        fail(`${ action } on ${ item.id } allowed without a ${ plan.permission.link } link`);
      }
      plan.requests.forEach((r, i) => {
        if (r.method === 'DELETE') {
          if (item.type !== TYPES.HELM_CHART || i === 0) {
            fail(`${ action } on ${ item.type } ${ item.id } deletes before anything else, or from a non-chart`);
          }
          checkDelete(plan, r, item, objects);
        } else if (r.method === 'PATCH') {
          checkPatch(plan, r, objects);
        } else {
          fail(`${ action } sends ${ String(r.method) }`);
        }
      });
    }
  }
}

export const safePlans = property({
  name:      'no plan deletes a protected kind or any Job but the chart\'s own helm-install Job, nor writes without the resourceVersion guard (Harvester clusters)',
  arb:       harvesterScenario,
  predicate: (s: Scenario) => checkPlans(materialise(s)),
  runs:      150,
  show:      materialise,
});

export const safePlansAnywhere = property({
  name:      'the plans hold the same rules on any cluster with wrong types anywhere',
  arb:       mildScenario,
  predicate: (s: Scenario) => checkPlans(materialise(s)),
  runs:      100,
  show:      materialise,
});

// ---------------------------------------------------------------- Secret values

const planted = { count: 0 };

/** How many plants found an object to go into, in this process. */
export function plantedCount(): number {
  return planted.count;
}

function noMarkerIn([s, specs]: [Scenario, PlantSpec[]]): void {
  const objects = materialise(s, plants(specs, planted));

  count(objects.length);
  const { out } = outputsOrSkip(objects);

  for (const o of out.texts) {
    const at = o.text.indexOf(MARKER);

    if (at >= 0) {
      fail(`a planted Secret value shows in ${ o.where }: …${ o.text.slice(Math.max(0, at - 160), at + MARKER.length + 40) }…`);
    }
  }
}

const showPlanted = ([s, specs]: [Scenario, PlantSpec[]]) => materialise(s, plants(specs, { count: 0 }));

export const noSecretLeaks = property({
  name:      'a planted Secret or chart value shows in no summary, reason, condition, drift, kubectl command, plan or report (Harvester clusters)',
  arb:       fc.tuple(harvesterScenario, fc.array(plantSpec, { minLength: 1, maxLength: 4 })),
  predicate: noMarkerIn,
  runs:      250,
  show:      showPlanted,
});

export const noSecretLeaksAnywhere = property({
  name:      'a planted Secret or chart value shows nowhere on any cluster with wrong types anywhere',
  arb:       fc.tuple(mildScenario, fc.array(plantSpec, { minLength: 1, maxLength: 4 })),
  predicate: noMarkerIn,
  runs:      100,
  show:      showPlanted,
});

// ---------------------------------------------------------------- the Markdown report
/** As GitHub and most viewers render it: HTML allowed, bare URLs made links. */
const md = new MarkdownIt({ html: true, linkify: true });

/** Token types that only input could have made: the report writes no HTML, links, images, rules or quotes. */
const FROM_INPUT = new Set(['html_block', 'html_inline', 'link_open', 'image', 'hr', 'blockquote_open']);

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) {
      walk(t.children, visit);
    }
  }
}

function checkReport(objects: Obj[], unread: Unread[] = []): void {
  count(objects.length);
  const { a, out } = outputsOrSkip(objects, unread);
  const tokens = md.parse(out.markdown, {});
  const headings: Record<string, number> = {};

  walk(tokens, (t) => {
    if (FROM_INPUT.has(t.type)) {
      fail(`the report holds ${ t.type } ${ JSON.stringify(t.content || t.attrs) } at line ${ (t.map?.[0] ?? -1) + 1 }`);
    }
    if (t.type === 'heading_open') {
      headings[t.tag] = (headings[t.tag] || 0) + 1;
    }
  });
  const problems = a.diagnosis.items.filter((i) => i.health !== 'ok').length;

  if (headings.h1 !== 1 || (headings.h3 || 0) !== problems || headings.h4 || headings.h5 || headings.h6) {
    fail(`headings ${ JSON.stringify(headings) } for ${ problems } problems: text from the input became structure`);
  }
}

/** Unread types whose error messages (from the API server, or a proxy in between) are hostile text. */
const hostileUnread: fc.Arbitrary<Unread[]> = fc.uniqueArray(fc.record({
  type:    fc.constantFrom(...ALL_TYPES),
  reason:  fc.constantFrom<Unread['reason']>('failed', 'no-schema', 'not-collected'),
  status:  fc.option(fc.constantFrom(403, 404, 500), { nil: undefined }),
  message: fc.option(text, { nil: undefined }),
}), { selector: (u) => u.type, maxLength: 3 });

export const markdownIsInert = property({
  name:      'the Markdown report, parsed with markdown-it, holds no HTML, link, image, rule, quote or heading that came from the input',
  arb:       fc.tuple(mildScenario, hostileUnread),
  predicate: ([s, unread]: [Scenario, Unread[]]) => checkReport(materialise(s), unread),
  runs:      150,
  show:      ([s, unread]) => ({ objects: materialise(s), unread }),
});

export const markdownIsInertHarvester = property({
  name:      'the Markdown report holds none of them on Harvester clusters either, where conditions, drift and fixes are richest',
  arb:       harvesterScenario,
  predicate: (s: Scenario) => checkReport(materialise(s)),
  runs:      100,
  show:      materialise,
});

// ---------------------------------------------------------------- the CLI

/** Whether text holds a C0 or C1 control or DEL (what a terminal acts on), the line's own end aside. */
function hasControl(text: string): boolean {
  return [...text.replace(/\n$/, '')].some((c) => {
    const code = c.charCodeAt(0);

    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });
}

function checkRun(doc: Document): void {
  const { bytes, objects } = bytesOf(doc);

  count(objects);
  for (const args of [[], ['--format', 'json']]) {
    const r = runCliOn(bytes, args);

    if (r.code !== 0 && r.code !== 2) {
      fail(`exit code ${ r.code }`);
    }
    if (r.code === 2) {
      if (r.err.startsWith('report: internal error')) {
        fail(`the CLI caught a throw of its own: ${ JSON.stringify(r.err.slice(0, 300)) }`);
      }
      if (r.out) {
        fail('exit 2 with a report on standard output');
      }
      if (!/^report: [^\n]*\n$/.test(r.err)) {
        fail(`the error is not one line: ${ JSON.stringify(r.err.slice(0, 300)) }`);
      }
      if (hasControl(r.err)) {
        fail(`the error echoes control bytes: ${ JSON.stringify(r.err.slice(0, 300)) }`);
      }
    } else if (args.length) {
      let report: { verdict?: { health?: unknown } } | undefined;

      try {
        report = JSON.parse(r.out);
      } catch {
        fail(`--format json printed what is not JSON: ${ JSON.stringify(r.out.slice(0, 200)) }`);
      }
      if (typeof report?.verdict?.health !== 'string') {
        fail('the JSON report has no verdict');
      }
    } else if (!r.out.startsWith('# ')) {
      fail(`exit 0 without a Markdown report: ${ JSON.stringify(r.out.slice(0, 200)) }`);
    }
  }
}

export const cliNeverThrows = property({
  name:      'the CLI never throws nor fails inside; it exits 0 with a report or 2 with one line that echoes no control bytes',
  arb:       document,
  predicate: checkRun,
  runs:      150,
  show:      (d: Document) => {
    const text = bytesOf(d).bytes.toString('utf8');

    return text.length > 3000 ? `${ text.slice(0, 3000) }…` : text;
  },
});

const CONTAINERS: Container[] = ['list', 'steve', 'array', 'array-of-lists', 'list-in-list', 'steve-in-array'];

/** The JSON report of one file, or its error line; a throw skips the case (the "never throws" property reports it). */
function reportOf(bytes: Buffer): string {
  let r: ReturnType<typeof runCliOn> | undefined;

  try {
    r = runCliOn(bytes, ['--format', 'json']);
  } catch {
    // reported by the CLI's "never throws" property
  }
  fc.pre(!!r);

  return r?.code === 0 ? r.out : `exit ${ r?.code }: ${ r?.err }`;
}

export const cliContainersAlike = property({
  name:      'the CLI reads the same objects alike in every container, a bad element skipped and counted the same way',
  arb:       fc.tuple(mildScenario, fc.subarray(BAD_ELEMENTS, { maxLength: 2 })),
  predicate: ([s, bad]: [Scenario, unknown[]]) => {
    const objects = materialise(s, [], true);
    const reports = CONTAINERS.map((c) => ({ c, report: reportOf(Buffer.from(toJsonText(wrap(objects, c, bad)), 'utf8')) }));

    count(CONTAINERS.length * (objects.length + bad.length));
    for (const r of reports.slice(1)) {
      if (r.report !== reports[0].report) {
        fail(`a ${ r.c } reads differently from a List: ${ r.report.slice(0, 300) } … versus … ${ reports[0].report.slice(0, 300) }`);
      }
    }
  },
  runs: 40,
  show: ([s, bad]) => wrap(materialise(s, [], true), 'list', bad),
});

const ENCODINGS: Encoding[] = ['bom', 'utf16le', 'utf16be'];

export const cliEncodingsAlike = property({
  name:      'the CLI reads a UTF-8 BOM and UTF-16 (what a PowerShell redirect writes) as it reads UTF-8',
  arb:       mildScenario,
  predicate: (s: Scenario) => {
    const doc = (encoding: Encoding): Document => ({
      kind: 'cluster', scenario: s, container: 'list', bad: [], encoding, indent: true
    });
    const plain = bytesOf(doc('utf8'));
    const expected = reportOf(plain.bytes);

    count((ENCODINGS.length + 1) * plain.objects);
    for (const e of ENCODINGS) {
      const other = reportOf(bytesOf(doc(e)).bytes);

      if (other !== expected) {
        fail(`${ e } reads differently from UTF-8: ${ other.slice(0, 300) }`);
      }
    }
  },
  runs: 20,
  show: (s) => wrap(materialise(s, [], true), 'list', []),
});

/** What `kubectl get` calls each type, as the README's collect command passes them to `--types`. */
const KUBECTL_NAMES: Record<string, string> = KUBECTL_RESOURCES;

interface TypesReport {
  cluster: Cluster;
  unread: { type: string }[];
  verdict: { health: string };
}

export const cliTypes = property({
  name:      'with --types, a type asked for is read even when empty, and a needed type not asked for is unread and keeps the verdict from OK',
  arb:       fc.tuple(mildScenario, fc.subarray(ALL_TYPES), fc.boolean()),
  predicate: ([s, asked, steveIds]: [Scenario, string[], boolean]) => {
    // kubectl returns only what it was asked for
    const objects = materialise(s, [], true).filter((o) => {
      const type = identify(o)?.type;

      return !type || asked.includes(type);
    });
    const names = asked.map((t) => (steveIds ? t : KUBECTL_NAMES[t]));
    let r: ReturnType<typeof runCliOn> | undefined;

    count(objects.length);
    try {
      r = runCliOn(Buffer.from(toJsonText(wrap(objects, 'list', [])), 'utf8'), ['--format', 'json', '--types', names.join(',')]);
    } catch {
      // reported by the CLI's "never throws" property
    }
    fc.pre(!!r);
    if (r?.code !== 0) {
      fail(`--types ${ names.join(',') } gave exit ${ r?.code }: ${ r?.err }`);
    }
    const report = JSON.parse(r.out) as TypesReport;
    const unread = report.unread.map((u) => u.type).sort();
    const expected = NEEDED[report.cluster].filter((t) => !asked.includes(t)).sort();

    if (unread.join() !== expected.join()) {
      fail(`asked for ${ names.join(',') || 'nothing' } on a ${ report.cluster } cluster: unread ${ unread.join(', ') || 'nothing' }, expected ${ expected.join(', ') || 'nothing' }`);
    }
    if (unread.length && report.verdict.health === 'ok') {
      fail(`verdict OK with ${ unread.join(', ') } unread`);
    }
  },
  runs: 40,
  show: ([s, asked, steveIds]) => ({
    asked, steveIds, objects: materialise(s, [], true)
  }),
});
