/** PATCH of a stored object (JSON patch, else merge patch), as Steve and the Kubernetes proxy both apply it. */
import type { TypeDef } from './catalog';
import type { ClusterState } from './cluster';
import { HttpError } from './http';
import type { Ctx } from './http';
import { PatchError, isPlainObject, jsonPatch, mergePatch } from './objects';
import type { Obj } from './objects';

export function patchObject(ctx: Ctx, cluster: ClusterState, t: TypeDef, id: string, subresource?: 'status'): Obj {
  const current = cluster.mustGet(t.id, id);
  const type = String(ctx.req.headers['content-type'] || '').split(';')[0].trim();
  let next: Obj;
  let expectVersion: string | undefined;

  if (type === 'application/json-patch+json') {
    next = jsonPatch(current, ctx.body) as Obj;
  } else {
    if (!isPlainObject(ctx.body)) {
      throw new HttpError(400, 'the patch body must be a JSON object');
    }
    const rv = (ctx.body.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion;

    expectVersion = rv === undefined || rv === null ? undefined : String(rv);
    // merge-patch+json, and strategic merge treated as a merge patch (enough for the fields the extension touches)
    next = mergePatch(current, ctx.body) as Obj;
  }
  if (!isPlainObject(next) || !isPlainObject(next.metadata)) {
    throw new PatchError('the patch removed the object metadata');
  }
  next.metadata.name = current.metadata.name;
  next.metadata.namespace = current.metadata.namespace;
  // The patch applied to the stored (raw) object: its own `type` stays unless the patch set `_type`
  if (next._type !== undefined) {
    next.type = next._type;
    delete next._type;
  } else if (current.type !== undefined) {
    next.type = current.type;
  } else {
    delete next.type;
  }

  return cluster.replace(t.id, next, { expectVersion, subresource });
}
