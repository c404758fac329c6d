/** Renders message keys from an l10n file the way the shell's `i18n/t` does (ICU messages). */
import IntlMessageFormat from 'intl-messageformat';
import type { MessageArgs, Translate } from '../engine';

type Tree = { [key: string]: Tree | string };

function lookup(tree: Tree, key: string): string | undefined {
  let node: Tree | string | undefined = tree;

  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }

  return typeof node === 'string' ? node : undefined;
}

/** Unknown keys come out as `%key%`, as in the shell. */
export function createTranslator(translations: unknown, locale: string): Translate {
  const tree = (translations && typeof translations === 'object' ? translations : {}) as Tree;
  const cache = new Map<string, IntlMessageFormat | string>();

  return (key: string, args?: MessageArgs) => {
    let formatter = cache.get(key);

    if (formatter === undefined) {
      const text = lookup(tree, key);

      if (text === undefined) {
        return `%${ key }%`;
      }
      formatter = text.includes('{') ? new IntlMessageFormat(text, locale) : text;
      cache.set(key, formatter);
    }

    return typeof formatter === 'string' ? formatter : String(formatter.format(args || {}));
  };
}
