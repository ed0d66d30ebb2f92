import { findDisableComments } from '../lint';
import type { ParsedNote } from '../parse';
import { ruleInfo } from './registry';
import type { Finding, FindingData } from '../types';
import type { Rule } from './rule';

/**
 * One pass finds both the word and the fences of code blocks, in text order: a fence is ``` or ~~~
 * at the start of a line (after at most three spaces; a line ends at \n only, as the code-block
 * scan always did, hence the lookbehind rather than the `m` flag, whose ^ also follows \r).
 */
const WORD_OR_FENCE = /(?<![^\n]) {0,3}(?:```|~~~)|\bprospects?\b/gi;
/** The word alone, for a note without fences: scanning for a word is several times faster than for either. */
const WORD = /\bprospects?\b/gi;

const WHY = 'Assuming they will become clients puts you in the right frame of mind.';

const INFO = ruleInfo('prospect-wording');

/** `prospect-wording`: say "client", assuming prospects become clients. */
export const ProspectWordingRule: Rule = {
  ...INFO,
  check(context, severity) {
    const { text } = context.note;
    const findings: Finding[] = [];
    // Rule ids in a disable comment (`prospect-wording`) are no wording either (front matter only: few).
    const comments = disableCommentRanges(context.note);
    let comment = 0;
    // The code block the scan is in: the fence that opened it (0 when outside), and after a
    // closing fence the end of its line, which is still code.
    let openFence = 0;
    let codeUntil = 0;
    // One message and one data object per spelling (“prospect”, “Prospects”, ...): a long note may
    // hold tens of thousands. Keyed by length and case pattern, so the word is not cut out of the
    // text each time. The data is frozen, since every finding of that spelling shares it.
    const worded = new Map<number, { message: string; data: Readonly<FindingData> }>();
    // test() rather than matchAll: the match arrays were about half of what a long note allocated.
    const pattern = text.includes('```') || text.includes('~~~') ? WORD_OR_FENCE : WORD;
    pattern.lastIndex = 0;
    while (pattern.test(text)) {
      const end = pattern.lastIndex;
      const last = text.charCodeAt(end - 1);
      if (last === BACKTICK || last === TILDE) {
        if (openFence === 0) openFence = last;
        else if (last === openFence) {
          openFence = 0;
          const newline = text.indexOf('\n', end);
          codeUntil = newline === -1 ? text.length : newline;
        }
        continue;
      }
      const length = (last | 0x20) === 0x73 /* s */ ? 9 : 8;
      const start = end - length;
      if (openFence !== 0 || start < codeUntil) continue;
      while (comment < comments.length && comments[comment][1] <= start) comment++;
      if (comment < comments.length && start >= comments[comment][0]) continue;
      let key = length;
      for (let at = start; at < end; at++) key = key * 2 + (text.charCodeAt(at) < 0x61 ? 1 : 0);
      let wording = worded.get(key);
      if (!wording) {
        const phrase = text.slice(start, end);
        const plural = length === 9;
        const data = Object.freeze({ phrase, suggestion: matchCase(phrase, plural ? 'clients' : 'client'), why: WHY });
        wording = { message: `Say “${plural ? 'clients' : 'client'}” rather than “${phrase}”.`, data };
        worded.set(key, wording);
      }
      findings.push({ ruleId: INFO.id, severity, start, end, message: wording.message, data: wording.data });
    }
    // A fence left open runs to the end of the note: nothing after it was reported.
    return findings;
  },
};

const BACKTICK = 0x60;
const TILDE = 0x7e;

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
