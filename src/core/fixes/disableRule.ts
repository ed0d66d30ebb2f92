import { findDisableComments } from '../lint';
import type { ParsedNote } from '../parse';
import type { RuleId } from '../types';
import { isYamlFence } from './layout';
import { lineBreakOf } from './text';
import type { NoteFix } from './types';


/**
 * Turns a rule off for this note with `# objective-outcome-disable <rule-id>` in the front matter:
 * added to the note's first disable comment when it has one, otherwise on a new first line of the
 * front matter (created when the note has none). Core and CLI honour the comment.
 */
export function disableRuleFix(note: ParsedNote, ruleId: RuleId): NoteFix | undefined {
  const { text } = note;
  const eol = lineBreakOf(text);
  const base = { kind: 'disable-rule', ruleId, title: `Turn off ${ruleId} for this note`, titleArgs: [ruleId], isPreferred: false } as const;
  const frontMatter = note.frontMatter;
  if (!frontMatter) {
    const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { ...base, edits: [{ start: at, end: at, newText: `---${eol}# objective-outcome-disable ${ruleId}${eol}---${eol}` }] };
  }
  // Under a fence such as `---{` an empty block passes for YAML, but one with a comment is refused.
  if (!isYamlFence(text, frontMatter.openStart, frontMatter.openEnd)) return undefined;
  const [first] = findDisableComments(text.slice(frontMatter.yamlStart, frontMatter.yamlEnd));
  // A comment without ids turns every rule off: adding an id to it would turn the others back on.
  if (first && first.ids.length > 0) {
    const comment = text.slice(frontMatter.yamlStart + first.start, frontMatter.yamlStart + first.end);
    const separator = comment.slice(comment.indexOf('objective-outcome-disable')).includes(',') ? ', ' : ' ';
    const at = frontMatter.yamlStart + first.start + comment.trimEnd().length;
    return { ...base, edits: [{ start: at, end: at, newText: `${separator}${ruleId}` }] };
  }
  return { ...base, edits: [{ start: frontMatter.yamlStart, end: frontMatter.yamlStart, newText: `${eol}# objective-outcome-disable ${ruleId}` }] };
}
