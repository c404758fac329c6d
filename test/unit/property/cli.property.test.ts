/** @jest-environment node */
import { cliContainersAlike, cliEncodingsAlike, cliNeverThrows } from './properties';
import { checkProperty, generatedCount } from './run';

describe('the report CLI on generated files', () => {
  it(cliNeverThrows.name, () => checkProperty(cliNeverThrows));
  it(cliContainersAlike.name, () => checkProperty(cliContainersAlike));
  it(cliEncodingsAlike.name, () => checkProperty(cliEncodingsAlike));

  it('generated at least 2,500 objects', () => {
    expect(generatedCount()).toBeGreaterThanOrEqual(2_500);
  });
});
