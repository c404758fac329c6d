/**
 * Text from the bytes of a file: UTF-8 (with or without a BOM) and UTF-16 in either byte order
 * (what a PowerShell redirect writes), with or without a BOM. Pure: no I/O.
 */

/** Without a BOM, JSON's first characters are ASCII: a zero byte beside each says UTF-16 and its order. */
function sniff(bytes: Uint8Array): 'le' | 'be' | undefined {
  if (bytes.length < 4) {
    return undefined;
  }
  if (bytes[0] && !bytes[1] && bytes[2] && !bytes[3]) {
    return 'le';
  }
  if (!bytes[0] && bytes[1] && !bytes[2] && bytes[3]) {
    return 'be';
  }

  return undefined;
}

export function decodeText(input: string | Uint8Array): string {
  if (typeof input === 'string') {
    return input.replace(/^\uFEFF/, '');
  }
  const bom = input[0] === 0xFF && input[1] === 0xFE ? 'le' : input[0] === 0xFE && input[1] === 0xFF ? 'be' : undefined;
  const order = bom || sniff(input);

  // the platform's decoder drops a BOM that matches the encoding
  return new TextDecoder(order ? `utf-16${ order }` : 'utf-8').decode(input);
}

/** A piece of untrusted text (a file name, an option) safe to print on one terminal line. */
export function printable(text: string, max = 80): string {
  const cut = text.length > max ? `${ text.slice(0, max) }…` : text;

  // control characters (terminal escapes among them), line breaks and direction overrides become \u escapes
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${ c.charCodeAt(0).toString(16).padStart(4, '0') }`);
}
