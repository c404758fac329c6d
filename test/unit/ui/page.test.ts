import { mount } from '@vue/test-utils';
import Page from '@pkg/list/install-troubleshooting.vue';
import DetailPanel from '@pkg/components/panel/DetailPanel.vue';
import type { KubeObject } from '@pkg/types';
import {
  flush, globalMocks, makeStore, seedObjects, SEED_NOW, steveItem
} from './harness';
import type { HarnessOptions } from './harness';

jest.mock('@shell/utils/clipboard', () => ({ copyTextToClipboard: jest.fn(() => Promise.resolve()) }));
// eslint-disable-next-line import/first
import { copyTextToClipboard } from '@shell/utils/clipboard';

async function mountPage(objects: KubeObject[], opts: HarnessOptions = {}) {
  jest.useFakeTimers({ now: SEED_NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  const h = makeStore(objects, opts);
  const wrapper = mount(Page, { global: { plugins: [h.store], mocks: globalMocks } });
  const fetch = (Page as unknown as { fetch: () => Promise<void> }).fetch;

  await fetch.call(wrapper.vm);
  jest.useRealTimers();
  await flush();

  return { wrapper, ...h };
}

function refs(wrapper: ReturnType<typeof mount>, section: string): string[] {
  return wrapper.findAll(`[data-testid="it-section-${ section }"] [data-testid="it-open"]`).map((b) => b.attributes('data-ref') || '');
}

afterEach(() => jest.useRealTimers());

describe('the page on the seed scenario', () => {
  it('says Warning and names the Modified mcc-harvester BundleDeployment as root cause', async() => {
    const { wrapper } = await mountPage(seedObjects());
    const verdict = wrapper.find('[data-testid="it-verdict"]');

    expect(verdict.attributes('data-health')).toBe('warning');
    expect(wrapper.find('[data-testid="it-root-cause"]').text()).toBe('BundleDeployment cluster-fleet-local-local-1a3d67d0a899/mcc-harvester');
    expect(verdict.text()).toContain('Deployed, but 1 resource was changed outside Fleet');
    expect(wrapper.find('[data-testid="it-phase"]').attributes('data-phase')).toBe('degraded');
  });

  it('reads Jobs and Pods only by the HelmChart label, never every pod of the cluster', async() => {
    const { selectors, wrapper } = await mountPage(seedObjects());

    expect(selectors).toEqual([{ type: 'batch.job', selector: 'helmcharts.helm.cattle.io/chart' }, { type: 'pod', selector: 'helmcharts.helm.cattle.io/chart' }]);
    expect(wrapper.find('[data-testid="it-section-error"]').exists()).toBe(false);
  });

  it('asks for the label with Exists when Rancher pages lists through its SQL cache', async() => {
    const { selectors, wrapper } = await mountPage(seedObjects(), { paginated: true });

    expect(selectors).toEqual([{ type: 'batch.job', selector: 'helmcharts.helm.cattle.io/chart Exists' }, { type: 'pod', selector: 'helmcharts.helm.cattle.io/chart Exists' }]);
    expect(wrapper.find('[data-testid="it-verdict"]').attributes('data-health')).toBe('warning');
  });

  it('shows only the rows in trouble by default, and all rows when asked', async() => {
    const { wrapper } = await mountPage(seedObjects());

    expect(refs(wrapper, 'managedcharts')).toEqual(['management.cattle.io.managedchart:fleet-local/harvester', 'fleet.cattle.io.bundledeployment:cluster-fleet-local-local-1a3d67d0a899/mcc-harvester']);
    expect(refs(wrapper, 'fleet-agent')).toEqual(['fleet.cattle.io.cluster:fleet-local/local']);
    expect(wrapper.find('[data-testid="it-section-fleet-agent"]').text()).toContain('7 min ago');
    expect(wrapper.find('[data-testid="it-section-helmcharts"] [data-testid="it-section-all-ok"]').text()).toBe('All 6 are OK.');

    await wrapper.find('[data-testid="it-problems-only"] .checkbox-container').trigger('click');

    expect(refs(wrapper, 'helmcharts')).toHaveLength(6);
    expect(refs(wrapper, 'releases')).toHaveLength(18);
    expect(refs(wrapper, 'nodes')).toEqual(['node:harvester-node-0']);
  });

  it('opens a row in the shell\'s slide-in panel', async() => {
    const { wrapper, store } = await mountPage(seedObjects());

    await wrapper.find('[data-testid="it-root-cause"]').trigger('click');
    const state = store.state as unknown as { slideInPanel: { isOpen: boolean; component: unknown; componentProps: { target: unknown; title: string } } };

    expect(state.slideInPanel.isOpen).toBe(true);
    expect(state.slideInPanel.component).toBe(DetailPanel);
    expect(state.slideInPanel.componentProps).toMatchObject({ target: { type: 'fleet.cattle.io.bundledeployment', id: 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester' }, title: 'Install Troubleshooting' });
  });

  it('copies the Markdown report', async() => {
    const { wrapper } = await mountPage(seedObjects());

    await wrapper.find('[data-testid="it-copy-report"]').trigger('click');
    const text = (copyTextToClipboard as jest.Mock).mock.calls[0][0] as string;

    expect(text).toMatch(/^# Install Troubleshooting report/);
    expect(text).toContain('- **Root cause**: BundleDeployment `cluster-fleet-local-local-1a3d67d0a899/mcc-harvester`');
  });

  it('says OK with everything healthy, with the problems filter off', async() => {
    const { wrapper } = await mountPage(seedObjects('healthy-scenario.json'));

    expect(wrapper.find('[data-testid="it-verdict"]').attributes('data-health')).toBe('ok');
    expect(wrapper.find('[data-testid="it-root-cause"]').exists()).toBe(false);
    expect(refs(wrapper, 'helmcharts')).toHaveLength(6);
  });
});

describe('while the lists load', () => {
  it('shows no verdict yet, only that it is reading', () => {
    const h = makeStore(seedObjects());
    const wrapper = mount(Page, { global: { plugins: [h.store], mocks: globalMocks } });
    const verdict = wrapper.find('[data-testid="it-verdict"]');

    expect(verdict.attributes('data-loading')).toBe('true');
    expect(verdict.attributes('data-health')).toBeUndefined();
    expect(verdict.text()).toBe('Reading the cluster…');
  });
});

describe('each section on its own', () => {
  it('says a type is not available when its schema is missing, and keeps the rest', async() => {
    const { wrapper } = await mountPage(seedObjects(), { noSchema: ['management.cattle.io.managedchart'] });

    expect(wrapper.find('[data-testid="it-section-managedcharts"] [data-testid="it-section-unavailable"]').text()).toContain('management.cattle.io.managedchart');
    expect(wrapper.find('[data-testid="it-section-helmcharts"] [data-testid="it-section-unavailable"]').exists()).toBe(false);
    expect(refs(wrapper, 'fleet-agent')).toEqual(['fleet.cattle.io.cluster:fleet-local/local']);
  });

  it('shows a failed list with its error and a retry, and keeps the other sections', async() => {
    const { wrapper } = await mountPage(seedObjects(), { failList: { 'catalog.cattle.io.app': 403 } });
    const error = wrapper.find('[data-testid="it-section-releases"] [data-testid="it-section-error"]');

    expect(error.text()).toContain('403 forbidden');
    expect(wrapper.find('[data-testid="it-section-managedcharts"] [data-testid="it-section-error"]').exists()).toBe(false);
    expect(refs(wrapper, 'managedcharts')).toHaveLength(2);
    expect(error.find('[data-testid="it-section-retry"]').exists()).toBe(true);
  });
});

describe('untrusted text', () => {
  const PAYLOAD = '<b data-probe="page">bold</b><img src=x onerror="window.__probe=1">';
  const SEED_502 = '502 Bad Gateway getting cacerts: <html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

  it('renders names and messages as text, creating no element', async() => {
    const objects = seedObjects();
    const bd = objects.find((o) => o.kind === 'BundleDeployment' && o.metadata.name === 'mcc-harvester') as KubeObject & { status: { conditions: { type: string; status: string; message?: string }[]; appliedDeploymentID?: string } };

    bd.status.appliedDeploymentID = 'old';
    bd.status.conditions = [{
      type: 'Deployed', status: 'False', message: `${ SEED_502 }${ PAYLOAD }`
    }];
    const chart = objects.find((o) => o.kind === 'HelmChart') as KubeObject;

    objects.push(steveItem({ ...chart, metadata: { ...chart.metadata, name: `evil${ PAYLOAD }` } }));
    const { wrapper } = await mountPage(objects);

    expect(wrapper.html()).toContain('&lt;b data-probe="page"&gt;');
    expect(wrapper.find('[data-probe]').exists()).toBe(false);
    expect(wrapper.find('h1').text()).toBe('Install Troubleshooting');
    expect(wrapper.find('center').exists()).toBe(false);
    expect(wrapper.find('[data-testid="it-verdict"]').text()).toContain('502 Bad Gateway getting cacerts: <html>');

    await wrapper.find('[data-testid="it-copy-report"]').trigger('click');
    const report = (copyTextToClipboard as jest.Mock).mock.calls.pop()[0] as string;

    expect(report).toContain('`kube-system/evil<b data-probe="page">bold</b><img src=x onerror="window.__probe=1">`');
    expect(report).not.toContain('&lt;');
  });
});
