/**
 * What the CLI (and a saved report) reads: a kubectl List (`kubectl get … -o json`), a Steve
 * collection saved from `/v1/<type>`, a single object, or a JSON array of any of these.
 */
export class InputError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function objectsOf(value: unknown, where: string): unknown[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => objectsOf(v, `${ where }[${ i }]`));
  }
  if (!isRecord(value)) {
    throw new InputError(`${ where } is not an object`);
  }
  if (Array.isArray(value.items) && (typeof value.kind !== 'string' || value.kind.endsWith('List'))) {
    return value.items;
  }
  if (value.type === 'collection' && Array.isArray(value.data)) {
    return value.data;
  }
  if (isRecord(value.metadata)) {
    return [value];
  }
  throw new InputError(`${ where } is neither a kubectl List, a Steve collection nor a Kubernetes object`);
}

/** The objects in a parsed JSON document; throws InputError with a one-line reason when it holds none of the accepted shapes. */
export function readObjects(document: unknown): unknown[] {
  return objectsOf(document, 'the input');
}

/** Parses JSON text; throws InputError with a one-line reason when it is not JSON. */
export function parseJson(text: string): unknown {
  if (!text.trim()) {
    throw new InputError('the input is empty');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`the input is not valid JSON (${ (e as Error).message })`);
  }
}
