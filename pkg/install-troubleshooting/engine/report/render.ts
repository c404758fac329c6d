import type { ObjectRef } from '../../types';
import { KIND_KEYS, fullKey } from '../messages';
import type { Message, MessageArgs, MessageKey, Translate } from '../messages';
import { codeSpan } from './markdown-text';

export type TextStyle = 'plain' | 'markdown';

/** A message in words; in Markdown every string parameter (they come from objects) is a code span. */
export function render(t: Translate, message: Message, style: TextStyle = 'plain'): string {
  if (style === 'plain' || !message.args) {
    return t(message.key, message.args);
  }
  const args: MessageArgs = {};

  for (const [k, v] of Object.entries(message.args)) {
    args[k] = typeof v === 'string' ? codeSpan(v) : v;
  }

  return t(message.key, args);
}

export function word(t: Translate, key: MessageKey, args?: MessageArgs): string {
  return t(fullKey(key), args);
}

export function kindName(t: Translate, ref: ObjectRef): string {
  return word(t, KIND_KEYS[ref.type]);
}
