/** Small helpers over conditions, labels and time, shared by the rules. */
import type { Condition, KubeObject } from '../types';

export function condition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return (conditions || []).find((c) => c.type === type);
}

export function isTrue(c: Condition | undefined): boolean {
  return c?.status === 'True';
}

export function isFalse(c: Condition | undefined): boolean {
  return c?.status === 'False';
}

export function label(obj: KubeObject, key: string): string | undefined {
  return obj.metadata.labels?.[key];
}

/** Whole seconds from `from` to `now`, or undefined when `from` is missing or unreadable. */
export function secondsSince(from: string | null | undefined, now: Date): number | undefined {
  if (!from) {
    return undefined;
  }
  const t = Date.parse(from);

  return Number.isNaN(t) ? undefined : Math.floor((now.getTime() - t) / 1000);
}

/** Whole minutes, never negative (a clock a little behind the objects' own times gives 0). */
export function minutes(seconds: number): number {
  return Math.max(0, Math.floor(seconds / 60));
}

/** `kind.group namespace/name`, the way Fleet names objects in its messages. */
export function objectLabel(o: { apiVersion?: string; kind?: string; namespace?: string; name?: string }): string {
  const slash = (o.apiVersion || '').indexOf('/');
  const group = slash > 0 ? (o.apiVersion || '').slice(0, slash) : '';
  const kind = (o.kind || '?').toLowerCase();
  const name = o.namespace ? `${ o.namespace }/${ o.name || '?' }` : o.name || '?';

  return `${ group ? `${ kind }.${ group }` : kind } ${ name }`;
}
