/**
 * Text from objects (names, condition messages, patches) enters Markdown only as a code span
 * or a fenced block, so no renderer ever reads it as Markdown or HTML.
 */

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;

  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }

  return longest;
}

/** A CommonMark code span holding `text` on one line, whatever backticks it contains. */
export function codeSpan(text: string): string {
  const line = text.replace(/\r\n?|\n/g, ' ');

  if (!line.trim()) {
    return '`\u00a0`';
  }
  const fence = '`'.repeat(longestRun(line, '`') + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || (line.startsWith(' ') && line.endsWith(' ')) ? ' ' : '';

  return `${ fence }${ pad }${ line }${ pad }${ fence }`;
}

/**
 * A fenced block holding `text` verbatim, with a fence longer than any backtick run inside;
 * every line indented by `indent` spaces so that it can stand inside a list item.
 */
export function fencedBlock(text: string, indent = 0): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const pad = ' '.repeat(indent);
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');

  return [`${ fence }text`, ...lines, fence].map((l) => `${ pad }${ l }`).join('\n');
}

/** A GFM table cell: pipes split cells even inside code spans, so they are escaped. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}
