/** @jest-environment node */
import { noSecretLeaks, noSecretLeaksAnywhere, plantedCount } from './properties';
import { checkProperty, generatedCount } from './run';

describe('Secret values and chart values', () => {
  it(noSecretLeaks.name, () => checkProperty(noSecretLeaks));
  it(noSecretLeaksAnywhere.name, () => checkProperty(noSecretLeaksAnywhere));

  it('were planted often enough to mean something, in at least 2,500 objects', () => {
    expect(plantedCount()).toBeGreaterThanOrEqual(800);
    expect(generatedCount()).toBeGreaterThanOrEqual(2_500);
  });
});
