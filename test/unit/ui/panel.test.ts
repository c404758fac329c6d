import { mount } from '@vue/test-utils';
import DetailPanel from '@pkg/components/panel/DetailPanel.vue';
import { createTroubleshooter } from '@pkg/composables/troubleshooter';
import { openDetail, openOverview } from '@pkg/panel-launcher';
import type { KubeObject, ObjectRef } from '@pkg/types';
import {
  BASE, flush, globalMocks, makeStore, redeployedHarvester, seedObjects, SEED_NOW
} from './harness';
import type { HarnessOptions } from './harness';

const BD: ObjectRef = { type: 'fleet.cattle.io.bundledeployment', id: 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester' };
const CANAL: ObjectRef = { type: 'helm.cattle.io.helmchart', id: 'kube-system/rke2-canal' };

async function mountPanel(target: ObjectRef | null, objects: KubeObject[] = seedObjects(), opts: HarnessOptions = {}) {
  const h = makeStore(objects, opts);
  const troubleshooter = createTroubleshooter(h.shellStore, 'cluster', () => SEED_NOW);

  await troubleshooter.source.load();
  const wrapper = mount(DetailPanel, { props: { troubleshooter, target }, global: { plugins: [h.store], mocks: globalMocks } });

  await flush();

  return {
    wrapper, troubleshooter, ...h
  };
}

function failingCanal(objects: KubeObject[]): KubeObject[] {
  const job = objects.find((o) => o.kind === 'Job' && o.metadata.name === 'helm-install-rke2-canal') as KubeObject & { status: Record<string, unknown> };
  const pod = objects.find((o) => o.kind === 'Pod' && o.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === 'rke2-canal') as KubeObject & { status: Record<string, unknown> };

  job.status = { active: 1, startTime: '2025-09-24T09:50:00Z' };
  pod.status = {
    phase:             'Running',
    containerStatuses: [{
      name: 'helm', restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, message: 'Error: UPGRADE FAILED: <b data-probe="panel">x</b>' } }
    }],
  };

  return objects;
}

describe('the side panel for a BundleDeployment', () => {
  it('shows health, summary, conditions coloured by meaning, drift and chain', async() => {
    const { wrapper } = await mountPanel(BD);

    expect(wrapper.find('[data-testid="it-health"]').attributes('data-health')).toBe('warning');
    expect(wrapper.find('[data-testid="it-panel-summary"]').text()).toBe('Deployed, but 1 resource was changed outside Fleet');
    const statuses = wrapper.findAll('[data-testid="it-panel-conditions"] tbody tr.main-row').map((r) => {
      const s = r.find('[data-meaning]');

      return `${ r.find('td').text() }=${ s.text() }:${ s.attributes('data-meaning') }`;
    });

    expect(statuses.sort()).toEqual(['Deployed=True:good', 'Installed=True:good', 'Monitored=True:good', 'Ready=False:bad']);
    expect(wrapper.find('[data-testid="it-panel-drift"]').text()).toContain('spec.template.spec.containers[name=apiserver].image → "frankyang/harvester:fix-renovate-head"');
    expect(wrapper.findAll('[data-testid="it-chain-open"]').map((b) => b.attributes('data-ref'))).toEqual([
      'fleet.cattle.io.bundle:fleet-local/mcc-harvester', 'fleet.cattle.io.cluster:fleet-local/local', 'catalog.cattle.io.app:harvester-system/harvester',
    ]);
    expect(wrapper.find('[data-testid="it-panel-kubectl"]').text()).toContain('kubectl -n fleet-local patch bundles.fleet.cattle.io mcc-harvester --type=merge -p \'{"spec":{"forceSyncGeneration":1}}\'');
  });

  it('opens a linked object in the panel and goes back', async() => {
    const { wrapper } = await mountPanel(BD);

    await wrapper.find('[data-ref="fleet.cattle.io.bundle:fleet-local/mcc-harvester"]').trigger('click');
    expect(wrapper.find('.it-panel-title').text()).toContain('Bundle fleet-local/mcc-harvester');
    await wrapper.find('[data-testid="it-panel-back"]').trigger('click');
    expect(wrapper.find('.it-panel-title').text()).toContain('BundleDeployment');
  });

  it('asks before a force redeploy, then sends exactly the plan and waits for new appliedDeploymentIDs', async() => {
    const {
      wrapper, requests, update, store
    } = await mountPanel(BD);

    await wrapper.find('[data-testid="it-action-force-redeploy"]').trigger('click');
    const confirm = wrapper.find('[data-testid="it-confirm"]');

    expect(confirm.text()).toContain('Raise forceSyncGeneration of Bundle fleet-local/mcc-harvester from 0 to 1?');
    expect(requests).toEqual([]);
    await wrapper.find('[data-testid="it-confirm-ok"]').trigger('click');
    await flush();

    expect(requests).toEqual([{
      url: `${ BASE }/v1/fleet.cattle.io.bundles/fleet-local/mcc-harvester`, method: 'patch', headers: { 'content-type': 'application/merge-patch+json' }, data: { metadata: { resourceVersion: expect.any(String) }, spec: { forceSyncGeneration: 1 } }
    }]);
    expect(wrapper.find('[data-testid="it-action-status"]').attributes('data-phase')).toBe('waiting');

    // the watch brings the BundleDeployment with a new deployment applied
    const bds = redeployedHarvester(store);

    update('fleet.cattle.io.bundledeployment', bds);
    await flush();
    expect(wrapper.find('[data-testid="it-action-status"]').attributes('data-phase')).toBe('done');
    expect(wrapper.find('[data-testid="it-health"]').attributes('data-health')).toBe('ok');
  });

  it('sends nothing when the confirmation is cancelled', async() => {
    const { wrapper, requests } = await mountPanel(BD);

    await wrapper.find('[data-testid="it-action-force-redeploy"]').trigger('click');
    await wrapper.find('[data-testid="it-confirm-cancel"]').trigger('click');

    expect(wrapper.find('[data-testid="it-confirm"]').exists()).toBe(false);
    expect(requests).toEqual([]);
  });

  it('disables the action, with the reason, without the permission the plan names', async() => {
    const { wrapper, requests } = await mountPanel(BD, seedObjects('seed-scenario.json', false));
    const button = wrapper.find('[data-testid="it-action-force-redeploy"]');

    expect(button.attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="it-action-not-allowed"]').text()).toBe('You may not do this: it needs the update permission on Bundle fleet-local/mcc-harvester.');
    await button.trigger('click');
    expect(requests).toEqual([]);
  });
});

describe('the side panel for a crash-looping HelmChart', () => {
  it('shows the Job and container state, the message as text, events and the log on request', async() => {
    const { wrapper, requests, troubleshooter } = await mountPanel(CANAL, failingCanal(seedObjects()));
    const pod = troubleshooter.source.all('pod').find((p) => p.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === 'rke2-canal');

    expect(wrapper.find('[data-testid="it-health"]').attributes('data-health')).toBe('error');
    expect(wrapper.find('[data-testid="it-job-state"]').text()).toBe('kube-system/helm-install-rke2-canal crash-looping');
    expect(wrapper.text()).toContain('Error: UPGRADE FAILED: <b data-probe="panel">x</b>');
    expect(wrapper.find('[data-probe]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="it-panel-events"]').exists()).toBe(true);

    await wrapper.find('[data-testid="it-panel-load-log"]').trigger('click');
    await flush();
    expect(requests.map((r) => r.url)).toEqual([`${ BASE }/api/v1/namespaces/kube-system/pods/${ pod?.metadata.name }/log?container=helm&tailLines=50`]);
    expect(wrapper.find('[data-testid="it-log"]').text()).toContain('<b data-probe="log">x</b>');
    expect(wrapper.find('[data-probe]').exists()).toBe(false);
  });

  it('reruns: the status PATCH, then the Job DELETE in the background, in that order', async() => {
    const { wrapper, requests } = await mountPanel(CANAL, failingCanal(seedObjects()));

    await wrapper.find('[data-testid="it-action-rerun"]').trigger('click');
    expect(wrapper.find('[data-testid="it-confirm"]').text()).toContain('Reset the status of HelmChart kube-system/rke2-canal and delete Job kube-system/helm-install-rke2-canal?');
    await wrapper.find('[data-testid="it-confirm-ok"]').trigger('click');
    await flush();

    expect(requests.map((r) => `${ r.method } ${ r.url }`)).toEqual([
      `patch ${ BASE }/apis/helm.cattle.io/v1/namespaces/kube-system/helmcharts/rke2-canal/status`,
      `delete ${ BASE }/v1/batch.jobs/kube-system/helm-install-rke2-canal?propagationPolicy=Background`,
    ]);
    expect(requests[0].data).toEqual({ metadata: { resourceVersion: expect.any(String) }, status: null });
  });

  it('stops at the first failure, shows it, and sends nothing after it', async() => {
    const { wrapper, requests } = await mountPanel(CANAL, failingCanal(seedObjects()), { failRequest: { '/status': 409 } });

    await wrapper.find('[data-testid="it-action-rerun"]').trigger('click');
    await wrapper.find('[data-testid="it-confirm-ok"]').trigger('click');
    await flush();

    expect(requests).toHaveLength(1);
    expect(wrapper.find('[data-testid="it-action-error"]').text()).toContain('Failed (HTTP 409)');
    expect(wrapper.find('[data-testid="it-action-error"]').text()).toContain('the object has been modified');
  });
});

describe('the panel as the slide-in manager shows it', () => {
  it('works with the props it gets back from the store\'s state (reactive there)', async() => {
    const h = makeStore(seedObjects());
    const troubleshooter = createTroubleshooter(h.shellStore, 'cluster', () => SEED_NOW);

    await troubleshooter.source.load();
    openDetail(h.shellStore, troubleshooter, BD);
    // what SlideInPanelManager renders: <component :is="component" v-bind="componentProps" />
    const state = (h.store.state as unknown as { slideInPanel: { component: object; componentProps: Record<string, unknown> } }).slideInPanel;
    const wrapper = mount(state.component, { props: state.componentProps, global: { plugins: [h.store], mocks: globalMocks } });

    await flush();
    expect(wrapper.find('[data-testid="it-panel"]').exists()).toBe(true);
    expect(wrapper.attributes('title')).toBeUndefined();
    await wrapper.find('[data-testid="it-action-force-redeploy"]').trigger('click');
    await wrapper.find('[data-testid="it-confirm-ok"]').trigger('click');
    await flush();

    expect(h.requests.map((r) => r.method)).toEqual(['patch']);
    expect(wrapper.find('[data-testid="it-action-status"]').attributes('data-phase')).toBe('waiting');
  });
});

describe('the overview as the slide-in manager shows it (the header action\'s path)', () => {
  it('renders the verdict and the problems from the props it gets back from the store\'s state', async() => {
    const h = makeStore(seedObjects());

    openOverview(h.shellStore);
    const state = (h.store.state as unknown as { slideInPanel: { isOpen: boolean; component: object; componentProps: Record<string, unknown> } }).slideInPanel;

    expect(state.isOpen).toBe(true);
    // what SlideInPanelManager renders: <component :is="component" v-bind="componentProps" />
    const wrapper = mount(state.component, { props: state.componentProps, global: { plugins: [h.store], mocks: globalMocks } });

    for (let i = 0; i < 20 && !wrapper.find('[data-testid="it-overview"] [data-testid="it-open"]').exists(); i++) {
      await flush();
    }
    expect(wrapper.find('[data-testid="it-overview"] [data-testid="it-verdict"]').exists()).toBe(true);
    const problems = wrapper.findAll('[data-testid="it-overview"] .it-problems [data-testid="it-open"]').map((b) => b.attributes('data-ref'));

    expect(problems).toContain(`${ BD.type }:${ BD.id }`);
    await wrapper.find(`.it-problems [data-ref="${ BD.type }:${ BD.id }"]`).trigger('click');
    expect(wrapper.find('.it-panel-title').text()).toContain('BundleDeployment');
    wrapper.unmount();
  });
});

describe('the side panel for a healthy HelmChart', () => {
  it('lists its recent events with their Event type, newest first', async() => {
    const { wrapper } = await mountPanel({ type: 'helm.cattle.io.helmchart', id: 'kube-system/rke2-ingress-nginx' });

    await flush();
    const events = wrapper.findAll('[data-testid="it-panel-events"] li').map((li) => li.text().split(':')[0]);

    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.startsWith('Normal '))).toBe(true);
    expect(wrapper.find('[data-testid="it-job-state"]').text()).toBe('kube-system/helm-install-rke2-ingress-nginx completed');
  });
});

describe('the overview (header action)', () => {
  it('shows the verdict and the problems, worst first, each opening in the panel', async() => {
    const { wrapper } = await mountPanel(null);

    expect(wrapper.find('[data-testid="it-overview"] [data-testid="it-verdict"]').attributes('data-health')).toBe('warning');
    const problems = wrapper.findAll('[data-testid="it-overview"] [data-testid="it-open"]').map((b) => b.attributes('data-ref'));

    expect(problems).toHaveLength(4);
    await wrapper.find('[data-testid="it-root-cause"]').trigger('click');
    expect(wrapper.find('.it-panel-title').text()).toContain('BundleDeployment');
  });
});

describe('the header action', () => {
  it('opens the overview in the slide-in panel from any Harvester page', async() => {
    const { default: plugin } = await import('@pkg/index');
    const actions: { invoke: (this: unknown) => void }[] = [];

    plugin({
      register: jest.fn(), addProduct: jest.fn(), addUninstallHook: jest.fn(), addAction: (_w: string, _c: unknown, a: { invoke: () => void }) => actions.push(a)
    } as never);
    const h = makeStore(seedObjects());

    actions[0].invoke.call({ $store: h.store });
    for (let i = 0; i < 20 && !(h.store.state as { slideInPanel: { isOpen: boolean } }).slideInPanel.isOpen; i++) {
      await flush();
    }
    const panel = (h.store.state as unknown as { slideInPanel: { isOpen: boolean; component: unknown; componentProps: { target: unknown; ownsTroubleshooter: boolean } } }).slideInPanel;

    expect(panel.isOpen).toBe(true);
    expect(panel.component).toBe(DetailPanel);
    expect(panel.componentProps).toMatchObject({ target: null, ownsTroubleshooter: true });
  });
});
