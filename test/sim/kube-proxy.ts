/** The Kubernetes proxy (`/k8s/clusters/<id>/api|apis/…`, `/api|apis`): objects, lists, status subresource, pod logs. */
import type { ClusterState, PropagationPolicy } from './cluster';
import type { Action, Faults } from './faults';
import { HttpError, applyFault, requireUser, send } from './http';
import type { Ctx } from './http';
import { clone, isPlainObject } from './objects';
import type { Obj } from './objects';
import { patchObject } from './patch';
import type { Permissions, Verb } from './users';

/** A pod's log by cluster id and `<ns>/<pod>` (the controllers keep them). */
export type LogSource = (clusterId: string, podId: string) => string | undefined;

export class KubeProxy {
  private readonly permissions: Permissions;
  private readonly faults: Faults;
  private readonly logOf: LogSource;

  constructor(permissions: Permissions, faults: Faults, logOf: LogSource) {
    this.permissions = permissions;
    this.faults = faults;
    this.logOf = logOf;
  }

  async handle(ctx: Ctx, cluster: ClusterState, fullPath: string): Promise<void> {
    const user = requireUser(ctx);
    const method = ctx.req.method || 'GET';
    const m = fullPath.match(/^\/(?:k8s\/clusters\/[^/]+\/)?(api|apis)\/(.*)$/) || (`/k8s/x${ fullPath }`).match(/^\/k8s\/x\/(api|apis)\/(.*)$/);

    if (!m) {
      throw new HttpError(404, 'not found');
    }
    const segs = m[2].split('/').filter(Boolean).map(decodeURIComponent);
    let group = '';
    let version: string;

    if (m[1] === 'api') {
      version = segs.shift() || '';
    } else {
      group = segs.shift() || '';
      version = segs.shift() || '';
    }
    let namespace: string | undefined;

    if (segs[0] === 'namespaces' && segs.length >= 3) {
      namespace = segs[1];
      segs.splice(0, 2);
    }
    const [resource, name, sub] = segs;
    const t = [...cluster.types.values()].find((x) => x.group === group && x.resource === resource && (!version || x.version === version));

    if (!t) {
      ctx.log.cluster = cluster.id;
      throw new HttpError(404, `the server could not find the requested resource (${ group || 'core' }/${ resource })`);
    }
    const verbs = this.permissions.verbs(user, cluster.id, t.id);
    const need = (verb: Verb, what = `${ t.resource }${ sub ? `/${ sub }` : '' }`) => {
      if (!verbs.includes(verb)) {
        throw new HttpError(403, `${ t.resource }${ t.group ? `.${ t.group }` : '' } "${ name || '' }" is forbidden: User "${ user.id }" cannot ${ verb } resource "${ what }" in API group "${ t.group }"${ namespace ? ` in the namespace "${ namespace }"` : '' }`);
      }
    };
    const id = namespace ? `${ namespace }/${ name }` : name;

    if (!name) {
      await applyFault(this.faults, ctx, cluster, t.id, 'list');
      need('list');
      const items = cluster.list(t.id).filter((o) => !namespace || o.metadata.namespace === namespace);

      return send(ctx, 200, {
        apiVersion: t.group ? `${ t.group }/${ t.version }` : t.version, kind: `${ t.kind }List`, metadata: { resourceVersion: String(cluster.revision) }, items
      });
    }
    if (sub === 'log' && t.id === 'pod') {
      await applyFault(this.faults, ctx, cluster, t.id, 'log');
      need('get', 'pods/log');
      cluster.mustGet('pod', id as string);
      const text = this.logOf(cluster.id, id as string) || '';
      const tail = Number(ctx.url.searchParams.get('tailLines') || 0);
      let lines = text.split('\n');

      if (lines[lines.length - 1] === '') {
        lines.pop();
      }
      if (tail > 0) {
        lines = lines.slice(-tail);
      }
      ctx.log.action = 'log';

      return send(ctx, 200, lines.length ? `${ lines.join('\n') }\n` : '');
    }
    if (sub && sub !== 'status') {
      throw new HttpError(404, `subresource ${ sub } is not simulated`);
    }
    if (sub === 'status' && !t.statusSubresource) {
      throw new HttpError(404, `${ t.resource } has no status subresource`);
    }
    const action: Action = sub === 'status' ? 'status' : method === 'GET' ? 'get' : method === 'DELETE' ? 'delete' : method === 'PUT' ? 'update' : 'patch';

    await applyFault(this.faults, ctx, cluster, t.id, action);
    switch (method) {
    case 'GET':
      need('get');

      return send(ctx, 200, cluster.mustGet(t.id, id as string));
    case 'PATCH':
      need('patch');

      return send(ctx, 200, patchObject(ctx, cluster, t, id as string, sub === 'status' ? 'status' : undefined));
    case 'PUT': {
      need('update');
      const input = clone(ctx.body) as Obj;

      if (!isPlainObject(input) || !isPlainObject(input.metadata)) {
        throw new HttpError(422, 'metadata is required');
      }
      input.metadata.name = name;
      input.metadata.namespace = namespace;

      return send(ctx, 200, cluster.replace(t.id, input, { expectVersion: input.metadata.resourceVersion as string | undefined, subresource: sub === 'status' ? 'status' : undefined }));
    }
    case 'DELETE': {
      need('delete');
      const body = isPlainObject(ctx.body) ? ctx.body : {};
      const policy = (ctx.url.searchParams.get('propagationPolicy') || body.propagationPolicy) as PropagationPolicy | undefined;

      return send(ctx, 200, cluster.delete(t.id, id as string, policy));
    }
    }
    throw new HttpError(405, `${ method } is not allowed`);
  }
}
