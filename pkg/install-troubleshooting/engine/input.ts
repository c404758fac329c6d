/**
 * What the CLI (and a saved report) reads: a kubectl List (`kubectl get … -o json`), a Steve
 * collection saved from `/v1/<type>`, a single object, or any nesting of these in arrays and
 * Lists. Containers are unwrapped without recursion; every element that is not a container is
 * handed on as it is, so a bad element is skipped and counted by the boundary in the same way
 * wherever it sits. Errors are one line and never repeat the input.
 */
import { isRecord } from '../types/schema-kit';

export class InputError extends Error {}

export interface InputObjects {
  objects: unknown[];
  /** Types named by a Steve collection's `resourceType`: read, even when empty. */
  collections: string[];
}

function isList(value: Record<string, unknown>): boolean {
  return Array.isArray(value.items) && (typeof value.kind !== 'string' || value.kind.endsWith('List'));
}

function isCollection(value: Record<string, unknown>): boolean {
  return value.type === 'collection' && Array.isArray(value.data);
}

/** The objects in a parsed JSON document; throws InputError when the document as a whole is none of the accepted shapes. */
export function readInput(document: unknown): InputObjects {
  if (!Array.isArray(document) && !(isRecord(document) && (isList(document) || isCollection(document) || isRecord(document.metadata)))) {
    throw new InputError('the input is neither a kubectl List, a Steve collection, a Kubernetes object nor an array of these');
  }
  const objects: unknown[] = [];
  const collections: string[] = [];
  const stack: unknown[] = [document];

  while (stack.length) {
    const value = stack.pop();
    let children: unknown[] | undefined;

    if (Array.isArray(value)) {
      children = value;
    } else if (isRecord(value) && isList(value)) {
      children = value.items as unknown[];
    } else if (isRecord(value) && isCollection(value)) {
      children = value.data as unknown[];
      if (typeof value.resourceType === 'string') {
        collections.push(value.resourceType);
      }
    } else {
      objects.push(value);
    }
    // last in, first out: push backwards to keep the input's order
    for (let i = (children?.length || 0) - 1; i >= 0; i--) {
      stack.push((children as unknown[])[i]);
    }
  }

  return { objects, collections };
}

/** The objects in a parsed JSON document (see `readInput`). */
export function readObjects(document: unknown): unknown[] {
  return readInput(document).objects;
}

/** The offset at which JSON.parse stopped, read from its message (V8 names a position, or quotes a little context). */
function offsetOf(text: string, message: string): number | undefined {
  const pos = /position (\d+)/.exec(message);

  if (pos) {
    return Number(pos[1]);
  }
  const quoted = /^Unexpected token '([\s\S])', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  const at = quoted ? text.indexOf(quoted[2]) : -1;

  return quoted && at >= 0 ? at + Math.max(0, quoted[2].indexOf(quoted[1])) : undefined;
}

/** Where JSON.parse stopped, as `line L, column C` (never the text itself). */
function where(text: string, message: string): string {
  const pos = offsetOf(text, message);

  if (pos === undefined) {
    return /end of (JSON|data) input/i.test(message) ? 'it ends too early' : 'unexpected text';
  }
  const before = text.slice(0, pos);
  const line = (before.match(/\n/g) || []).length + 1;

  return `at line ${ line }, column ${ pos - before.lastIndexOf('\n') }`;
}

/** Parses JSON text; throws InputError with a one-line reason (no input text in it) when it is not JSON. */
export function parseJson(text: string): unknown {
  if (!text.trim()) {
    throw new InputError('the input is empty');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`the input is not valid JSON (${ where(text, (e as Error).message) })`);
  }
}
