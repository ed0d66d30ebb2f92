import { findField, type Field } from '../fields';
import { isSnippetExample } from '../snippetExamples';
import type { RuleFinding } from '../types';
import type { NoteContext } from './rule';

/** What each field is for, said once for every message about it. */
const PURPOSE = {
  objective: {
    short: 'say what the client gets from this meeting',
    why: 'The objective is about the client: inspire them, give free value, build rapport and trust, understand their situation.',
    example: (client: string | undefined) => `understand how ${client ? `${client} works` : 'they work'} today and share one idea they can use`,
  },
  outcome: {
    short: 'say what you want the client to commit to',
    why: 'The outcome is selfishly about you: the appointment, a second meeting, their commitment, the close. Best with a date.',
    example: (client: string | undefined) => `${client ? `${client} commits` : 'they commit'} to a second meeting on a set date`,
  },
} as const;

/** Findings for a field that is absent, empty, a placeholder or not text. Shared by the two missing-* rules. */
export function checkFieldPresent(field: Field, context: NoteContext, name: 'objective' | 'outcome'): RuleFinding[] {
  if (field.shape === 'text' || field.shape === 'list') return [];
  const purpose = PURPOSE[name];
  // Only a note with a finding pays for reading its client.
  const data = { keyAbsent: false, why: purpose.why, suggestion: `${name}: ${purpose.example(clientOf(context))}` };
  switch (field.shape) {
    case 'absent':
      return [
        {
          ...context.anchor,
          message: context.note.frontMatter
            ? `No ${name}: add “${name}:” and ${purpose.short}.`
            : `No ${name}: start the note with front matter (--- lines) holding “${name}:”.`,
          data: { ...data, keyAbsent: true },
        },
      ];
    case 'empty':
      return [
        {
          start: field.keyStart!,
          end: field.keyEnd!,
          message: isSnippetExample(valueSource(context.note.text, field))
            ? `The ${name} is still the template’s example: ${purpose.short}.`
            : `The ${name} is empty: ${purpose.short}.`,
          data,
        },
      ];
    case 'other':
      return [
        {
          start: field.keyStart!,
          end: field.keyEnd!,
          message: `The ${name} should be a sentence or a list of sentences.`,
          data,
        },
      ];
    default:
      return [];
  }
}

/** The value of a `key: value` pair as written, without quotes; '' for a list or block. */
function valueSource(text: string, field: Field): string {
  const pair = text.slice(field.keyEnd!, field.pairEnd!);
  return pair.replace(/^\s*["']?\s*:\s*/, '').replace(/^["']|["']$/g, '');
}

/** The note's client, to write examples in the rep's own terms; undefined when it has none worth using. */
function clientOf(context: NoteContext): string | undefined {
  const [item] = findField(context.note.frontMatter, context.note.text, ['client']).texts;
  const name = item?.text.trim();
  // The snippet's own "Client name" is no client.
  if (!name || name.length > 60 || /^client name$/i.test(name) || /[\r\n]/.test(name)) return undefined;
  return name;
}
