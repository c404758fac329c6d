import { mount } from '@vue/test-utils';
import HealthBadge from '@pkg/components/HealthBadge.vue';
import ConditionTable from '@pkg/components/ConditionTable.vue';
import { globalMocks, makeStore } from './harness';

describe('every health state, in words and colour', () => {
  it.each([
    ['ok', 'OK', 'bg-success'], ['progressing', 'Progressing', 'bg-info'], ['warning', 'Warning', 'bg-warning'],
    ['error', 'Error', 'bg-error'], ['unknown', 'Unknown', 'bg-darker'],
  ])('%s', (health, label, color) => {
    const wrapper = mount(HealthBadge, { props: { health }, global: { plugins: [makeStore([]).store] } });

    expect(wrapper.text()).toBe(label);
    expect(wrapper.classes()).toContain(color);
    expect(wrapper.attributes('data-health')).toBe(health);
  });
});

describe('the condition table', () => {
  const long = `Job has reached the specified backoff limit ${ 'and more '.repeat(30) }<b data-probe="cond">x</b>`;

  function table(type: string, conditions: object[]) {
    return mount(ConditionTable, { props: { type, conditions }, global: { plugins: [makeStore([]).store], mocks: globalMocks } });
  }

  it('colours by what the condition means for the kind: Failed=False is good on a HelmChart', () => {
    const wrapper = table('helm.cattle.io.helmchart', [{ type: 'Failed', status: 'False' }, { type: 'JobCreated', status: 'True' }]);

    expect(wrapper.findAll('[data-meaning]').map((s) => s.attributes('data-meaning'))).toEqual(['good', 'good']);
    expect(table('node', [{ type: 'MemoryPressure', status: 'True' }]).find('[data-meaning]').attributes('data-meaning')).toBe('bad');
    expect(table('fleet.cattle.io.bundle', [{
      type: 'Ready', status: 'True', reason: 'Error'
    }]).find('[data-meaning]').attributes('data-meaning')).toBe('bad');
  });

  it('collapses a long message until "show more", as text', async() => {
    const wrapper = table('batch.job', [{
      type: 'Failed', status: 'True', message: long
    }]);

    expect(wrapper.find('.condition-message .text').text()).toHaveLength(161);
    await wrapper.find('[data-testid="it-condition-more"]').trigger('click');
    expect(wrapper.find('.condition-message .text').text()).toBe(long);
    expect(wrapper.find('[data-probe]').exists()).toBe(false);
  });
});
