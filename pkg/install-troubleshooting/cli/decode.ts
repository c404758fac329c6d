/**
 * Text from the bytes of a file: UTF-8 (with or without a BOM) and UTF-16 in either byte order
 * (what a PowerShell redirect writes), with or without a BOM. Pure: no I/O.
 */

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  const even = bytes.length - (bytes.length % 2);
  const units = new Uint16Array(even / 2);

  for (let i = 0; i < even; i += 2) {
    units[i / 2] = littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
  }
  let out = '';

  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode(...units.subarray(i, i + 8192));
  }

  return out;
}

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
  if (input[0] === 0xFF && input[1] === 0xFE) {
    return utf16(input.subarray(2), true);
  }
  if (input[0] === 0xFE && input[1] === 0xFF) {
    return utf16(input.subarray(2), false);
  }
  const order = sniff(input);

  if (order) {
    return utf16(input, order === 'le');
  }

  return new TextDecoder('utf-8').decode(input).replace(/^\uFEFF/, '');
}

/** A piece of untrusted text (a file name, an option) safe to print on one terminal line. */
export function printable(text: string, max = 80): string {
  const cut = text.length > max ? `${ text.slice(0, max) }…` : text;

  // control characters (terminal escapes among them), line breaks and direction overrides become \u escapes
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${ c.charCodeAt(0).toString(16).padStart(4, '0') }`);
}
