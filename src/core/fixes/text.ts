import type { FixSelection, TextEdit } from './types';

/** The note's line break: the first one it uses, `\n` when it has none. */
export function lineBreakOf(text: string): '\r\n' | '\n' {
  const newline = text.indexOf('\n');
  return newline > 0 && text.charAt(newline - 1) === '\r' ? '\r\n' : '\n';
}

/** Applies non-overlapping edits (in any order) and returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) throw new Error(`overlapping or out-of-range edit at ${edit.start}`);
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** Where a selection inside one edit lands in the text after all the (sorted) edits are applied. */
export function selectionAfterEdits(edits: readonly TextEdit[], selection: FixSelection): { start: number; end: number } {
  let shift = 0;
  for (let index = 0; index < selection.edit; index++) shift += edits[index].newText.length - (edits[index].end - edits[index].start);
  const base = edits[selection.edit].start + shift;
  return { start: base + selection.start, end: base + selection.end };
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset` (before `\r\n` or `\n`). */
export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text.charAt(newline - 1) === '\r' ? newline - 1 : newline;
}

/** Offset just past the line break ending the line that holds `offset` (the end of the text on the last line). */
export function nextLineStartOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
