/** @jest-environment node */
import { markdownIsInert, markdownIsInertHarvester } from './properties';
import { checkProperty, generatedCount } from './run';

describe('the Markdown report, parsed with markdown-it', () => {
  it(markdownIsInert.name, () => checkProperty(markdownIsInert));
  it(markdownIsInertHarvester.name, () => checkProperty(markdownIsInertHarvester));

  it('generated at least 3,000 objects', () => {
    expect(generatedCount()).toBeGreaterThanOrEqual(3_000);
  });
});
