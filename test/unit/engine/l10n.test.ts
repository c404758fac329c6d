/** @jest-environment node */
import IntlMessageFormat from 'intl-messageformat';
import { fullKey, MESSAGE_KEYS } from '@pkg/engine';
import { locale } from './english';

type Tree = { [k: string]: Tree | string };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();

  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${ prefix }.${ k }` : k;

    if (typeof v === 'string') {
      out.set(key, v);
    } else {
      leaves(v, key).forEach((text, sub) => out.set(sub, text));
    }
  }

  return out;
}

const LOCALES = { 'en-us': 'en-US', 'zh-hans': 'zh-Hans' };

describe.each(Object.entries(LOCALES))('locale %s', (file, tag) => {
  const strings = leaves(locale(file) as Tree);

  it('has every key the engine and the report can emit', () => {
    const missing = MESSAGE_KEYS.map(fullKey).filter((k) => !strings.has(k));

    expect(missing).toEqual([]);
  });

  it('has the same keys as en-us, and every message parses as ICU', () => {
    const english = leaves(locale('en-us') as Tree);

    expect([...strings.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of strings) {
      expect(() => new IntlMessageFormat(text, tag)).not.toThrow();
      expect(`${ key }: ${ text.trim() }`).not.toMatch(/: $/);
    }
  });

  it('uses the same parameters as en-us in every message', () => {
    const english = leaves(locale('en-us') as Tree);
    const params = (text: string) => [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort();

    for (const [key, text] of strings) {
      expect([key, params(text)]).toEqual([key, params(english.get(key) || '')]);
    }
  });
});
