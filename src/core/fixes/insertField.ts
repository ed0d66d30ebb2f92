import type { Config } from '../config';
import type { ParsedNote } from '../parse';
import { appendLineEdit, blockFrontMatter, pairNamed, TopLevelPair } from './layout';
import { lineBreakOf } from './text';
import type { NoteFix } from './types';

export type FieldName = 'objective' | 'outcome';

/**
 * What an inserted field holds until the rep types over it. Angle brackets make it a placeholder, so
 * the note keeps its "empty" warning until the rep writes their own words: a fix never writes the
 * objective for them.
 */
export const FIELD_HINTS: Record<FieldName, string> = {
  objective: '<about the client, e.g. understand how they work today and share one idea they can use>',
  outcome: '<what you want them to commit to, e.g. a second meeting on a set date>',
};

/** A key name in the case the note already uses for its keys (`Objective` next to `Outcome`). */
export function keyInCaseOf(sample: string | undefined, name: string): string {
  if (!sample) return name;
  if (sample === sample.toUpperCase() && sample !== sample.toLowerCase()) return name.toUpperCase();
  if (sample[0] !== sample[0].toLowerCase()) return name[0].toUpperCase() + name.slice(1);
  return name;
}

/**
 * Inserts a missing field (with the cursor on its placeholder), or places the cursor on an empty
 * one. Without front matter, creates it at the top with both fields (after a BOM, in the note's line
 * breaks). Undefined when the front matter cannot be edited safely.
 */
export function insertFieldFix(note: ParsedNote, name: FieldName, config: Config): NoteFix | undefined {
  const { text } = note;
  const ruleId = name === 'objective' ? 'missing-objective' : 'missing-outcome';
  const eol = lineBreakOf(text);
  const hint = FIELD_HINTS[name];
  const title = `Add the ${name}`;
  const base = { kind: 'insert-field', ruleId, title, titleArgs: [name], isPreferred: true } as const;

  if (!note.frontMatter) {
    const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const objectiveLine = `${config.fields.objective[0]}: `;
    const outcomeLine = `${config.fields.outcome[0]}: `;
    const newText = `---${eol}${objectiveLine}${FIELD_HINTS.objective}${eol}${outcomeLine}${FIELD_HINTS.outcome}${eol}---${eol}`;
    const hintStart = name === 'objective' ? 3 + eol.length + objectiveLine.length : newText.indexOf(outcomeLine) + outcomeLine.length;
    return {
      ...base,
      title: `Add front matter with an objective and an outcome`,
      titleArgs: [],
      edits: [{ start: at, end: at, newText }],
      selection: { edit: 0, start: hintStart, end: hintStart + hint.length },
    };
  }

  const layout = blockFrontMatter(text, note.frontMatter);
  if (!layout) return undefined;
  const names = config.fields[name];
  const existing = pairNamed(layout, names);
  if (existing) return writeValueFix(text, existing, name, ruleId);

  const otherName: FieldName = name === 'objective' ? 'outcome' : 'objective';
  const other = pairNamed(layout, config.fields[otherName]);
  const sample = other ?? layout.pairs[0];
  const key = keyInCaseOf(sample?.key, names[0]);
  const indent = sample?.indent ?? '';
  const line = `${indent}${key}: `;
  let anchor: number | undefined;
  if (other && name === 'objective') anchor = other.lineStart;
  if (other && name === 'outcome') anchor = layout.pairs[layout.pairs.indexOf(other) + 1]?.lineStart;
  if (anchor !== undefined) {
    // Before the line of the key that follows: the new field sits right next to its partner.
    return { ...base, edits: [{ start: anchor, end: anchor, newText: `${line}${hint}${eol}` }], selection: { edit: 0, start: line.length, end: line.length + hint.length } };
  }
  const { edit, at } = appendLineEdit(text, layout, `${line}${hint}`);
  const start = at + line.length;
  return { ...base, edits: [edit], selection: { edit: 0, start, end: start + hint.length } };
}

/** For a field that is present but empty: put the cursor where the words go (the placeholder selected). */
function writeValueFix(text: string, pair: TopLevelPair, name: FieldName, ruleId: NoteFix['ruleId']): NoteFix | undefined {
  const base = { kind: 'insert-field', ruleId, title: `Write the ${name}`, titleArgs: [name], isPreferred: true } as const;
  const hint = FIELD_HINTS[name];
  if (pair.valueStart === pair.valueEnd) {
    return { ...base, edits: [{ start: pair.valueStart, end: pair.valueStart, newText: ` ${hint}` }], selection: { edit: 0, start: 1, end: 1 + hint.length } };
  }
  const source = text.slice(pair.valueStart, pair.valueEnd);
  if (/[\r\n]/.test(source)) return undefined;
  // A placeholder such as `TBD` is the rep's own: select it (replaced by itself) so typing replaces it.
  return { ...base, edits: [{ start: pair.valueStart, end: pair.valueEnd, newText: source }], selection: { edit: 0, start: 0, end: source.length } };
}
