/** @jest-environment node */
import {
  englishForEveryMessage, everyObjectAnItem, neverThrows, unreadAloneIsUnknown, unreadIsNotOk, verdictIsWorst
} from './properties';
import { checkProperty, generatedCount } from './run';

describe('the engine on generated clusters', () => {
  it(neverThrows.name, () => checkProperty(neverThrows));
  it(everyObjectAnItem.name, () => checkProperty(everyObjectAnItem));
  it(verdictIsWorst.name, () => checkProperty(verdictIsWorst));
  it(unreadIsNotOk.name, () => checkProperty(unreadIsNotOk));
  it(unreadAloneIsUnknown.name, () => checkProperty(unreadAloneIsUnknown));
  it(englishForEveryMessage.name, () => checkProperty(englishForEveryMessage));

  it('generated at least 5,000 objects', () => {
    expect(generatedCount()).toBeGreaterThanOrEqual(5_000);
  });
});
