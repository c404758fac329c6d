/**
 * A marker planted in Secret positions only: Secret data in a `modifiedStatus` patch of kind
 * Secret (any apiVersion spelling), Fleet messages that repeat such a patch
 * (`secret.v1 ns/name modified {"data":{…}}`), a ManagedChart's `Defined=False` message carrying
 * one, and chart values (`valuesContent`, `chartContent`, `spec.values`, a Bundle's
 * `spec.helm.values`, also inside drift patches), name-keyed array elements included.
 */
import fc from 'fast-check';
import { TYPES } from '@pkg/types';
import type { Obj } from './objects';
import { identify } from './recognise';
import type { Plant } from './scenario';
import { dnsName } from './strings';

/** Never produced by the generators except here; its core is what the properties look for. */
export const MARKER = 'pl4nted-s3cret-VALUE';

export type Shape = 'flat' | 'nested' | 'named' | 'named-only' | 'array' | 'deep' | 'yaml';

/** A JSON value holding the marker, shaped as Secret data or chart values are. */
export function valueOf(shape: Shape): unknown {
  switch (shape) {
  case 'flat':
    return { password: MARKER };
  case 'nested':
    return { global: { registry: { auth: { token: MARKER } } } };
  case 'named':
    return { users: [{ name: 'admin', password: MARKER }] };
  case 'named-only':
    return { list: [{ name: MARKER }] };
  case 'array':
    return { tokens: [MARKER, { value: MARKER }] };
  case 'deep': {
    let v: unknown = { token: MARKER };

    for (let i = 0; i < 300; i++) {
      v = { [`l${ i % 3 }`]: v };
    }

    return v;
  }
  case 'yaml':
    return `password: ${ MARKER }\nusers:\n  - name: ${ MARKER }\n`;
  }
}

const SHAPES: Shape[] = ['flat', 'nested', 'named', 'named-only', 'array', 'deep', 'yaml'];

/** How Fleet names the Secret's apiVersion in `modifiedStatus`, and some spellings it might. */
const SECRET_API_VERSIONS: (string | undefined)[] = ['v1', undefined, '', 'core/v1', '/v1', 'V1', ' v1', 'v1 ', 'v1beta1'];

/** How a message names a Secret before the patch it repeats. */
const SECRET_WORDS = ['secret.v1', 'Secret.v1', 'secrets.v1', 'secret', 'secrets', 'Secret'];

export type PlantSpec =
  | { at: 'modified'; where: 'deployment' | 'bundle-summary' | 'chart-summary'; apiVersion?: string; kind: string; data: 'data' | 'stringData' | 'top' | 'annotations'; shape: Shape; target: number }
  | { at: 'message'; where: 'deployment-condition' | 'bundle-condition' | 'chart-condition' | 'defined' | 'cluster-condition' | 'non-ready' | 'summary-message'; word: string; prefix: string; suffix: string; name: string; shape: Shape; cut: boolean; target: number }
  | { at: 'values'; where: 'valuesContent' | 'chartContent' | 'chart-values' | 'bundle-values' | 'app-values' | 'patch' | 'long-patch'; patchKind: string; shape: Shape; target: number };

/** Longer than any patch the engine keeps whole (Fleet's patches of big charts run to megabytes). */
const LONG_PATCH = 1_100_000;

/** A Secret name as long as Kubernetes allows (a DNS subdomain of 253 characters). */
const longName: fc.Arbitrary<string> = fc.tuple(dnsName, fc.nat(3)).map(([n, i]) => `${ n }-${ 'a'.repeat(61) }.${ 'b'.repeat(63) }.${ 'c'.repeat(63) }.${ 'd'.repeat(40 + i) }`.slice(0, 253));

export const plantSpec: fc.Arbitrary<PlantSpec> = fc.oneof(
  fc.record({
    at:         fc.constant<'modified'>('modified'),
    where:      fc.constantFrom<'deployment' | 'bundle-summary' | 'chart-summary'>('deployment', 'deployment', 'bundle-summary', 'chart-summary'),
    apiVersion: fc.constantFrom(...SECRET_API_VERSIONS),
    kind:       fc.constantFrom('Secret', 'secret'),
    data:       fc.constantFrom<'data' | 'stringData' | 'top' | 'annotations'>('data', 'data', 'stringData', 'top', 'annotations'),
    shape:      fc.constantFrom(...SHAPES),
    target:     fc.nat(),
  }),
  fc.record({
    at:     fc.constant<'message'>('message'),
    where:  fc.constantFrom<'deployment-condition' | 'bundle-condition' | 'chart-condition' | 'defined' | 'cluster-condition' | 'non-ready' | 'summary-message'>(
      'deployment-condition', 'deployment-condition', 'bundle-condition', 'chart-condition', 'defined', 'defined', 'cluster-condition', 'non-ready', 'summary-message'),
    word:   fc.constantFrom(...SECRET_WORDS),
    prefix: fc.constantFrom('', 'Modified(1) [Cluster fleet-local/local]; ', 'ErrApplied(1) [Cluster fleet-local/local: '),
    suffix: fc.constantFrom('', '; deployment.apps harvester-system/harvester modified {"spec":{"replicas":2}}', ']', ' missing'),
    name:   fc.oneof({ weight: 4, arbitrary: dnsName }, { weight: 1, arbitrary: longName }),
    shape:  fc.constantFrom<Shape>('flat', 'nested', 'named', 'named-only', 'array', 'deep'),
    cut:    fc.boolean(),
    target: fc.nat(),
  }),
  fc.record({
    at:        fc.constant<'values'>('values'),
    where:     fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom<'valuesContent' | 'chartContent' | 'chart-values' | 'bundle-values' | 'app-values' | 'patch'>('valuesContent', 'chartContent', 'chart-values', 'bundle-values', 'app-values', 'patch', 'patch') },
      { weight: 1, arbitrary: fc.constant<'long-patch'>('long-patch') },
    ),
    patchKind: fc.constantFrom('HelmChart', 'ManagedChart', 'Bundle', 'BundleDeployment'),
    shape:     fc.constantFrom(...SHAPES),
    target:    fc.nat(),
  }),
);

function record(v: unknown): Obj | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v as Obj : undefined;
}

/** The object at `path` under `obj`, made (or remade) an object on the way. */
function ensure(obj: Obj, path: string[]): Obj {
  let node = obj;

  for (const key of path) {
    if (!record(node[key])) {
      node[key] = {};
    }
    node = node[key] as Obj;
  }

  return node;
}

function ensureArray(obj: Obj, key: string): unknown[] {
  if (!Array.isArray(obj[key])) {
    obj[key] = [];
  }

  return obj[key] as unknown[];
}

function pick(objects: Obj[], types: string[], target: number): Obj | undefined {
  const of = objects.filter((o) => types.includes(identify(o)?.type || ''));

  return of.length ? of[target % of.length] : undefined;
}

function secretPatch(data: 'data' | 'stringData' | 'top' | 'annotations', shape: Shape): unknown {
  const value = valueOf(shape);

  switch (data) {
  case 'top':
    return value;
  case 'annotations':
    return { metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ data: value }) } }, data: value };
  default:
    return { [data]: value };
  }
}

function valuesPatch(kind: string, shape: Shape): unknown {
  const value = valueOf(shape);

  if (kind === 'HelmChart') {
    return { spec: { valuesContent: typeof value === 'string' ? value : JSON.stringify(value) } };
  }

  if (kind === 'BundleDeployment') {
    return { spec: { options: { helm: { values: value } }, stagedOptions: { helm: { values: value } } } };
  }

  return kind === 'Bundle' ? { spec: { helm: { values: value } } } : { spec: { values: value } };
}

function message(p: Extract<PlantSpec, { at: 'message' }>): string {
  const patch = JSON.stringify(secretPatch('data', p.shape));
  const cutAt = patch.indexOf(MARKER) + MARKER.length;

  return `${ p.prefix }${ p.word } harvester-system/${ p.name } modified ${ p.cut ? patch.slice(0, cutAt) : patch }${ p.cut ? '' : p.suffix }`;
}

function falseCondition(obj: Obj, type: string, text: string): void {
  const conditions = ensureArray(ensure(obj, ['status']), 'conditions');

  conditions.push({
    type, status: 'False', reason: 'Error', message: text
  });
}

/** Plants the marker as described; returns whether there was an object to plant it in. */
export function plant(p: PlantSpec, objects: Obj[]): boolean {
  if (p.at === 'modified') {
    const entry = {
      ...(p.apiVersion === undefined ? {} : { apiVersion: p.apiVersion }), kind: p.kind, namespace: 'harvester-system', name: 'harvester-creds', patch: JSON.stringify(secretPatch(p.data, p.shape))
    };
    const type = {
      deployment: TYPES.BUNDLE_DEPLOYMENT, 'bundle-summary': TYPES.BUNDLE, 'chart-summary': TYPES.MANAGED_CHART
    }[p.where];
    const obj = pick(objects, [type], p.target);

    if (!obj) {
      return false;
    }
    if (p.where === 'deployment') {
      const status = ensure(obj, ['status']);

      status.nonModified = false;
      ensureArray(status, 'modifiedStatus').push(entry);
    } else {
      const resources = ensureArray(ensure(obj, ['status', 'summary']), 'nonReadyResources');

      resources.push({
        name: 'fleet-local/mcc-harvester', bundleState: 'Modified', modifiedStatus: [entry]
      });
    }

    return true;
  }
  if (p.at === 'message') {
    const text = message(p);
    const types = {
      'deployment-condition': [TYPES.BUNDLE_DEPLOYMENT],
      'bundle-condition':     [TYPES.BUNDLE],
      'chart-condition':      [TYPES.MANAGED_CHART],
      defined:                [TYPES.MANAGED_CHART],
      'cluster-condition':    [TYPES.FLEET_CLUSTER],
      'non-ready':            [TYPES.BUNDLE_DEPLOYMENT],
      'summary-message':      [TYPES.BUNDLE, TYPES.MANAGED_CHART],
    }[p.where];
    const obj = pick(objects, types, p.target);

    if (!obj) {
      return false;
    }
    if (p.where === 'defined') {
      const status = ensure(obj, ['status']);

      status.conditions = [{
        type: 'Defined', status: 'False', reason: 'Error', message: text
      }, ...(Array.isArray(status.conditions) ? status.conditions : []).filter((c) => record(c)?.type !== 'Defined')];
    } else if (p.where === 'non-ready') {
      const status = ensure(obj, ['status']);

      status.ready = false;
      ensureArray(status, 'nonReadyStatus').push({
        kind:       'Deployment',
        apiVersion: 'apps/v1',
        namespace:  'harvester-system',
        name:       'harvester',
        summary:    {
          state: 'error', error: true, message: [text]
        }
      });
    } else if (p.where === 'summary-message') {
      ensureArray(ensure(obj, ['status', 'summary']), 'nonReadyResources').push({
        name: 'fleet-local/mcc-harvester', bundleState: 'Modified', message: text
      });
    } else {
      const type = p.where === 'deployment-condition' ? ['Installed', 'Deployed', 'Ready', 'Monitored'][p.target % 4] : 'Ready';

      falseCondition(obj, type, text);
    }

    return true;
  }
  const where = {
    valuesContent:   [TYPES.HELM_CHART],
    chartContent:    [TYPES.HELM_CHART],
    'chart-values':  [TYPES.MANAGED_CHART],
    'bundle-values': [TYPES.BUNDLE],
    'app-values':    [TYPES.APP],
    patch:           [TYPES.BUNDLE_DEPLOYMENT],
    'long-patch':    [TYPES.BUNDLE_DEPLOYMENT],
  }[p.where];
  const obj = pick(objects, where, p.target);
  const value = valueOf(p.shape);

  if (!obj) {
    return false;
  }
  switch (p.where) {
  case 'valuesContent':
  case 'chartContent':
    ensure(obj, ['spec'])[p.where] = typeof value === 'string' ? value : JSON.stringify(value);
    break;
  case 'chart-values':
  case 'app-values':
    ensure(obj, ['spec']).values = value;
    break;
  case 'bundle-values':
    ensure(obj, ['spec', 'helm']).values = value;
    break;
  default: {
    const status = ensure(obj, ['status']);
    const apiVersion = p.patchKind === 'HelmChart' ? 'helm.cattle.io/v1' : p.patchKind === 'ManagedChart' ? 'management.cattle.io/v3' : 'fleet.cattle.io/v1alpha1';
    const patch = valuesPatch(p.patchKind, p.shape) as Obj;

    // a patch too long to keep whole: the values come first, what is cut is the rest
    if (p.where === 'long-patch') {
      patch.metadata = { annotations: { padding: 'x'.repeat(LONG_PATCH) } };
    }
    status.nonModified = false;
    ensureArray(status, 'modifiedStatus').push({
      apiVersion, kind: p.patchKind, namespace: 'fleet-local', name: 'harvester', patch: JSON.stringify(patch)
    });
  }
  }

  return true;
}

/** Plants for `materialise`, counting the ones that found an object. */
export function plants(specs: PlantSpec[], planted: { count: number }): Plant[] {
  return specs.map((p) => (objects: Obj[]) => {
    try {
      if (plant(p, objects)) {
        planted.count++;
      }
    } catch {
      // an object that throws when read takes no plant
    }
  });
}
