import type { Field } from '../fields';
import type { RuleFinding } from '../types';
import type { NoteContext } from './rule';

/** Findings for a field that is absent, empty, a placeholder or not text. Shared by the two missing-* rules. */
export function checkFieldPresent(field: Field, context: NoteContext, name: 'objective' | 'outcome', example: string): RuleFinding[] {
  switch (field.shape) {
    case 'absent':
      return [
        {
          ...context.anchor,
          message: context.note.frontMatter
            ? `No ${name}: add “${name}:” to the front matter, e.g. ${name}: ${example}`
            : `No ${name}: start the note with front matter (--- lines) holding “${name}:”, e.g. ${name}: ${example}`,
          data: { keyAbsent: true },
        },
      ];
    case 'empty':
      return [
        {
          start: field.keyStart!,
          end: field.keyEnd!,
          message: `The ${name} is empty: write one, e.g. ${name}: ${example}`,
          data: { keyAbsent: false },
        },
      ];
    case 'other':
      return [
        {
          start: field.keyStart!,
          end: field.keyEnd!,
          message: `The ${name} should be a sentence or a list of sentences, e.g. ${name}: ${example}`,
          data: { keyAbsent: false },
        },
      ];
    default:
      return [];
  }
}
