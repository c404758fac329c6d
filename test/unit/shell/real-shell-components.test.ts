/**
 * Guards the jest setup against real @rancher/shell code: these suites mount the
 * shell's own components (not stubs) with the shell's i18n plugin and directives
 * installed by test/setup/jest.setup.ts. If a shell upgrade or a config change
 * breaks one of the transforms, it shows up here first.
 */
import { mount } from '@vue/test-utils';
import { createStore } from 'vuex';
import { defineComponent, isReactive } from 'vue';
import { Banner } from '@components/Banner';
import { BadgeState } from '@components/BadgeState';
import SortableTable from '@shell/components/SortableTable/index.vue';
import slideInPanel from '@shell/store/slideInPanel';

const TRANSLATIONS: Record<string, string> = {
  'installTroubleshooting.test.banner': 'Translated <b>banner</b> text',
  'installTroubleshooting.test.name':   'Chart name',
  'installTroubleshooting.test.status': 'Status',
};

// The getters the shell's i18n plugin and SortableTable read, backed by a real Vuex store
// (SortableTable and the <t> component call vuex's useStore(), which a `$store` mock leaves empty).
function makeStore() {
  return createStore({
    getters: {
      'i18n/t':                                    () => (key: string) => TRANSLATIONS[key],
      'i18n/exists':                               () => (key: string) => key in TRANSLATIONS,
      'prefs/get':                                 () => () => 100,
      activeNamespaceCache:                        () => ({}),
      'management/byId':                           () => () => undefined,
      'resource-fetch/manualRefreshIsLoading':     () => false,
      'resource-fetch/refreshFlag':                () => false,
      'resource-fetch/isTooManyItemsToAutoUpdate': () => false,
    },
  });
}

describe('real shell Banner and BadgeState (via @components/...)', () => {
  it('renders a Banner label through the v-clean-html directive (newlines as <br>, markup escaped)', () => {
    const wrapper = mount(Banner, {
      props:  { color: 'error', label: 'Helm install failed\nJob backoff limit exceeded<img src=x onerror="alert(1)">' },
      global: { plugins: [makeStore()] },
    });
    const content = wrapper.find('[data-testid="banner-content"]');

    expect(wrapper.classes()).toContain('error');
    // nlToBr() escapes the markup and turns the newline into <br>, which clean-html keeps
    expect(content.text()).toContain('Helm install failed');
    expect(content.text()).toContain('Job backoff limit exceeded<img src=x');
    expect(content.find('br').exists()).toBe(true);
    expect(content.find('img').exists()).toBe(false);
  });

  it('renders a Banner labelKey through the shell i18n <t> component', () => {
    const wrapper = mount(Banner, {
      props:  { labelKey: 'installTroubleshooting.test.banner' },
      global: { plugins: [makeStore()] },
    });

    expect(wrapper.find('[data-testid="banner-content"]').text()).toBe('Translated banner text');
    expect(wrapper.find('[data-testid="banner-content"] b').text()).toBe('banner');
  });

  it('shows the shell i18n fallback for a missing key', () => {
    const wrapper = mount(Banner, {
      props:  { labelKey: 'installTroubleshooting.test.missing' },
      global: { plugins: [makeStore()] },
    });

    expect(wrapper.find('[data-testid="banner-content"]').text()).toBe('%installTroubleshooting.test.missing%');
  });

  it('renders BadgeState from props, and from a resource value that takes precedence', () => {
    const fromProps = mount(BadgeState, { props: { color: 'bg-info', label: 'Deployed' } });

    expect(fromProps.classes()).toEqual(expect.arrayContaining(['badge-state', 'bg-info']));
    expect(fromProps.text()).toBe('Deployed');

    const fromValue = mount(BadgeState, {
      props: {
        color: 'bg-info', label: 'Deployed', value: { stateBackground: 'bg-error', stateDisplay: 'Failed' }
      }
    });

    expect(fromValue.classes()).toContain('bg-error');
    expect(fromValue.classes()).not.toContain('bg-info');
    expect(fromValue.text()).toBe('Failed');
  });
});

describe('real shell SortableTable (@shell/components/SortableTable/index.vue)', () => {
  const headers = [
    {
      name: 'name', labelKey: 'installTroubleshooting.test.name', value: 'name', sort: ['name']
    },
    {
      name: 'status', labelKey: 'installTroubleshooting.test.status', value: 'status', sort: ['status']
    },
  ];
  const rows = [
    {
      id: 'b', name: 'rancher-monitoring-crd', status: 'Deployed'
    },
    {
      id: 'a', name: 'harvester', status: 'Failed'
    },
    {
      id: 'c', name: 'rancher-logging', status: 'Pending'
    },
  ];

  function mountTable() {
    return mount(SortableTable, {
      props: {
        rows,
        headers,
        keyField:     'id',
        search:       false,
        tableActions: false,
        rowActions:   false,
      },
      global: {
        plugins: [makeStore()],
        mocks:   { $route: { query: {}, params: {} }, $router: { replace: jest.fn() } },
      },
    });
  }

  const firstColumn = (wrapper: ReturnType<typeof mountTable>) => wrapper.findAll('tbody tr.main-row').map((tr) => tr.findAll('td')[0].text());

  it('renders one row per item, sorted by the first sortable column, with translated headers', () => {
    const wrapper = mountTable();

    expect(wrapper.findAll('tbody tr.main-row')).toHaveLength(3);
    expect(firstColumn(wrapper)).toEqual(['harvester', 'rancher-logging', 'rancher-monitoring-crd']);
    expect(wrapper.find('thead').text()).toContain('Chart name');
    expect(wrapper.find('thead').text()).toContain('Status');
  });

  it('re-sorts when a header is clicked (ascending, then descending)', async() => {
    const wrapper = mountTable();
    const statusHeader = wrapper.findAll('thead th').find((th) => th.text().includes('Status'));

    if (!statusHeader) {
      throw new Error('no Status column header rendered');
    }
    await statusHeader.trigger('click');
    expect(wrapper.findAll('tbody tr.main-row').map((tr) => tr.findAll('td')[1].text())).toEqual(['Deployed', 'Failed', 'Pending']);

    await statusHeader.trigger('click');
    expect(wrapper.findAll('tbody tr.main-row').map((tr) => tr.findAll('td')[1].text())).toEqual(['Pending', 'Failed', 'Deployed']);
  });
});

describe('real shell slideInPanel store module (@shell/store/slideInPanel)', () => {
  const Panel = defineComponent({ name: 'TestPanel', template: '<div />' });

  it('records component and componentProps on open, and resets on close', () => {
    jest.useFakeTimers();

    try {
      const store = createStore({ modules: { slideInPanel } });

      expect(store.state.slideInPanel).toEqual({
        isOpen: false, isClosing: false, component: null, componentProps: {}
      });

      store.commit('slideInPanel/open', { component: Panel, componentProps: { chart: 'kube-system/harvester', width: '60%' } });

      expect(store.getters['slideInPanel/isOpen']).toBe(true);
      // markRaw'd by the module: read back through the reactive state, it is still the same object
      expect(store.state.slideInPanel.component).toBe(Panel);
      expect(isReactive(store.state.slideInPanel.component)).toBe(false);
      expect(store.getters['slideInPanel/componentProps']).toEqual({ chart: 'kube-system/harvester', width: '60%' });

      store.commit('slideInPanel/close');
      expect(store.getters['slideInPanel/isOpen']).toBe(false);
      expect(store.getters['slideInPanel/isClosing']).toBe(true);

      // The module clears the component after its 500 ms close transition
      jest.advanceTimersByTime(500);
      expect(store.state.slideInPanel).toEqual({
        isOpen: false, isClosing: false, component: null, componentProps: {}
      });
    } finally {
      jest.useRealTimers();
    }
  });
});
