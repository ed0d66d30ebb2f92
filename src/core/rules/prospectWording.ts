import { findDisableComments } from '../lint';
import type { ParsedNote } from '../parse';
import { ruleInfo } from './registry';
import type { RuleFinding } from '../types';
import type { Rule } from './rule';

const PROSPECT = /\bprospect(s)?\b/gi;

/** `prospect-wording`: say "client", assuming prospects become clients. */
export const ProspectWordingRule: Rule = {
  ...ruleInfo('prospect-wording'),
  check(context) {
    const { text } = context.note;
    const findings: RuleFinding[] = [];
    // Rule ids in a disable comment (`prospect-wording`) are no wording either.
    const codeRanges = [...disableCommentRanges(context.note), ...fencedCodeRanges(text)].sort((a, b) => a[0] - b[0]);
    // Matches and ranges both come in text order: one pass over each (checking every range for
    // every match cost seconds in a long note with many fences).
    let range = 0;
    // One message per spelling (“prospect”, “Prospects”, ...): a long note may hold tens of thousands.
    const worded = new Map<string, { message: string; suggestion: string }>();
    for (const match of text.matchAll(PROSPECT)) {
      const start = match.index ?? 0;
      while (range < codeRanges.length && codeRanges[range][1] <= start) range++;
      if (range < codeRanges.length && start >= codeRanges[range][0]) continue;
      const phrase = match[0];
      let wording = worded.get(phrase);
      if (!wording) {
        const plural = match[1] !== undefined;
        wording = { message: `Say “${plural ? 'clients' : 'client'}” rather than “${phrase}”.`, suggestion: matchCase(phrase, plural ? 'clients' : 'client') };
        worded.set(phrase, wording);
      }
      findings.push({
        start,
        end: start + phrase.length,
        message: wording.message,
        data: { phrase, suggestion: wording.suggestion, why: 'Assuming they will become clients puts you in the right frame of mind.' },
      });
    }
    return findings;
  },
};

/** Keeps the capitalisation of the word being replaced. */
export function matchCase(original: string, replacement: string): string {
  if (original === original.toUpperCase()) return replacement.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

function disableCommentRanges(note: ParsedNote): [number, number][] {
  const frontMatter = note.frontMatter;
  if (!frontMatter) return [];
  return findDisableComments(note.text.slice(frontMatter.yamlStart, frontMatter.yamlEnd)).map((comment) => [frontMatter.yamlStart + comment.start, frontMatter.yamlStart + comment.end]);
}

/** Offsets of fenced code blocks, where wording is not the rep's prose. */
function fencedCodeRanges(text: string): [number, number][] {
  if (!text.includes('```') && !text.includes('~~~')) return [];
  const ranges: [number, number][] = [];
  let open: { at: number; fence: string } | undefined;
  // Line by line with indexOf, not split: a note of many short lines would be as many strings.
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const fence = fenceAt(text, lineStart, lineEnd);
    if (fence) {
      if (!open) open = { at: lineStart, fence };
      else if (fence === open.fence) {
        ranges.push([open.at, lineEnd]);
        open = undefined;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (open) ranges.push([open.at, text.length]);
  return ranges;
}

/** The fence (``` or ~~~) that opens or closes a code block on this line, after at most three spaces. */
function fenceAt(text: string, lineStart: number, lineEnd: number): string | undefined {
  let at = lineStart;
  while (at < lineStart + 3 && text.charCodeAt(at) === 0x20) at++;
  if (at + 3 > lineEnd) return undefined;
  if (text.startsWith('```', at)) return '```';
  if (text.startsWith('~~~', at)) return '~~~';
  return undefined;
}
