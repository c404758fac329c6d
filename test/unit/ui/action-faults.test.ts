/**
 * Fixes that fail or lose their object: sendPlan, useActionRun and the ActionBar (inside the real
 * panel, with the shell's own Banner and a real Vuex store).
 */
import { mount } from '@vue/test-utils';
import DetailPanel from '@pkg/components/panel/DetailPanel.vue';
import { createTroubleshooter, useActionRun } from '@pkg/composables/troubleshooter';
import { sendPlan } from '@pkg/handlers/send-plan';
import type { ActionPlan, PlannedRequest } from '@pkg/engine';
import type { KubeObject, ObjectRef } from '@pkg/types';
import {
  BASE, flush, globalMocks, makeStore, redeployedHarvester, seedObjects, SEED_NOW
} from './harness';
import type { HarnessOptions } from './harness';

const BD: ObjectRef = { type: 'fleet.cattle.io.bundledeployment', id: 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester' };
const MC: ObjectRef = { type: 'management.cattle.io.managedchart', id: 'fleet-local/harvester' };
const CANAL: ObjectRef = { type: 'helm.cattle.io.helmchart', id: 'kube-system/rke2-canal' };
const BUNDLE_TYPE = 'fleet.cattle.io.bundle';

function failingCanal(objects: KubeObject[]): KubeObject[] {
  const job = objects.find((o) => o.kind === 'Job' && o.metadata.name === 'helm-install-rke2-canal') as KubeObject & { status: Record<string, unknown> };

  job.status = {
    failed:     6,
    conditions: [{
      type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded'
    }]
  };

  return objects;
}

async function setup(opts: HarnessOptions = {}, objects: KubeObject[] = seedObjects()) {
  const h = makeStore(objects, opts);
  const troubleshooter = createTroubleshooter(h.shellStore, 'cluster', () => SEED_NOW);

  await troubleshooter.source.load();

  return { ...h, troubleshooter };
}

async function mountPanel(target: ObjectRef, opts: HarnessOptions = {}, objects: KubeObject[] = seedObjects()) {
  const s = await setup(opts, objects);
  const wrapper = mount(DetailPanel, { props: { troubleshooter: s.troubleshooter, target }, global: { plugins: [s.store], mocks: globalMocks } });

  await flush();

  return { ...s, wrapper };
}

function must<T>(v: T | undefined): T {
  if (v === undefined) {
    throw new Error('expected a value');
  }

  return v;
}

describe('sendPlan', () => {
  const request = (url: string): PlannedRequest => ({
    object: CANAL, method: 'PATCH', url, headers: {}, effect: { key: 'k' }
  });
  const plan = (allowed = true): ActionPlan => ({
    action:     'rerun',
    target:     CANAL,
    requests:   [request('/a'), request('/b'), request('/c')],
    permission: { ref: CANAL, link: 'update' },
    allowed,
    label:      { key: 'l' },
    confirm:    { key: 'c' },
  });

  it('sends in order and stops at the first failure, naming its index and status', async() => {
    const sent: string[] = [];
    const res = await sendPlan(plan(), async(r) => {
      sent.push(r.url);
      if (r.url === '/b') {
        throw Object.assign(new Error('boom'), { _status: 500 });
      }
    });

    expect(sent).toEqual(['/a', '/b']);
    expect(res).toEqual({
      ok: false, index: 1, failure: { status: 500, message: 'boom' }
    });
  });

  it('sends nothing for a plan that is not allowed', async() => {
    const sent: string[] = [];
    const res = await sendPlan(plan(false), async(r) => {
      sent.push(r.url);
    });

    expect(sent).toEqual([]);
    expect(res).toMatchObject({
      ok: false, index: 0, failure: { status: 403 }
    });
  });
});

describe('useActionRun', () => {
  it('sends one write for a double confirm', async() => {
    const { troubleshooter, requests } = await setup();
    const run = useActionRun(troubleshooter);

    run.ask(BD, 'force-redeploy');
    await Promise.all([run.confirm(), run.confirm()]);
    expect(requests.map((r) => r.method)).toEqual(['patch']);
    expect(run.phase.value).toBe('waiting');
  });

  it('records which request failed: the rerun\'s DELETE after the status reset went through', async() => {
    const { troubleshooter, requests } = await setup({ failRequest: { 'batch.jobs': 500 } }, failingCanal(seedObjects()));
    const run = useActionRun(troubleshooter);

    run.ask(CANAL, 'rerun');
    await run.confirm();
    expect(requests.map((r) => r.method)).toEqual(['patch', 'delete']);
    expect(run.phase.value).toBe('failed');
    expect(run.failedAt.value).toBe(1);
    expect(run.failure.value?.status).toBe(500);
  });

  it('does not send a plan whose object was deleted while it waited for confirmation', async() => {
    const { troubleshooter, requests, update } = await setup();
    const run = useActionRun(troubleshooter);

    run.ask(BD, 'force-redeploy');
    expect(run.withdrawn.value).toBeUndefined();
    update(BUNDLE_TYPE, []);
    expect(run.withdrawn.value).toEqual({ gone: { type: BUNDLE_TYPE, id: 'fleet-local/mcc-harvester' } });
    await run.confirm();
    expect(requests).toEqual([]);
    expect(run.phase.value).toBe('confirm');
  });
});

describe('the ActionBar when a fix fails', () => {
  it('says the rerun reset the status, that the old Job still exists, and what to do, when the Job DELETE fails', async() => {
    const { wrapper, requests } = await mountPanel(CANAL, { failRequest: { 'batch.jobs': 500 } }, failingCanal(seedObjects()));

    await wrapper.find('[data-testid="it-action-rerun"]').trigger('click');
    await wrapper.find('[data-testid="it-confirm-ok"]').trigger('click');
    await flush();

    expect(requests.map((r) => r.method)).toEqual(['patch', 'delete']);
    const error = wrapper.find('[data-testid="it-action-error"]');

    expect(error.attributes('data-failed-at')).toBe('1');
    expect(error.text()).toContain(`Failed (HTTP 500); nothing after this request was sent: DELETE ${ BASE }/v1/batch.jobs/kube-system/helm-install-rke2-canal?propagationPolicy=Background`);
    expect(wrapper.find('[data-testid="it-action-failure-meaning"]').text()).toBe('The cluster could not carry out the request. Look at the object\'s current state before you try again.');
    expect(wrapper.find('[data-testid="it-action-took-effect"]').text()).toBe(`The status of HelmChart kube-system/rke2-canal was reset. PATCH ${ BASE }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-canal/status`);
    const next = wrapper.find('[data-testid="it-action-next"]').text();

    expect(next).toContain('was already reset, but Job kube-system/helm-install-rke2-canal was not deleted and still exists');
    expect(next).toContain('kubectl -n kube-system delete job helm-install-rke2-canal');
    expect(error.text()).not.toContain('No request took effect');
    // the fix can be asked for again
    expect(wrapper.find('[data-testid="it-action-rerun"]').attributes('disabled')).toBeUndefined();
  });

  it.each([
    [403, 'The cluster refused the request; your role lacks the permission for it.'],
    [404, 'The object is gone; it was deleted after the page read it.'],
    [409, 'Its resourceVersion no longer matched, so the cluster refused the request and nothing was overwritten.'],
    [500, 'The cluster could not carry out the request.'],
  ])('says plainly what HTTP %i on the first request means, and that nothing was changed', async(status, meaning) => {
    const { wrapper, requests } = await mountPanel(BD, { failRequest: { [BUNDLE_TYPE]: status } });

    await wrapper.find('[data-testid="it-action-force-redeploy"]').trigger('click');
    await wrapper.find('[data-testid="it-confirm-ok"]').trigger('click');
    await flush();

    expect(requests).toHaveLength(1);
    expect(requests[0].data).toEqual({ metadata: { resourceVersion: expect.any(String) }, spec: { forceSyncGeneration: 1 } });
    const error = wrapper.find('[data-testid="it-action-error"]');

    expect(error.attributes('data-status')).toBe(String(status));
    expect(error.text()).toContain(`Failed (HTTP ${ status })`);
    expect(wrapper.find('[data-testid="it-action-failure-meaning"]').text()).toContain(meaning);
    expect(wrapper.find('[data-testid="it-action-next"]').text()).toBe('No request took effect, so nothing was changed.');
    expect(wrapper.find('[data-testid="it-action-took-effect"]').exists()).toBe(false);
  });
});

describe('the ActionBar when a fix\'s object is deleted meanwhile', () => {
  it('says which object is gone instead of dropping the button without a word', async() => {
    const { wrapper, update } = await mountPanel(MC);

    expect(wrapper.find('[data-testid="it-action-force-redeploy"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="it-action-withdrawn"]').exists()).toBe(false);
    update(BUNDLE_TYPE, []);
    await flush();

    expect(wrapper.find('[data-testid="it-action-force-redeploy"]').exists()).toBe(false);
    const note = wrapper.find('[data-testid="it-action-withdrawn"]');

    expect(note.attributes('data-action')).toBe('force-redeploy');
    expect(note.text()).toBe('Force redeploy is no longer offered: Bundle fleet-local/mcc-harvester is gone (deleted meanwhile).');
  });

  it('blocks a confirmation whose object went away, and sends nothing', async() => {
    const { wrapper, update, requests } = await mountPanel(MC);

    await wrapper.find('[data-testid="it-action-force-redeploy"]').trigger('click');
    update(BUNDLE_TYPE, []);
    await flush();

    expect(wrapper.find('[data-testid="it-confirm-withdrawn"]').text()).toContain('Bundle fleet-local/mcc-harvester is gone');
    // said once, in the confirmation
    expect(wrapper.findAll('[data-testid="it-action-withdrawn"]')).toHaveLength(0);
    const ok = wrapper.find('[data-testid="it-confirm-ok"]');

    expect(ok.attributes('disabled')).toBeDefined();
    await ok.trigger('click');
    await flush();
    expect(requests).toEqual([]);
  });

  it('does not call a fix withdrawn when it went away because it worked', async() => {
    const { wrapper, update, store } = await mountPanel(BD);

    await wrapper.find('[data-testid="it-action-force-redeploy"]').trigger('click');
    await wrapper.find('[data-testid="it-confirm-ok"]').trigger('click');
    await flush();
    const bds = redeployedHarvester(store);

    update('fleet.cattle.io.bundledeployment', bds);
    await flush();
    expect(wrapper.find('[data-testid="it-action-status"]').attributes('data-phase')).toBe('done');
    expect(wrapper.find('[data-testid="it-action-force-redeploy"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="it-action-withdrawn"]').exists()).toBe(false);
    expect(must(wrapper.find('[data-testid="it-health"]').attributes('data-health'))).toBe('ok');
  });
});
