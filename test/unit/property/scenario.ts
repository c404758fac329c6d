/**
 * A generated cluster: realistic chains (see `objects.ts`), some objects as Steve items, then
 * mutated — wrong types and nulls at any path the engine reads or that the object has, huge and
 * deep values, duplicate ids, owner cycles. `materialise` builds the objects the engine is given.
 */
import fc from 'fast-check';
import { hostile, materialise as materialiseValue, mildHostile, THROWING_GETTER } from './hostile';
import type { Hostile } from './hostile';
import { buildObjects, harvesterSpec, scenarioSpec, toSteve } from './objects';
import type { Obj, ScenarioSpec, Verbs } from './objects';

export type Path = (string | number)[];

/** Every path the engine reads on some kind; a mutation may create it on any object. */
export const ENGINE_PATHS: Path[] = [
  ['apiVersion'], ['kind'], ['type'], ['_type'], ['id'], ['links'], ['links', 'self'], ['links', 'view'], ['links', 'update'], ['links', 'remove'],
  ['metadata'], ['metadata', 'name'], ['metadata', 'namespace'], ['metadata', 'resourceVersion'], ['metadata', 'creationTimestamp'],
  ['metadata', 'deletionTimestamp'], ['metadata', 'labels'], ['metadata', 'labels', 'helmcharts.helm.cattle.io/chart'],
  ['metadata', 'labels', 'job-name'], ['metadata', 'labels', 'batch.kubernetes.io/job-name'], ['metadata', 'labels', 'fleet.cattle.io/bundle-name'],
  ['metadata', 'labels', 'fleet.cattle.io/cluster'], ['metadata', 'ownerReferences'], ['metadata', 'ownerReferences', 0],
  ['metadata', 'ownerReferences', 0, 'kind'], ['metadata', 'ownerReferences', 0, 'name'],
  ['spec'], ['spec', 'paused'], ['spec', 'suspend'], ['spec', 'unschedulable'], ['spec', 'targetNamespace'], ['spec', 'valuesContent'],
  ['spec', 'values'], ['spec', 'helm'], ['spec', 'helm', 'values'], ['spec', 'forceSyncGeneration'], ['spec', 'redeployAgentGeneration'],
  ['spec', 'deploymentID'], ['spec', 'stagedDeploymentID'], ['spec', 'releaseName'], ['spec', 'namespace'], ['spec', 'defaultNamespace'],
  ['spec', 'name'], ['spec', 'version'], ['spec', 'info'], ['spec', 'info', 'status'], ['spec', 'info', 'description'],
  ['status'], ['status', 'conditions'], ['status', 'conditions', 0], ['status', 'conditions', 0, 'type'], ['status', 'conditions', 0, 'status'],
  ['status', 'conditions', 0, 'reason'], ['status', 'conditions', 0, 'message'], ['status', 'conditions', 0, 'lastUpdateTime'],
  ['status', 'jobName'], ['status', 'active'], ['status', 'succeeded'], ['status', 'failed'], ['status', 'ready'], ['status', 'startTime'],
  ['status', 'phase'], ['status', 'message'], ['status', 'containerStatuses'], ['status', 'containerStatuses', 0],
  ['status', 'containerStatuses', 0, 'name'], ['status', 'containerStatuses', 0, 'restartCount'], ['status', 'containerStatuses', 0, 'state'],
  ['status', 'containerStatuses', 0, 'state', 'waiting', 'reason'], ['status', 'containerStatuses', 0, 'state', 'terminated', 'exitCode'],
  ['status', 'containerStatuses', 0, 'lastState', 'terminated', 'message'], ['status', 'nodeInfo', 'kubeletVersion'],
  ['status', 'summary'], ['status', 'summary', 'desiredReady'], ['status', 'summary', 'ready'], ['status', 'summary', 'errApplied'],
  ['status', 'summary', 'nonReadyResources'], ['status', 'summary', 'nonReadyResources', 0, 'bundleState'],
  ['status', 'summary', 'nonReadyResources', 0, 'modifiedStatus'], ['status', 'display'], ['status', 'display', 'state'],
  ['status', 'display', 'readyClusters'], ['status', 'display', 'readyBundles'], ['status', 'appliedDeploymentID'], ['status', 'release'],
  ['status', 'nonModified'], ['status', 'modifiedStatus'], ['status', 'modifiedStatus', 0], ['status', 'modifiedStatus', 0, 'kind'],
  ['status', 'modifiedStatus', 0, 'apiVersion'], ['status', 'modifiedStatus', 0, 'patch'], ['status', 'modifiedStatus', 0, 'missing'],
  ['status', 'nonReadyStatus'], ['status', 'nonReadyStatus', 0, 'summary', 'message'], ['status', 'incompleteState'], ['status', 'namespace'],
  ['status', 'agent'], ['status', 'agent', 'lastSeen'], ['status', 'agentDeployedGeneration'], ['status', 'previousVersion'],
  ['involvedObject'], ['involvedObject', 'kind'], ['involvedObject', 'name'], ['reason'], ['message'],
];

export interface Mutation {
  /** Which object (modulo the count). */
  target: number;
  /**
   * An existing path of the object (modulo their count), one of ENGINE_PATHS, or a sweep: every
   * `stride`-th leaf of the object from `offset` on.
   */
  path: { existing: number } | { engine: number } | { stride: number; offset: number };
  value: Hostile;
}

export interface Scenario {
  spec: ScenarioSpec;
  /** Per object (cyclically): raw kubectl object, or Steve item with these verbs. */
  steve: ('raw' | Verbs)[];
  /** Objects repeated with the same id (a second copy, changed a little). */
  duplicates: number[];
  /** Owner references that form cycles. */
  cycles: boolean;
  /** Every object deep-frozen, as a store may hand them out: the engine must not write to its input. */
  frozen: boolean;
  mutations: Mutation[];
}

export type Plant = (objects: Obj[]) => void;

/** The own data properties of a value, never calling a getter nor failing on a hostile proxy. */
function entriesOf(value: unknown): [string, unknown][] {
  try {
    return Object.entries(Object.getOwnPropertyDescriptors(value)).filter(([, d]) => 'value' in d).map(([k, d]) => [k, d.value]);
  } catch {
    return [];
  }
}

/** Every path an object has (parents first) and whether it holds a leaf, up to a depth and count that keep the walk cheap. */
function walk(obj: unknown, max: number): { path: Path; leaf: boolean }[] {
  const out: { path: Path; leaf: boolean }[] = [];
  const queue: [unknown, Path][] = [[obj, []]];

  for (let head = 0; head < queue.length && out.length < max; head++) {
    const [value, path] = queue[head];

    if (path.length > 10 || !value || typeof value !== 'object') {
      continue;
    }
    for (const [k, v] of entriesOf(value)) {
      if (out.length >= max) {
        break;
      }
      const p = [...path, Array.isArray(value) ? Number(k) : k];

      out.push({ path: p, leaf: !v || typeof v !== 'object' });
      queue.push([v, p]);
    }
  }

  return out;
}

/** Every path an object has, parents first, up to a depth and count that keep the walk cheap. */
export function pathsOf(obj: unknown, max = 400): Path[] {
  return walk(obj, max).map((p) => p.path);
}

/** The paths of an object's leaves (strings, numbers, booleans, nulls). */
export function leavesOf(obj: unknown, max = 400): Path[] {
  return walk(obj, max).filter((p) => p.leaf).map((p) => p.path);
}

/** Sets (or, for undefined, deletes) a value at a path, creating or replacing what is in the way. */
export function setPath(obj: Obj, path: Path, value: unknown): void {
  try {
    setPathOrThrow(obj, path, value);
  } catch {
    // a getter or proxy already planted on the way: leave it as it is
  }
}

function setPathOrThrow(obj: Obj, path: Path, value: unknown): void {
  let node: Obj = obj;

  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i] as string];

    if (!next || typeof next !== 'object') {
      if (value === undefined) {
        return;
      }
      node[path[i] as string] = typeof path[i + 1] === 'number' ? [] : {};
    }
    node = node[path[i] as string] as Obj;
  }
  const last = path[path.length - 1] as string;

  if (value === undefined) {
    if (Array.isArray(node)) {
      node.splice(Number(last), 1);
    } else {
      delete node[last];
    }
  } else if (value === THROWING_GETTER) {
    Object.defineProperty(node, last, {
      get: () => {
        throw new Error('a hostile getter was called');
      },
      enumerable:   true,
      configurable: true,
    });
  } else {
    Object.defineProperty(node, last, {
      value, enumerable: true, writable: true, configurable: true
    });
  }
}

function deepFreeze(v: unknown): void {
  const seen = new Set<unknown>();
  const stack = [v];

  while (stack.length) {
    const x = stack.pop();

    if (!x || typeof x !== 'object' || seen.has(x) || seen.size > 50_000) {
      continue;
    }
    seen.add(x);
    try {
      Object.freeze(x);
      for (const key of Object.keys(x)) {
        const d = Object.getOwnPropertyDescriptor(x, key);

        if (d && 'value' in d) {
          stack.push(d.value);
        }
      }
    } catch {
      // a hostile proxy: leave it as it is
    }
  }
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}

function withCycles(objects: Obj[]): void {
  const named = objects.filter((o) => o.metadata && typeof o.metadata === 'object');

  for (let i = 0; i < named.length; i++) {
    const self = named[i];
    const other = named[(i + 1) % named.length];
    const md = self.metadata as Obj;
    const otherMd = other.metadata as Obj;

    md.ownerReferences = [
      {
        apiVersion: other.apiVersion, kind: other.kind, name: otherMd.name, controller: true
      },
      {
        apiVersion: self.apiVersion, kind: self.kind, name: md.name
      },
    ];
  }
}

/**
 * The objects of a scenario, with any Secret values planted after every other change. With
 * `asText`, deep values are placeholders that `toJsonText` writes out.
 */
export function materialise(s: Scenario, plants: Plant[] = [], asText = false): Obj[] {
  const objects = buildObjects(s.spec).map((o, i) => {
    const form = s.steve.length ? s.steve[i % s.steve.length] : 'raw';

    return form === 'raw' ? o : toSteve(o, form);
  });

  for (const d of s.duplicates) {
    if (objects.length) {
      const copy = clone(objects[d % objects.length]);

      copy.status = { conditions: [{ type: 'Ready', status: 'Unknown' }] };
      objects.splice((d * 7) % (objects.length + 1), 0, copy);
    }
  }
  if (s.cycles) {
    withCycles(objects);
  }
  for (const m of s.mutations) {
    if (!objects.length) {
      break;
    }
    const obj = objects[m.target % objects.length];
    let paths: Path[];

    if ('existing' in m.path) {
      const all = pathsOf(obj);

      paths = all.length ? [all[m.path.existing % all.length]] : [];
    } else if ('engine' in m.path) {
      paths = [ENGINE_PATHS[m.path.engine % ENGINE_PATHS.length]];
    } else {
      const { stride, offset } = m.path;

      paths = leavesOf(obj).filter((_, i) => i % stride === offset % stride);
    }
    for (const path of paths) {
      setPath(obj, path, materialiseValue(m.value, asText));
    }
  }
  for (const plant of plants) {
    plant(objects);
  }
  if (s.frozen) {
    objects.forEach(deepFreeze);
  }

  return objects;
}

const verbs: fc.Arbitrary<'raw' | Verbs> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<'raw'>('raw') },
  { weight: 2, arbitrary: fc.subarray<'update' | 'patch' | 'remove'>(['update', 'patch', 'remove']) },
);

function mutationOf(value: fc.Arbitrary<Hostile>): fc.Arbitrary<Mutation> {
  return fc.record({
    target: fc.nat(),
    path:   fc.oneof(
      { weight: 3, arbitrary: fc.nat().map((existing) => ({ existing })) },
      { weight: 3, arbitrary: fc.nat(ENGINE_PATHS.length - 1).map((engine) => ({ engine })) },
      { weight: 2, arbitrary: fc.record({ stride: fc.integer({ min: 1, max: 6 }), offset: fc.nat(5) }) },
    ),
    value,
  });
}

function scenarioOf(spec: fc.Arbitrary<ScenarioSpec>, value: fc.Arbitrary<Hostile>, maxMutations: number): fc.Arbitrary<Scenario> {
  return fc.record({
    spec,
    steve:      fc.array(verbs, { maxLength: 4 }),
    duplicates: fc.oneof({ weight: 4, arbitrary: fc.constant<number[]>([]) }, { weight: 1, arbitrary: fc.array(fc.nat(), { maxLength: 3 }) }),
    cycles:     fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    frozen:     fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    mutations:  fc.oneof(
      { weight: 2, arbitrary: fc.constant<Mutation[]>([]) },
      { weight: 5, arbitrary: fc.array(mutationOf(value), { maxLength: 4 }) },
      { weight: 2, arbitrary: fc.array(mutationOf(value), { maxLength: maxMutations }) },
    ),
  });
}

/** Any cluster, mutated with anything, huge and deep values included. */
export const anyScenario = scenarioOf(scenarioSpec, hostile, 40);

/** Any cluster, mutated with small wrong values only. */
export const mildScenario = scenarioOf(scenarioSpec, mildHostile, 20);

/** A Harvester cluster (ManagedCharts, Bundles, the Fleet Cluster, HelmCharts), mutated with small wrong values. */
export const harvesterScenario = scenarioOf(harvesterSpec, mildHostile, 12);
