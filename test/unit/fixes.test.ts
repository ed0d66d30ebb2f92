import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, Finding, fixAll, fixesForFinding, FixKind, lintNote, selectionAfterEdits } from '../../src/core';
import { fixture } from '../helpers';

/** Applies the first fix of a kind for the first finding of a rule; returns the note and the selected text. */
function applyFix(text: string, ruleId: Finding['ruleId'], kind: FixKind): { after: string; selected?: string } {
  const finding = lintNote(text).find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `${ruleId} is reported`);
  const fix = fixesForFinding(text, finding).find((candidate) => candidate.kind === kind);
  assert.ok(fix, `${kind} is offered`);
  const after = applyEdits(text, fix.edits);
  if (!fix.selection) return { after };
  const range = selectionAfterEdits(fix.edits, fix.selection);
  return { after, selected: after.slice(range.start, range.end) };
}

test('inserting a missing outcome puts it right after the objective, with its placeholder selected', () => {
  const { after, selected } = applyFix('---\nclient: Acme\nobjective: Understand their week\ndate: 2026-11-27\n---\n# Notes\n', 'missing-outcome', 'insert-field');
  assert.equal(after, '---\nclient: Acme\nobjective: Understand their week\noutcome: <what you want them to commit to, e.g. a second meeting on a set date>\ndate: 2026-11-27\n---\n# Notes\n');
  assert.match(selected!, /^<what you want them/);
});

test('inserting a missing outcome keeps CRLF line endings and the BOM', () => {
  const text = '\ufeff---\r\nclient: Fabrikam\r\nobjective: Understand their plans\r\n---\r\nBody\r\n';
  const { after } = applyFix(text, 'missing-outcome', 'insert-field');
  assert.ok(after.startsWith('\ufeff---\r\n'));
  assert.doesNotMatch(after, /[^\r]\n/);
  assert.match(after, /\r\noutcome: <[^>]+>\r\n---\r\nBody\r\n$/);
});

test('a missing objective goes above the outcome, in the same indentation and key case', () => {
  const { after } = applyFix('---\n  Client: Acme\n  Outcome: They sign by Friday\n---\n', 'missing-objective', 'insert-field');
  assert.match(after, /\n {2}Objective: <[^>]+>\n {2}Outcome: They sign by Friday\n/);
});

test('a note without front matter gets one at the top with both fields, after its BOM', () => {
  const { after, selected } = applyFix('\ufeff# Call with Jo\n', 'missing-objective', 'insert-field');
  assert.match(after, /^\ufeff---\nobjective: <[^>]+>\noutcome: <[^>]+>\n---\n# Call with Jo\n$/);
  assert.match(selected!, /^<about the client/);
});

test('an empty outcome gets its placeholder selected, and a “TBD” is selected rather than deleted', () => {
  assert.match(applyFix('---\nobjective: Understand them\noutcome:\n---\n', 'missing-outcome', 'insert-field').after, /\noutcome: <[^>]+>\n/);
  const { after, selected } = applyFix('---\nobjective: Understand them\noutcome: TBD\n---\n', 'missing-outcome', 'insert-field');
  assert.equal(after, '---\nobjective: Understand them\noutcome: TBD\n---\n');
  assert.equal(selected, 'TBD');
});

test('moving a self-focused objective renames it to the outcome and leaves a new objective to write', () => {
  const text = fixture('self-focused.md').replace(/^outcome:.*\n/m, '');
  const { after, selected } = applyFix(text, 'self-focused-objective', 'move-to-outcome');
  assert.match(after, /\nobjective: <[^>]+>\noutcome: get the appointment\n/);
  assert.match(selected!, /^<about the client/);
  assert.ok(!lintNote(after).some((finding) => finding.ruleId === 'self-focused-objective'));
});

test('moving one self-focused item of a list moves only that item', () => {
  const text = '---\nobjective:\n  - Understand their goals\n  - book the meeting\nclient: Jo\n---\n';
  assert.equal(applyFix(text, 'self-focused-objective', 'move-to-outcome').after, '---\nobjective:\n  - Understand their goals\noutcome: book the meeting\nclient: Jo\n---\n');
});

test('objective and outcome written the wrong way round are swapped, words untouched', () => {
  const text = '---\nobjective: get the appointment\noutcome: Understand their goals # asked by Jo\n---\n';
  assert.equal(applyFix(text, 'self-focused-objective', 'swap-fields').after, '---\noutcome: get the appointment\nobjective: Understand their goals # asked by Jo\n---\n');
});

test('a weak outcome that is really an objective, next to an objective that is really an outcome, can be swapped from either warning', () => {
  const text = '---\nobjective: book the meeting\noutcome: Build rapport and understand their goals\n---\n';
  assert.equal(applyFix(text, 'weak-outcome', 'swap-fields').after, '---\noutcome: book the meeting\nobjective: Build rapport and understand their goals\n---\n');
});

test('a self-focused objective next to a real outcome joins it as a list, never over it', () => {
  const text = '---\nobjective: get the appointment\noutcome: They commit to a second meeting on Dec 4 # with Jo\n---\n';
  const finding = lintNote(text).find((candidate) => candidate.ruleId === 'self-focused-objective')!;
  const fixes = fixesForFinding(text, finding);
  assert.deepEqual(fixes.map((fix) => [fix.kind, fix.isPreferred]), [['move-to-outcome', false], ['disable-rule', false]], 'not preferred: it changes what the outcome says');
  const { after, selected } = applyFix(text, 'self-focused-objective', 'move-to-outcome');
  assert.equal(after, `---\nobjective: ${selected}\noutcome:\n  - They commit to a second meeting on Dec 4 # with Jo\n  - get the appointment\n---\n`);
  assert.match(selected!, /^<about the client/);
});

test('“Prospects” becomes “Clients”, keeping case and number', () => {
  assert.equal(applyFix('---\nobjective: x\n---\nProspects and PROSPECT\n', 'prospect-wording', 'replace-wording').after, '---\nobjective: x\n---\nClients and PROSPECT\n');
});

test('turning a rule off merges into the note’s existing disable comment', () => {
  const { after } = applyFix(fixture('disabled.md').replace('missing-outcome', 'weak-outcome'), 'missing-outcome', 'disable-rule');
  assert.match(after, /^---\n# objective-outcome-disable prospect-wording, weak-outcome, missing-outcome\n/);
  assert.deepEqual(lintNote(after), []);
});

test('turning a rule off adds a comment as the first line of the front matter', () => {
  const { after } = applyFix('---\r\nobjective: Understand them\r\n---\r\n', 'missing-outcome', 'disable-rule');
  assert.equal(after, '---\r\n# objective-outcome-disable missing-outcome\r\nobjective: Understand them\r\n---\r\n');
});

test('fix-all says “client” in prose but leaves links, addresses, keys and code alone', () => {
  const text = '---\nobjective: Understand the prospect\nprospect-name: Jo\n---\nThe prospect. See https://x.com/prospect, prospect@x.com, `prospect` and [list](prospects.md).\n';
  assert.equal(
    fixAll(text),
    '---\nobjective: Understand the client\nprospect-name: Jo\n---\nThe client. See https://x.com/prospect, prospect@x.com, `prospect` and [list](prospects.md).\n',
  );
});

test('fix-all never writes an objective or an outcome for the rep', () => {
  const text = '# A call\n';
  assert.equal(fixAll(text), text);
});
