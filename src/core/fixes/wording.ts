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

/**
 * Which of the findings are safe to fix unseen. One pass over the note, whatever the number of
 * findings, and each verdict depends on whole tokens and lines only (never on a window that the
 * fix itself would shift), so fix-all applied twice changes nothing the second time.
 */
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
  const readLine = lineReader(text);
  let token = { start: -1, end: -1, safe: false };
  const order = findings.map((_finding, index) => index).sort((a, b) => findings[a].start - findings[b].start);
  const verdicts: boolean[] = new Array<boolean>(findings.length).fill(false);
  for (const index of order) {
    const finding = findings[index];
    const line = readLine(finding.start);
    let floor = line.start;
    if (finding.start < frontMatterEnd) {
      const pair = prose.find((candidate) => candidate.valueStart <= finding.start && finding.end <= candidate.valueEnd);
      if (!pair) continue;
      floor = Math.max(floor, pair.valueStart);
    } else if (line.indentedCode || line.linkDefinition) continue;
    while (comment < comments.length && comments[comment][1] <= finding.start) comment++;
    if (comment < comments.length && comments[comment][0] <= finding.start) continue;
    if (line.oddBackticks || line.inLinkTarget) continue;
    if (finding.start >= token.end || finding.start < token.start) token = readToken(text, finding.start, line.start);
    if (!token.safe) continue;
    verdicts[index] = !isName(text, finding.start, floor);
  }
  return verdicts;
}

interface LineSoFar {
  start: number;
  /** An odd number of backticks before the position: inside inline code. */
  oddBackticks: boolean;
  /** After `](` with no `)` yet: inside a link's target. */
  inLinkTarget: boolean;
  /** The line starts with four spaces or a tab (indented code in the body). */
  indentedCode: boolean;
  /** The line is a link definition, `[id]: target "title"`. */
  linkDefinition: boolean;
}

/** Reads the text forward once; each call (at a later position) says what its line holds before it. */
function lineReader(text: string): (position: number) => LineSoFar {
  let at = 0;
  const line: LineSoFar = { start: 0, oddBackticks: false, inLinkTarget: false, ...lineKind(text, 0) };
  return (position) => {
    for (; at < position; at++) {
      const code = text.charCodeAt(at);
      if (code === 0x0a) Object.assign(line, { start: at + 1, oddBackticks: false, inLinkTarget: false }, lineKind(text, at + 1));
      else if (code === 0x60) line.oddBackticks = !line.oddBackticks;
      else if (code === 0x28 && text.charCodeAt(at - 1) === 0x5d) line.inLinkTarget = true;
      else if (code === 0x29) line.inLinkTarget = false;
    }
    return line;
  };
}

function lineKind(text: string, start: number): { indentedCode: boolean; linkDefinition: boolean } {
  const indentedCode = text.startsWith('    ', start) || text.charAt(start) === '\t';
  let at = start;
  while (at < start + 3 && text.charAt(at) === ' ') at++;
  let linkDefinition = false;
  if (text.charAt(at) === '[') {
    const close = text.indexOf(']', at);
    const newline = text.indexOf('\n', at);
    linkDefinition = close !== -1 && (newline === -1 || close < newline) && text.charAt(close + 1) === ':';
  }
  return { indentedCode, linkDefinition };
}

/** The whitespace-delimited token around a position, and whether it reads as prose (no path, address, URL or markup). */
function readToken(text: string, position: number, lineStart: number): { start: number; end: number; safe: boolean } {
  let start = position;
  while (start > lineStart && !/\s/.test(text.charAt(start - 1))) start--;
  let end = position;
  while (end < text.length && !/\s/.test(text.charAt(end))) end++;
  const token = text.slice(start, end).replace(/^[([“"']+/, '').replace(/[)\]”"'.,;:!?]+$/, '');
  return { start, end, safe: !/[/@\\<>]|:\/\/|\w\.\w|[_=]/.test(token) };
}

/** A capital away from the start of a sentence is a name: `Prospect Park Dental`, `PROSPECT Inc`. */
function isName(text: string, position: number, floor: number): boolean {
  const first = text.charAt(position);
  if (first === first.toLowerCase()) return false;
  let at = position - 1;
  while (at >= floor && /[\s"'“‘([*_]/.test(text.charAt(at))) at--;
  if (at < floor || /[.!?]/.test(text.charAt(at))) return false;
  // Only a list marker or a heading before it on the line: the start of a sentence too.
  return !(at + 1 - floor <= 12 && /^\s*(?:[-*+>]+|#{1,6}|\d{1,9}[.)])$/.test(text.slice(floor, at + 1)));
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
  const wording = findings.filter((finding) => finding.ruleId === 'prospect-wording');
  const safe = safeWordingFindings(note, wording, config);
  const edits = wording
    .filter((_finding, index) => safe[index])
    .map(wordingEdit)
    .filter((edit): edit is TextEdit => edit !== undefined);
  if (edits.length === 0) return undefined;
  return { kind: 'replace-all-wording', ruleId: 'prospect-wording', title: 'Say “client” everywhere in this note', titleArgs: [], edits, isPreferred: false };
}
