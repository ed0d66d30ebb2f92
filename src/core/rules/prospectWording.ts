import { findDisableComments } from '../lint';
import type { ParsedNote } from '../parse';
import type { RuleFinding } from '../types';
import type { Rule } from './rule';

const PROSPECT = /\bprospect(s)?\b/gi;
const FENCE = /^ {0,3}(```|~~~)/;

/** `prospect-wording`: say "client", assuming prospects become clients. */
export const ProspectWordingRule: Rule = {
  id: 'prospect-wording',
  defaultSeverity: 'hint',
  description: '“Prospect” where “client” puts you in the right frame of mind.',
  check(context) {
    const { text } = context.note;
    const findings: RuleFinding[] = [];
    // Rule ids in a disable comment (`prospect-wording`) are no wording either.
    const codeRanges = [...disableCommentRanges(context.note), ...fencedCodeRanges(text)].sort((a, b) => a[0] - b[0]);
    // Matches and ranges both come in text order: one pass over each (checking every range for
    // every match cost seconds in a long note with many fences).
    let range = 0;
    for (const match of text.matchAll(PROSPECT)) {
      const start = match.index ?? 0;
      while (range < codeRanges.length && codeRanges[range][1] <= start) range++;
      if (range < codeRanges.length && start >= codeRanges[range][0]) continue;
      const plural = match[1] !== undefined;
      findings.push({
        start,
        end: start + match[0].length,
        message: `Say “${plural ? 'clients' : 'client'}” rather than “${match[0]}”: assuming they will become clients puts you in the right frame of mind.`,
        data: { phrase: match[0], suggestion: matchCase(match[0], plural ? 'clients' : 'client') },
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
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = FENCE.exec(line);
    if (match) {
      if (!open) open = { at: offset, fence: match[1] };
      else if (match[1] === open.fence) {
        ranges.push([open.at, offset + line.length]);
        open = undefined;
      }
    }
    offset += line.length + 1;
  }
  if (open) ranges.push([open.at, text.length]);
  return ranges;
}
