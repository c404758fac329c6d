/**
 * One simulated cluster's objects, as a Kubernetes API server keeps them: one revision counter
 * (every write gets the next `resourceVersion`), `generation` bumped on spec changes, status
 * subresource rules, optimistic concurrency, deletion with propagation, and a bounded history of
 * watch events so a watcher that reconnects can resume from the revision it knew.
 */
import { randomUUID } from 'node:crypto';
import type { SimClock } from './clock';
import { apiVersionOf, findTypeDef, typeIdOf } from './catalog';
import type { TypeDef } from './catalog';
import { clone, idOf, isPlainObject } from './objects';
import type { Obj } from './objects';

export type WatchEventName = 'resource.create' | 'resource.change' | 'resource.remove';

export interface WatchEvent {
  name: WatchEventName;
  type: string;
  revision: number;
  obj: Obj;
}

export class ApiError extends Error {
  constructor(public readonly status: number, public readonly reason: string, message: string) {
    super(message);
  }
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

const HISTORY = 5000;

export interface ClusterInfo {
  id: string;
  displayName: string;
  /** `harvester`, `rke2`, `k3s` … as Rancher's management cluster reports it. */
  provider: string;
  kubernetesVersion: string;
}

export class ClusterState {
  revision = 1;
  readonly types: Map<string, TypeDef>;
  private objects = new Map<string, Map<string, Obj>>();
  private history: WatchEvent[] = [];
  /** Watch events older than this revision are no longer kept. */
  private historyFloor = 0;
  private listeners = new Set<(e: WatchEvent) => void>();

  constructor(public readonly info: ClusterInfo, typeIds: string[], private readonly clock: SimClock) {
    this.types = new Map(typeIds.map((id) => {
      const t = findTypeDef(id);

      if (!t) {
        throw new Error(`cluster ${ info.id }: unknown type ${ id }`);
      }

      return [id, t];
    }));
    for (const id of typeIds) {
      this.objects.set(id, new Map());
    }
  }

  get id(): string {
    return this.info.id;
  }

  /** Load objects as they were captured (keeping their resourceVersions); no watch events. */
  load(objects: Obj[]): void {
    for (const raw of objects) {
      const type = typeIdOf(raw.apiVersion, raw.kind);

      if (!type || !this.objects.has(type)) {
        continue;
      }
      const obj = clone(raw);

      obj.metadata.uid = obj.metadata.uid || randomUUID();
      obj.metadata.creationTimestamp = obj.metadata.creationTimestamp || this.clock.iso();
      const rv = Number(obj.metadata.resourceVersion) || ++this.revision;

      obj.metadata.resourceVersion = String(rv);
      this.revision = Math.max(this.revision, rv);
      this.objects.get(type)?.set(idOf(obj), obj);
    }
    this.revision += 1;
    this.historyFloor = this.revision;
  }

  onEvent(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  }

  /** Events after `revision`, or undefined when that revision is older than the history kept ("too old"). */
  eventsSince(revision: number): WatchEvent[] | undefined {
    if (revision < this.historyFloor) {
      return undefined;
    }

    return this.history.filter((e) => e.revision > revision);
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  typeDef(type: string): TypeDef {
    const t = this.types.get(type);

    if (!t) {
      throw new ApiError(404, 'NotFound', `the server could not find the requested resource (type ${ type })`);
    }

    return t;
  }

  list(type: string): Obj[] {
    return [...(this.objects.get(type)?.values() || [])];
  }

  get(type: string, id: string): Obj | undefined {
    return this.objects.get(type)?.get(id);
  }

  mustGet(type: string, id: string): Obj {
    const obj = this.get(type, id);

    if (!obj) {
      const t = this.typeDef(type);

      throw new ApiError(404, 'NotFound', `${ t.resource }${ t.group ? `.${ t.group }` : '' } "${ id.split('/').pop() }" not found`);
    }

    return obj;
  }

  private emit(name: WatchEventName, type: string, obj: Obj): void {
    const event: WatchEvent = {
      name, type, revision: this.revision, obj: clone(obj)
    };

    this.history.push(event);
    if (this.history.length > HISTORY) {
      this.history.splice(0, this.history.length - HISTORY);
      this.historyFloor = this.history[0].revision - 1;
    }
    for (const listener of [...this.listeners]) {
      listener(event);
    }
  }

  create(type: string, input: Obj): Obj {
    const t = this.typeDef(type);
    const obj = clone(input);

    obj.apiVersion = obj.apiVersion || apiVersionOf(t);
    obj.kind = obj.kind || t.kind;
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = `${ obj.metadata.generateName }${ randomUUID().replace(/-/g, '').slice(0, 5) }`;
    }
    if (!obj.metadata.name) {
      throw new ApiError(422, 'Invalid', 'metadata.name: Required value');
    }
    if (t.namespaced && !obj.metadata.namespace) {
      throw new ApiError(422, 'Invalid', 'metadata.namespace: Required value');
    }
    if (this.get(type, idOf(obj))) {
      throw new ApiError(409, 'AlreadyExists', `${ t.resource } "${ obj.metadata.name }" already exists`);
    }
    obj.metadata.uid = randomUUID();
    obj.metadata.creationTimestamp = this.clock.iso();
    obj.metadata.generation = 1;
    obj.metadata.resourceVersion = String(++this.revision);
    this.objects.get(type)?.set(idOf(obj), obj);
    this.emit('resource.create', type, obj);

    return clone(obj);
  }

  /**
   * Replace an object. `subresource: 'status'` changes only its status; otherwise, for a type
   * with the status subresource, the status sent is ignored (as the API server does).
   * `expectVersion` is the precondition a client sent (PUT body or patch `metadata.resourceVersion`).
   */
  replace(type: string, next: Obj, opts: { expectVersion?: string; subresource?: 'status'; controller?: boolean } = {}): Obj {
    const t = this.typeDef(type);
    const id = idOf(next);
    const current = this.mustGet(type, id);

    if (opts.expectVersion !== undefined && opts.expectVersion !== current.metadata.resourceVersion) {
      throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${ t.resource }${ t.group ? `.${ t.group }` : '' } "${ current.metadata.name }": the object has been modified; please apply your changes to the latest version and try again`);
    }
    let obj: Obj;

    if (opts.subresource === 'status') {
      obj = clone(current);
      if (next.status === undefined) {
        delete obj.status;
      } else {
        obj.status = clone(next.status);
      }
    } else {
      obj = clone(next);
      // Identity and server-owned metadata cannot change
      obj.metadata = {
        ...obj.metadata,
        name:              current.metadata.name,
        namespace:         current.metadata.namespace,
        uid:               current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        generation:        current.metadata.generation,
      };
      if (t.statusSubresource && !opts.controller) {
        if (current.status === undefined) {
          delete obj.status;
        } else {
          obj.status = clone(current.status);
        }
      }
      const specOf = (o: Obj) => JSON.stringify(Object.fromEntries(Object.entries(o).filter(([k]) => !['metadata', 'status', 'apiVersion', 'kind', 'id', 'type', 'links'].includes(k))));

      if (specOf(obj) !== specOf(current)) {
        obj.metadata.generation = (current.metadata.generation || 1) + 1;
      }
    }
    // Steve decorations never reach the store (an own `type` field is real data and stays)
    delete obj.id;
    delete obj.links;
    delete obj.actions;
    if (isPlainObject(obj.metadata)) {
      delete obj.metadata.state;
      delete obj.metadata.fields;
      delete obj.metadata.relationships;
    }
    obj.apiVersion = current.apiVersion;
    obj.kind = current.kind;

    if (JSON.stringify(obj) === JSON.stringify({ ...current, metadata: { ...current.metadata } })) {
      return clone(current); // a no-op write does not change resourceVersion
    }
    obj.metadata.resourceVersion = String(++this.revision);
    this.objects.get(type)?.set(id, obj);
    this.emit('resource.change', type, obj);

    return clone(obj);
  }

  /** A controller's write: read-modify-write of the current object, no precondition. */
  mutate(type: string, id: string, change: (obj: Obj) => void, subresource?: 'status'): Obj | undefined {
    const current = this.get(type, id);

    if (!current) {
      return undefined;
    }
    const next = clone(current);

    change(next);

    return this.replace(type, next, { subresource, controller: true });
  }

  delete(type: string, id: string, policy?: PropagationPolicy): Obj {
    const obj = this.mustGet(type, id);
    // The REST default for batch/v1 Jobs still orphans their pods; everything else is collected in the background
    const effective: PropagationPolicy = policy || (type === 'batch.job' ? 'Orphan' : 'Background');

    this.objects.get(type)?.delete(id);
    obj.metadata.resourceVersion = String(++this.revision);
    obj.metadata.deletionTimestamp = obj.metadata.deletionTimestamp || this.clock.iso();
    this.emit('resource.remove', type, obj);

    const uid = obj.metadata.uid;
    const dependents: [string, Obj][] = [];

    for (const [depType, objects] of this.objects) {
      for (const dep of objects.values()) {
        if ((dep.metadata.ownerReferences || []).some((r) => r.uid === uid)) {
          dependents.push([depType, dep]);
        }
      }
    }
    if (effective === 'Orphan') {
      for (const [depType, dep] of dependents) {
        this.mutate(depType, idOf(dep), (o) => {
          o.metadata.ownerReferences = (o.metadata.ownerReferences || []).filter((r) => r.uid !== uid);
        });
      }
    } else {
      // The garbage collector removes dependents shortly after (Foreground would have waited; close enough here)
      this.clock.schedule(effective === 'Foreground' ? 0 : 300, () => {
        for (const [depType, dep] of dependents) {
          if (this.get(depType, idOf(dep))?.metadata.uid === dep.metadata.uid) {
            this.delete(depType, idOf(dep), 'Background');
          }
        }
      });
    }

    return clone(obj);
  }
}
