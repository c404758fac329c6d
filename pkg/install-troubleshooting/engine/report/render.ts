import type { ObjectRef } from '../../types';
import { KIND_KEYS, fullKey } from '../messages';
import type { Message, MessageArgs, MessageKey, Translate } from '../messages';
import { codeSpan } from './markdown-text';

export type TextStyle = 'plain' | 'markdown';

/**
 * A message in words. In Markdown every parameter that is not a finite number (they come from
 * objects) is turned into text and put in a code span, whatever its type, so nothing from the
 * input can become Markdown structure or HTML.
 */
export function render(t: Translate, message: Message, style: TextStyle = 'plain'): string {
  if (style === 'plain' || !message.args) {
    return t(message.key, message.args);
  }
  const args: MessageArgs = {};

  for (const [k, v] of Object.entries(message.args as Record<string, unknown>)) {
    args[k] = typeof v === 'number' && Number.isFinite(v) ? v : codeSpan(String(v));
  }

  return t(message.key, args);
}

export function word(t: Translate, key: MessageKey, args?: MessageArgs): string {
  return t(fullKey(key), args);
}

export function kindName(t: Translate, ref: Pick<ObjectRef, 'type'>): string {
  return word(t, KIND_KEYS[ref.type]);
}
