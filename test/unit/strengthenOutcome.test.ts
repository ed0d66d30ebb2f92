import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, fixesForFinding, lintNote, parseNote, selectionAfterEdits } from '../../src/core';

/** The weak-outcome finding's rewrites, applied one by one: the new note and what ends up selected. */
function rewrites(text: string): { note: string; selected: string; preferred: boolean }[] {
  const finding = lintNote(text).find((candidate) => candidate.ruleId === 'weak-outcome');
  assert.ok(finding, `weak-outcome in ${JSON.stringify(text)}`);
  return fixesForFinding(text, finding)
    .filter((fix) => fix.kind === 'strengthen-outcome')
    .map((fix) => {
      const note = applyEdits(text, fix.edits);
      const selection = selectionAfterEdits(fix.edits, fix.selection!);
      return { note, selected: note.slice(selection.start, selection.end), preferred: fix.isPreferred };
    });
}

/** Whether `after` is `before` with text only inserted: every character the rep wrote is still there, in order. */
function onlyInserts(before: string, after: string): boolean {
  let at = 0;
  for (const character of before) {
    at = after.indexOf(character, at);
    if (at === -1) return false;
    at += character.length;
  }
  return true;
}

test('a weak outcome is offered a rewrite that keeps the rep’s words and adds who commits, to what, by when', () => {
  const text = '---\nobjective: Understand their booking process\noutcome: They liked the demo.\n---\n# Notes\n';
  const [first, second] = rewrites(text);
  assert.match(first.note, /^outcome: They liked the demo and they commit to <the next step> by <date>\.$/m);
  assert.equal(first.selected, '<the next step>');
  assert.equal(first.preferred, true, 'Ctrl+. applies the rewrite first');
  assert.match(second.note, /^outcome: They liked the demo and they set a second meeting with <the decision maker> on <date>\.$/m);
  for (const { note } of [first, second]) {
    assert.ok(onlyInserts(text, note), 'nothing the rep wrote is dropped');
    assert.deepEqual(parseNote(note).problems, [], 'the front matter still reads');
  }
});

test('a quoted outcome and a list item are rewritten inside their quotes and their item', () => {
  const quoted = rewrites('---\nobjective: Learn their goals\noutcome: "Follow up next week"\n---\n')[0];
  assert.match(quoted.note, /^outcome: "Follow up next week and they commit to <[^>]+> by <date>"$/m);
  const listed = rewrites('---\nobjective: Learn their goals\noutcome:\n  - They sign the SOW by Friday\n  - they were happy\n---\n')[0];
  assert.match(listed.note, /^ {2}- they were happy and they commit to <the next step> by <date>$/m);
  assert.match(listed.note, /^ {2}- They sign the SOW by Friday$/m);
});

test('a folded outcome gets no rewrite, where an insertion could not be placed safely', () => {
  assert.deepEqual(rewrites('---\nobjective: Learn their goals\noutcome: >\n  they liked\n  it\n---\n'), []);
});
