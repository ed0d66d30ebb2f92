/**
 * The example texts the snippets (and so New Meeting Note) put in a new note's objective and
 * outcome. A note that still holds one was scaffolded and never written: it counts as empty, like
 * `TBD`. `test/unit/manifest.test.ts` checks this list against `snippets/meeting-notes.code-snippets`.
 */
export const SNIPPET_EXAMPLES = {
  objective: [
    'Understand their situation and give them one idea they can use',
    'Inspire them, build rapport and give one piece of free value',
    'Inspire, provide free value, build rapport and trust',
    'Answer their open questions and help them weigh their options',
    'Review their results against their goals and share what we see coming for them',
  ],
  outcome: [
    'They agree to a next meeting on a set date',
    'They set an appointment for a first meeting',
    'They commit to the sales process and set a second appointment',
    'They commit to a decision meeting on a set date with everyone who signs',
    'They agree to the next step on a set date',
  ],
} as const;

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '').toLowerCase();
const EXAMPLES = new Set([...SNIPPET_EXAMPLES.objective, ...SNIPPET_EXAMPLES.outcome].map(normalize));

/** Whether a field's text is a snippet's example left as it was (case and spacing aside). */
export function isSnippetExample(text: string): boolean {
  // Cheap length guard first: most values are not examples, and this runs for every field.
  return text.length < 120 && EXAMPLES.has(normalize(text));
}
