/**
 * @jest-environment node
 *
 * The simulated cluster on its own (no browser): Steve's shapes, users, writes, controllers,
 * the subscribe socket, faults and the request log. Fast: simulated time is fast-forwarded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { Simulator } from '../../sim/server';
import { SCENARIOS, loadScenario } from '../../sim/scenarios';
import { deploymentState } from '../../sim/controllers';

const H = 'c-m-hv7x2k9q';
const STEVE = `/k8s/clusters/${ H }/v1`;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let sim: Simulator;

async function call(method: string, p: string, opts: { user?: string; body?: unknown; type?: string } = {}): Promise<{ status: number; body: Json; text: string }> {
  const cookie = sim.tokenFor(opts.user || 'admin');
  const res = await fetch(`${ sim.url }${ p }`, {
    method,
    headers: { cookie: `${ cookie.name }=${ cookie.value }`, ...(opts.body !== undefined ? { 'content-type': opts.type || 'application/json' } : {}) },
    body:    opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: Json;

  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }

  return {
    status: res.status, body, text
  };
}

beforeEach(async() => {
  sim = new Simulator({ scenario: 'seed' });
  await sim.start();
});

afterEach(async() => {
  await sim.close();
});

describe('Steve API', () => {
  it('lists in Steve shapes with absolute links, view on the native API, and the state summary', async() => {
    const { status, body } = await call('GET', `${ STEVE }/helm.cattle.io.helmcharts`);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      type: 'collection', resourceType: 'helm.cattle.io.helmchart', count: 6
    });
    expect(Number(body.revision)).toBeGreaterThan(3000);
    const canal = body.data.find((o: Json) => o.id === 'kube-system/rke2-canal');

    expect(canal.type).toBe('helm.cattle.io.helmchart');
    expect(canal.links.self).toBe(`${ sim.url }${ STEVE }/helm.cattle.io.helmcharts/kube-system/rke2-canal`);
    expect(canal.links.view).toBe(`${ sim.url }/k8s/clusters/${ H }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-canal`);
    expect(canal.links.update).toBeDefined();
    expect(canal.metadata.state).toEqual({
      name: 'active', error: false, transitioning: false, message: ''
    });
    expect(canal.status.conditions[0]).toMatchObject({ error: false, transitioning: false });
  });

  it('serves the same objects through the harvester path, by schema id or plural, one namespace, or one object', async() => {
    const viaHarvester = await call('GET', `${ STEVE }/harvester/fleet.cattle.io.bundle/fleet-local/mcc-harvester`);

    expect(viaHarvester.status).toBe(200);
    expect(viaHarvester.body.links.self).toContain(`${ STEVE }/harvester/fleet.cattle.io.bundles/fleet-local/mcc-harvester`);
    expect((await call('GET', `${ STEVE }/fleet.cattle.io.bundles/fleet-local`)).body.count).toBe(7);
    expect((await call('GET', `${ STEVE }/nodes/harvester-node-0`)).body.id).toBe('harvester-node-0');
    expect((await call('GET', `${ STEVE }/fleet.cattle.io.bundles/fleet-local/nope`)).status).toBe(404);
  });

  it('filters by label selector (also "exists"), field selector, filter= and pages with limit/continue', async() => {
    const byLabel = await call('GET', `${ STEVE }/pods?labelSelector=helmcharts.helm.cattle.io/chart=rke2-canal`);

    expect(byLabel.body.data.map((o: Json) => o.id)).toEqual(['kube-system/helm-install-rke2-canal-xqfzl']);
    expect((await call('GET', `${ STEVE }/batch.jobs?labelSelector=helmcharts.helm.cattle.io/chart`)).body.count).toBe(6);
    expect((await call('GET', `${ STEVE }/events?fieldSelector=involvedObject.name=helm-install-rke2-ingress-nginx`)).body.count).toBe(2);
    expect((await call('GET', `${ STEVE }/fleet.cattle.io.bundledeployments?filter=metadata.labels[fleet.cattle.io/bundle-name]=mcc-harvester`)).body.count).toBe(1);
    const page1 = await call('GET', `${ STEVE }/catalog.cattle.io.apps?limit=10`);

    expect(page1.body.data).toHaveLength(10);
    const next = new URL(page1.body.pagination.next);
    const page2 = await call('GET', `${ next.pathname }${ next.search }`);

    expect(page2.body.data).toHaveLength(8);
    expect(page2.body.pagination).toBeUndefined();
  });

  it('needs a login, and leaves out what a user may not do', async() => {
    const anonymous = await fetch(`${ sim.url }${ STEVE }/pods`);

    expect(anonymous.status).toBe(401);
    const ro = await call('GET', `${ STEVE }/fleet.cattle.io.bundles/fleet-local/mcc-harvester`, { user: 'readonly' });

    expect(Object.keys(ro.body.links).sort()).toEqual(['self', 'view']);
    const schemas = await call('GET', `${ STEVE }/schemas`, { user: 'readonly' });
    const bundle = schemas.body.data.find((s: Json) => s.id === 'fleet.cattle.io.bundle');

    expect(bundle.resourceMethods).toEqual(['GET']);
    expect(bundle.collectionMethods).toEqual(['GET']);
    const denied = await call('PATCH', `${ STEVE }/fleet.cattle.io.bundles/fleet-local/mcc-harvester`, {
      user: 'readonly', body: { spec: { forceSyncGeneration: 1 } }, type: 'application/merge-patch+json'
    });

    expect(denied.status).toBe(403);
    // With no verb at all, Steve drops the schema, and the collection 404s
    sim.permissions.set('readonly', H, 'fleet.cattle.io.bundle', []);
    expect((await call('GET', `${ STEVE }/schemas`, { user: 'readonly' })).body.data.some((s: Json) => s.id === 'fleet.cattle.io.bundle')).toBe(false);
    expect((await call('GET', `${ STEVE }/fleet.cattle.io.bundles`, { user: 'readonly' })).status).toBe(404);
  });

  it('has a user whose role cannot see Fleet: no Fleet schema, the Fleet collections 404, the rest reads', async() => {
    const ids = (await call('GET', `${ STEVE }/schemas`, { user: 'nofleet' })).body.data.map((s: Json) => s.id as string);

    expect(ids.filter((id: string) => id.startsWith('fleet.cattle.io.'))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['helm.cattle.io.helmchart', 'management.cattle.io.managedchart', 'node']));
    expect((await call('GET', `${ STEVE }/fleet.cattle.io.bundledeployments`, { user: 'nofleet' })).status).toBe(404);
    expect((await call('GET', `${ STEVE }/helm.cattle.io.helmcharts`, { user: 'nofleet' })).status).toBe(200);
  });
});

describe('writes', () => {
  it('merge patch with a stale resourceVersion is a 409; a current one bumps generation and resourceVersion', async() => {
    const url = `${ STEVE }/fleet.cattle.io.bundles/fleet-local/mcc-harvester`;
    const before = (await call('GET', url)).body;
    const stale = await call('PATCH', url, { body: { metadata: { resourceVersion: '1' }, spec: { forceSyncGeneration: 1 } }, type: 'application/merge-patch+json' });

    expect(stale.status).toBe(409);
    const ok = await call('PATCH', url, { body: { metadata: { resourceVersion: before.metadata.resourceVersion }, spec: { forceSyncGeneration: 1 } }, type: 'application/merge-patch+json' });

    expect(ok.status).toBe(200);
    expect(ok.body.spec.forceSyncGeneration).toBe(1);
    expect(ok.body.metadata.generation).toBe(before.metadata.generation + 1);
    expect(Number(ok.body.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
  });

  it('ignores status in a main-resource write of a type with the status subresource; /status changes only status', async() => {
    const native = `/k8s/clusters/${ H }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-canal`;

    await call('PATCH', `${ STEVE }/helm.cattle.io.helmcharts/kube-system/rke2-canal`, { body: { status: null }, type: 'application/merge-patch+json' });
    expect((await call('GET', native)).body.status.jobName).toBe('helm-install-rke2-canal');
    const reset = await call('PATCH', `${ native }/status`, { body: [{ op: 'remove', path: '/status' }], type: 'application/json-patch+json' });

    expect(reset.status).toBe(200);
    expect(reset.body.status).toBeUndefined();
    expect(reset.body.kind).toBe('HelmChart'); // the native API answers raw objects, not Steve's
  });

  it('deletes a Job with propagationPolicy=Background (pods go) or orphans its pods by default', async() => {
    const pods = () => sim.main.list('pod').filter((p) => p.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === 'rke2-canal');

    expect((await call('DELETE', `${ STEVE }/batch.jobs/kube-system/helm-install-rke2-coredns`)).status).toBe(204);
    sim.clock.advance(1000);
    expect(sim.main.list('pod').filter((p) => p.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === 'rke2-coredns')[0].metadata.ownerReferences).toEqual([]);
    expect((await call('DELETE', `${ STEVE }/batch.jobs/kube-system/helm-install-rke2-canal?propagationPolicy=Background`)).status).toBe(204);
    expect(pods()).toHaveLength(1);
    sim.clock.advance(500);
    // The old pod is gone; the helm-controller has not made the new Job yet
    expect(pods().filter((p) => p.metadata.name === 'helm-install-rke2-canal-xqfzl')).toHaveLength(0);
  });
});

describe('controllers', () => {
  it('helm-controller: a status reset re-populates it and creates nothing; a deleted Job comes back and completes', async() => {
    const native = `/k8s/clusters/${ H }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-ingress-nginx`;
    const oldJob = sim.main.get('batch.job', 'kube-system/helm-install-rke2-ingress-nginx');
    const rv = sim.main.get('helm.cattle.io.helmchart', 'kube-system/rke2-ingress-nginx')?.metadata.resourceVersion;

    expect((await call('PATCH', `${ native }/status`, { body: { metadata: { resourceVersion: rv }, status: null }, type: 'application/merge-patch+json' })).status).toBe(200);
    sim.clock.advance(2000);
    expect(sim.main.get('helm.cattle.io.helmchart', 'kube-system/rke2-ingress-nginx')?.status.jobName).toBe('helm-install-rke2-ingress-nginx');
    expect(sim.main.get('batch.job', 'kube-system/helm-install-rke2-ingress-nginx')?.metadata.uid).toBe(oldJob?.metadata.uid);

    await call('DELETE', `${ STEVE }/batch.jobs/kube-system/helm-install-rke2-ingress-nginx?propagationPolicy=Background`);
    sim.clock.advance(1500);
    const job = sim.main.get('batch.job', 'kube-system/helm-install-rke2-ingress-nginx');

    expect(job?.metadata.uid).not.toBe(oldJob?.metadata.uid);
    expect(job?.status.active).toBe(1);
    sim.clock.advance(5000);
    const done = sim.main.get('batch.job', 'kube-system/helm-install-rke2-ingress-nginx');

    expect(done?.status.conditions.find((c: Json) => c.type === 'Complete')?.status).toBe('True');
    const pod = sim.main.list('pod').find((p) => p.metadata.ownerReferences?.[0]?.uid === done?.metadata.uid);

    expect(pod?.status.phase).toBe('Succeeded');
    const log = await call('GET', `/k8s/clusters/${ H }/api/v1/namespaces/kube-system/pods/${ pod?.metadata.name }/log?container=helm&tailLines=2`);

    expect(log.text.trim().split('\n')).toHaveLength(2);
    expect(log.text).toContain('Happy Helming');
  });

  it('Fleet: raising forceSyncGeneration redeploys (WaitApplied, then Ready) and the ManagedChart and Fleet Cluster follow', async() => {
    const bdId = 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester';
    const before = sim.main.get('fleet.cattle.io.bundledeployment', bdId);

    expect(deploymentState(before as Json)).toBe('Modified');
    await call('PATCH', `${ STEVE }/fleet.cattle.io.bundles/fleet-local/mcc-harvester`, { body: { spec: { forceSyncGeneration: 1 } }, type: 'application/merge-patch+json' });
    sim.clock.advance(500);
    const waiting = sim.main.get('fleet.cattle.io.bundledeployment', bdId) as Json;

    expect(waiting.spec.deploymentID).not.toBe(before?.spec.deploymentID);
    expect(waiting.status.display.state).toBe('WaitApplied');
    sim.clock.advance(5000);
    const ready = sim.main.get('fleet.cattle.io.bundledeployment', bdId) as Json;

    expect(ready.status.display.state).toBe('Ready');
    expect(ready.status.appliedDeploymentID).toBe(ready.spec.deploymentID);
    expect(ready.status.modifiedStatus).toBeUndefined();
    expect(sim.main.get('management.cattle.io.managedchart', 'fleet-local/harvester')?.status.display).toEqual({ readyClusters: '1/1' });
    expect(sim.main.get('fleet.cattle.io.cluster', 'fleet-local/local')?.status.display).toEqual({ readyBundles: '7/7' });
  });

  it('Fleet agent: a stale agent stays stale until redeployAgentGeneration is raised', async() => {
    sim.load('agent-stale');
    sim.clock.advance(16 * 60 * 1000);
    expect(sim.main.get('fleet.cattle.io.cluster', 'fleet-local/local')?.status.agent.lastSeen).toBe('2025-09-24T09:05:12Z');
    await call('PATCH', `${ STEVE }/fleet.cattle.io.clusters/fleet-local/local`, { body: { spec: { redeployAgentGeneration: 2 } }, type: 'application/merge-patch+json' });
    sim.clock.advance(3000);
    const fc = sim.main.get('fleet.cattle.io.cluster', 'fleet-local/local') as Json;

    expect(fc.status.agentDeployedGeneration).toBe(2);
    expect(Date.parse(sim.clock.iso()) - Date.parse(fc.status.agent.lastSeen)).toBeLessThan(60000);
  });

  it('resuming a paused ManagedChart unpauses its Bundle, which then deploys the staged version', async() => {
    sim.load('upgrade-stuck');
    await call('PATCH', `${ STEVE }/management.cattle.io.managedcharts/fleet-local/harvester`, { body: { spec: { paused: false } }, type: 'application/merge-patch+json' });
    sim.clock.advance(1000);
    expect(sim.main.get('fleet.cattle.io.bundle', 'fleet-local/mcc-harvester')?.spec.paused).toBe(false);
    sim.clock.advance(5000);
    expect(sim.main.get('fleet.cattle.io.bundledeployment', 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester')?.status.display.state).toBe('Ready');
  });
});

describe('subscribe socket', () => {
  it('starts a watch, pushes changes, replays from a revision, and says "too old" for a revision it no longer has', async() => {
    const cookie = sim.tokenFor('admin');
    const ws = new WebSocket(`${ sim.url.replace('http', 'ws') }${ STEVE }/harvester/subscribe?sockId=3`, { headers: { cookie: `${ cookie.name }=${ cookie.value }` } });
    const messages: Json[] = [];

    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    await new Promise((resolve) => ws.on('open', resolve));
    const revision = sim.main.revision;

    ws.send(JSON.stringify({ resourceType: 'fleet.cattle.io.bundle', resourceVersion: String(revision) }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    sim.main.mutate('fleet.cattle.io.bundle', 'fleet-local/mcc-harvester', (o) => {
      o.metadata.labels = { ...(o.metadata.labels || {}), touched: 'yes' };
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages.map((m) => m.name)).toEqual(['resource.start', 'resource.change']);
    expect(messages[1].data.links.self).toContain('/v1/harvester/fleet.cattle.io.bundles/');

    ws.send(JSON.stringify({
      resourceType: 'fleet.cattle.io.bundle', namespace: 'fleet-local', resourceVersion: String(revision)
    }));
    ws.send(JSON.stringify({
      resourceType: 'fleet.cattle.io.bundle', id: 'fleet-local/mcc-harvester', resourceVersion: '5'
    }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(messages.slice(2).map((m) => m.name)).toEqual(['resource.start', 'resource.change', 'resource.start', 'resource.error']);
    expect(messages[5].data.error).toMatch(/too old/);
    ws.close();
  });
});

describe('faults and the request log', () => {
  it('answers a fault on one type and action, and records every request', async() => {
    sim.addFault({
      type: 'fleet.cattle.io.bundle', action: 'list', status: 403, times: 1
    });
    expect((await call('GET', `${ STEVE }/fleet.cattle.io.bundles`)).status).toBe(403);
    expect((await call('GET', `${ STEVE }/fleet.cattle.io.bundles`)).status).toBe(200);
    expect((await call('GET', `${ STEVE }/helm.cattle.io.helmcharts`)).status).toBe(200);
    await call('DELETE', `${ STEVE }/secrets/kube-system/anything`);
    const log = sim.log.all();

    expect(log.map((e) => e.status)).toEqual([403, 200, 200, 404]);
    expect(sim.log.protectedDeletes().map((e) => e.path)).toEqual([`${ STEVE }/secrets/kube-system/anything`]);
  });
});

describe('plugins and scenarios', () => {
  it('serves a built extension folder through /v1/uiplugins as Rancher does', async() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-plugins-'));

    fs.mkdirSync(path.join(dir, 'demo-1.2.3'));
    fs.writeFileSync(path.join(dir, 'demo-1.2.3', 'package.json'), JSON.stringify({
      name: 'demo', version: '1.2.3', main: 'demo-1.2.3.umd.min.js'
    }));
    fs.writeFileSync(path.join(dir, 'demo-1.2.3', 'demo-1.2.3.umd.min.js'), '/* demo */');
    const other = new Simulator({ plugins: `dist-pkg:${ dir }` });

    await other.start();
    try {
      const index = await (await fetch(`${ other.url }/v1/uiplugins`)).json() as Json;

      expect(index.entries.demo).toMatchObject({
        name: 'demo', version: '1.2.3', metadata: { 'catalog.cattle.io/ui-extensions-version': '>= 3.0.0 < 4.0.0' }
      });
      expect(await (await fetch(`${ other.url }/v1/uiplugins/demo/1.2.3/plugin/demo-1.2.3.umd.min.js`)).text()).toBe('/* demo */');
      expect((await fetch(`${ other.url }/v1/uiplugins/demo/1.2.3/plugin/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    } finally {
      await other.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads every scenario; the hostile one carries data-probe payloads', () => {
    for (const name of Object.keys(SCENARIOS)) {
      const s = loadScenario(name);

      expect(s.clusters.length).toBeGreaterThan(0);
      expect(s.now).toBe('2025-09-24T10:00:00Z');
    }
    expect(JSON.stringify(loadScenario('hostile'))).toContain('data-probe');
    expect(loadScenario('large').clusters[0].objects.filter((o) => o.kind === 'HelmChart').length).toBe(2006);
  });
});

describe('Steve field names', () => {
  it('moves an object\'s own `type` to `_type` (an Event\'s Normal/Warning) and keeps it through a patch', async() => {
    const events = (await call('GET', `${ STEVE }/events/kube-system`)).body.data;

    expect(events[0].type).toBe('event');
    expect(events[0]._type).toBe('Normal');
    const url = `${ STEVE }/events/${ events[0].id }`;
    const patched = await call('PATCH', url, { body: { metadata: { labels: { seen: 'yes' } } }, type: 'application/merge-patch+json' });

    expect(patched.body._type).toBe('Normal');
    expect(sim.main.get('event', events[0].id)?.type).toBe('Normal');
  });
});

describe('behind the dev server', () => {
  it('builds links on the origin the dev-server proxy names (x-api-host, x-forwarded-proto)', async() => {
    const cookie = sim.tokenFor('admin');
    const res = await fetch(`${ sim.url }${ STEVE }/nodes`, {
      headers: {
        cookie: `${ cookie.name }=${ cookie.value }`, 'x-api-host': 'localhost:8005', 'x-forwarded-proto': 'https'
      }
    });
    const body = await res.json() as Json;

    expect(body.data[0].links.self).toBe(`https://localhost:8005${ STEVE }/nodes/harvester-node-0`);
  });
});
