import { Config, DEFAULT_CONFIG } from '../config';
import type { ParsedNote } from '../parse';
import type { Finding } from '../types';
import { blockFrontMatter } from './layout';
import type { NoteFix, TextEdit } from './types';

/** The edit that says "client" where the finding says "prospect", in the same case and number. */
export function wordingEdit(finding: Finding): TextEdit | undefined {
  const suggestion = finding.data?.suggestion;
  if (finding.ruleId !== 'prospect-wording' || !suggestion) return undefined;
  return { start: finding.start, end: finding.end, newText: suggestion };
}

/** The quick fix for one "prospect": preferred only where the word is plain prose (see isSafeWordingFinding). */
export function wordingFix(note: ParsedNote, finding: Finding, config: Config = DEFAULT_CONFIG): NoteFix | undefined {
  const edit = wordingEdit(finding);
  if (!edit) return undefined;
  const isPreferred = isSafeWordingFinding(note, finding, config);
  return { kind: 'replace-wording', ruleId: 'prospect-wording', title: `Replace with “${edit.newText}”`, titleArgs: [edit.newText], edits: [edit], isPreferred };
}

/**
 * Whether replacing a "prospect" can never break anything: not in a front-matter key or another
 * key's value (`stage: prospect` is data, not prose), a name (`Prospect Park Dental`), a link or
 * its definition, an address, a file name, inline or indented code, or an HTML comment. Only these
 * are fixed all at once, and only these make the single fix the preferred one.
 */
export function isSafeWordingFinding(note: ParsedNote, finding: Finding, config: Config = DEFAULT_CONFIG): boolean {
  return safeWordingFindings(note, [finding], config)[0];
}

/** Which of the findings (in text order) are safe to fix unseen, in one pass over the note. */
function safeWordingFindings(note: ParsedNote, findings: readonly Finding[], config: Config): boolean[] {
  const { text } = note;
  const frontMatter = note.frontMatter;
  const frontMatterEnd = frontMatter ? (frontMatter.closeStart ?? text.length) : 0;
  // In the front matter, only the objective and outcome are the rep's prose.
  const layout = frontMatter ? blockFrontMatter(text, frontMatter) : undefined;
  const proseNames = new Set([...config.fields.objective, ...config.fields.outcome].map((name) => name.toLowerCase()));
  const prose = (layout?.pairs ?? []).filter((pair) => proseNames.has(pair.key.trim().toLowerCase()));
  const comments = htmlCommentRanges(text, frontMatterEnd);
  let comment = 0;
  return findings.map((finding) => {
    let floor: number | undefined;
    if (finding.start < frontMatterEnd) {
      const pair = prose.find((candidate) => candidate.valueStart <= finding.start && finding.end <= candidate.valueEnd);
      if (!pair) return false;
      floor = pair.valueStart;
    }
    while (comment < comments.length && comments[comment][1] <= finding.start) comment++;
    if (comment < comments.length && comments[comment][0] <= finding.start) return false;
    return isPlainProseWord(text, finding, floor);
  });
}

/** Looked at around a word: a longer run without a space is no prose (and would cost every word in it). */
const REACH = 200;

function isPlainProseWord(text: string, finding: Finding, floor: number | undefined): boolean {
  // Only so far back: on one endless line, looking for its start from every word would be quadratic.
  const windowStart = Math.max(0, finding.start - 10 * REACH);
  const newline = text.slice(windowStart, finding.start).lastIndexOf('\n');
  if (newline === -1 && windowStart > 0) return false;
  const lineStart = Math.max(floor ?? 0, newline === -1 ? 0 : windowStart + newline + 1);
  let from = finding.start;
  while (from > lineStart && !/\s/.test(text.charAt(from - 1))) if (finding.start - --from > REACH) return false;
  let to = finding.end;
  while (to < text.length && !/\s/.test(text.charAt(to))) if (++to - finding.end > REACH) return false;
  const token = text.slice(from, to);
  if (/[/@\\<>]|:\/\/|\w\.\w|[_=]/.test(token.replace(/^[([“"']+|[)\]”"'.,;:!?]+$/g, ''))) return false;
  const lineBefore = text.slice(lineStart, finding.start);
  if (floor === undefined) {
    // Indented code, and a link definition (`[id]: prospects.md "Prospect list"`).
    if (/^(?: {4}|\t)/.test(lineBefore) || /^ {0,3}\[[^\]]*\]:/.test(text.slice(lineStart, lineStart + REACH))) return false;
  }
  if ((lineBefore.match(/`/g)?.length ?? 0) % 2 === 1) return false;
  if (/\]\([^)]*$/.test(lineBefore)) return false;
  // A capital away from the start of a sentence is a name: `Prospect Park Dental`, `PROSPECT Inc`.
  const word = text.charAt(finding.start);
  if (word !== word.toLowerCase()) {
    const before = lineBefore.replace(/[\s"'“‘([*_]+$/, '');
    if (before !== '' && !/[.!?]$/.test(before) && !/^\s*(?:[-*+>]+|#{1,6}|\d{1,9}[.)])$/.test(before)) return false;
  }
  return true;
}

/** Offsets of the body's `<!-- ... -->` comments, in order (an unclosed one runs to the end). */
function htmlCommentRanges(text: string, from: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let open = text.indexOf('<!--', from); open !== -1; open = text.indexOf('<!--', open)) {
    const close = text.indexOf('-->', open + 4);
    const end = close === -1 ? text.length : close + 3;
    ranges.push([open, end]);
    if (close === -1) break;
    open = end;
  }
  return ranges;
}

/** One fix that replaces every safe "prospect" in the note. */
export function wordingFixAll(note: ParsedNote, findings: readonly Finding[], config: Config = DEFAULT_CONFIG): NoteFix | undefined {
  const wording = findings.filter((finding) => finding.ruleId === 'prospect-wording').sort((a, b) => a.start - b.start);
  const safe = safeWordingFindings(note, wording, config);
  const edits = wording
    .filter((_finding, index) => safe[index])
    .map(wordingEdit)
    .filter((edit): edit is TextEdit => edit !== undefined);
  if (edits.length === 0) return undefined;
  return { kind: 'replace-all-wording', ruleId: 'prospect-wording', title: 'Say “client” everywhere in this note', titleArgs: [], edits, isPreferred: false };
}
