/** @jest-environment node */
import { safePlans, safePlansAnywhere } from './properties';
import { checkProperty, generatedCount } from './run';

describe('action plans on generated clusters', () => {
  it(safePlans.name, () => checkProperty(safePlans));
  it(safePlansAnywhere.name, () => checkProperty(safePlansAnywhere));

  it('generated at least 3,000 objects', () => {
    expect(generatedCount()).toBeGreaterThanOrEqual(3_000);
  });
});
