import type { ParsedNote } from '../parse';
import type { Finding } from '../types';
import { blockFrontMatter } from './layout';
import { lineStartOf } from './text';
import type { NoteFix, TextEdit } from './types';

/** The edit that says "client" where the finding says "prospect", in the same case and number. */
export function wordingEdit(finding: Finding): TextEdit | undefined {
  const suggestion = finding.data?.suggestion;
  if (finding.ruleId !== 'prospect-wording' || !suggestion) return undefined;
  return { start: finding.start, end: finding.end, newText: suggestion };
}

/** The quick fix for one "prospect". */
export function wordingFix(finding: Finding): NoteFix | undefined {
  const edit = wordingEdit(finding);
  if (!edit) return undefined;
  return { kind: 'replace-wording', ruleId: 'prospect-wording', title: `Replace with “${edit.newText}”`, titleArgs: [edit.newText], edits: [edit], isPreferred: true };
}

/**
 * Whether replacing a "prospect" can never break anything: not in a front-matter key (a team's
 * schema), a link, an address, a file name or inline code. Only these are fixed all at once.
 */
export function isSafeWordingFinding(note: ParsedNote, finding: Finding): boolean {
  const { text } = note;
  const layout = blockFrontMatter(text, note.frontMatter);
  if (layout?.pairs.some((pair) => finding.start < pair.keyEnd && pair.keyStart < finding.end)) return false;
  if (note.frontMatter && !layout && finding.start < (note.frontMatter.closeStart ?? text.length)) return false;
  let from = finding.start;
  while (from > 0 && !/\s/.test(text.charAt(from - 1))) from--;
  let to = finding.end;
  while (to < text.length && !/\s/.test(text.charAt(to))) to++;
  const token = text.slice(from, to);
  if (/[/@\\]|:\/\/|\w\.\w|[_=]/.test(token.replace(/^[([“"']+|[)\]”"'.,;:!?]+$/g, ''))) return false;
  const lineBefore = text.slice(lineStartOf(text, finding.start), finding.start);
  if ((lineBefore.match(/`/g)?.length ?? 0) % 2 === 1) return false;
  if (/\]\([^)]*$/.test(lineBefore)) return false;
  return true;
}

/** One fix that replaces every safe "prospect" in the note. */
export function wordingFixAll(note: ParsedNote, findings: readonly Finding[]): NoteFix | undefined {
  const edits = findings
    .filter((finding) => finding.ruleId === 'prospect-wording' && isSafeWordingFinding(note, finding))
    .map(wordingEdit)
    .filter((edit): edit is TextEdit => edit !== undefined);
  if (edits.length === 0) return undefined;
  return { kind: 'replace-all-wording', ruleId: 'prospect-wording', title: 'Say “client” everywhere in this note', titleArgs: [], edits, isPreferred: false };
}
