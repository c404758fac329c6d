/** @jest-environment node */
import { cliContainersAlike, cliEncodingsAlike, cliNeverThrows, cliTypes } from './properties';
import { checkProperty, generatedCount } from './run';

describe('the report CLI on generated files', () => {
  it(cliNeverThrows.name, () => checkProperty(cliNeverThrows));
  it(cliContainersAlike.name, () => checkProperty(cliContainersAlike));
  it(cliEncodingsAlike.name, () => checkProperty(cliEncodingsAlike));
  it(cliTypes.name, () => checkProperty(cliTypes));

  it('generated at least 4,000 objects', () => {
    expect(generatedCount()).toBeGreaterThanOrEqual(4_000);
  });
});
