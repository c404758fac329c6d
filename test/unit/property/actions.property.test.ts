/** @jest-environment node */
import { safePlans, safePlansAnywhere } from './properties';
import { checkProperty, generatedCount } from './run';

describe('action plans on generated clusters', () => {
  it(safePlans.name, () => checkProperty(safePlans));
  it(safePlansAnywhere.name, () => checkProperty(safePlansAnywhere));

  it('generated at least 2,500 objects', () => {
    expect(generatedCount()).toBeGreaterThanOrEqual(2_500);
  });
});
