import type { Config } from '../config';
import { findField, type FieldText } from '../fields';
import { judgeOutcome, type WeakOutcomeKind } from '../judge';
import type { ParsedNote } from '../parse';
import type { Finding } from '../types';
import type { NoteFix } from './types';

/** What the client commits to, as a placeholder the rep types over: worded for what the outcome lacks. */
const COMMITMENT: Record<WeakOutcomeKind, string> = {
  sentiment: '<the next step>',
  'rep-action': '<a decision on it>',
  vague: '<what exactly>',
  'objective-in-outcome': '<the next step>',
  'no-commitment': '<the next step>',
};

/**
 * Rewrites a weak outcome into a commitment by adding what it lacks (who commits, to what, by when)
 * after the rep's own words, which stay exactly as written: the edits only insert. The first
 * placeholder is selected so the rep types straight over it. None when the value is not written
 * verbatim (folded, escaped), where an insertion could not be placed safely.
 */
export function strengthenOutcomeFixes(note: ParsedNote, finding: Finding, config: Config): NoteFix[] {
  const field = findField(note.frontMatter, note.text, config.fields.outcome);
  const item = field.texts.find((candidate) => candidate.start <= finding.start && finding.end <= candidate.end);
  if (!item || item.shift < 0) return [];
  const at = insertionPoint(note.text, item);
  if (at === undefined) return [];
  const kind = judgeOutcome(item.text, config.phrases).kind ?? 'no-commitment';
  // No commas, colons, quotes or "#": the additions are safe in a plain, quoted or flow YAML value.
  const additions = [` and they commit to ${COMMITMENT[kind]} by <date>`, ' and they set a second meeting with <the decision maker> on <date>'];
  return additions.map((newText, index) => {
    const placeholder = /<[^>]*>/.exec(newText)!;
    return {
      kind: 'strengthen-outcome',
      ruleId: 'weak-outcome',
      title: `Add their commitment: “…${newText}”`,
      titleArgs: [newText.trim()],
      edits: [{ start: at, end: at, newText }],
      selection: { edit: 0, start: placeholder.index, end: placeholder.index + placeholder[0].length },
      isPreferred: index === 0,
    };
  });
}

/** Just after the rep's last word, before any closing full stop or quote; undefined for a value on several lines. */
function insertionPoint(text: string, item: FieldText): number | undefined {
  const written = text.slice(item.start + item.shift, item.start + item.shift + item.text.length);
  if (written !== item.text || /[\r\n]/.test(written)) return undefined;
  const trailing = /[\s.!]*$/.exec(written)![0].length;
  if (trailing === written.length) return undefined;
  return item.start + item.shift + written.length - trailing;
}
