/** @jest-environment node */
import { noSecretLeaks, noSecretLeaksAnywhere, plantedCount } from './properties';
import { checkProperty, generatedCount } from './run';

describe('Secret values and chart values', () => {
  it(noSecretLeaks.name, () => checkProperty(noSecretLeaks));
  it(noSecretLeaksAnywhere.name, () => checkProperty(noSecretLeaksAnywhere));

  it('were planted often enough to mean something, in at least 4,000 objects', () => {
    expect(plantedCount()).toBeGreaterThanOrEqual(400);
    expect(generatedCount()).toBeGreaterThanOrEqual(4_000);
  });
});
