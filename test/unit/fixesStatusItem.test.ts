import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { DEFAULT_CONFIG } from '../../src/core';
import { fakeEditor, FakeDocument, installFakeVscode, statusItems, Uri } from './fakes/vscode';

installFakeVscode();
// Loaded after the fake vscode is installed, hence require rather than import.
const { NoteStatusItem, showFirstProblem } = require('../../src/extension/statusItem') as typeof import('../../src/extension/statusItem');

const configs = { forDocument: async () => ({ config: DEFAULT_CONFIG, root: Uri.file('/work') }) };
const { lintDocument } = require('../../src/extension/lintDocument') as typeof import('../../src/extension/lintDocument');
/** Lints each request afresh, as a linter holding no result yet does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fakes stand in for vscode's document and the ConfigLoader
const lints = { lintFor: (document: any) => lintDocument(document, configs as any) };

async function statusFor(text: string, path = '/work/meetings/note.md') {
  fakeEditor.current = { document: new FakeDocument(Uri.file(path), text), revealRange() {} };
  const status = new NoteStatusItem(lints);
  await setImmediate();
  const item = statusItems[statusItems.length - 1];
  status.dispose();
  return item;
}

test('the status bar says which of the two fields is missing, in warning colours, and opens the first problem', async () => {
  const item = await statusFor('---\nobjective: Understand their week\n---\n');
  assert.equal(item.visible, true, 'shown in the status bar itself');
  assert.equal(item.text, 'Objective ✓ · Outcome ✗');
  assert.equal(item.backgroundColor?.id, 'statusBarItem.warningBackground');
  assert.equal(item.tooltip, '1 problem in this note: click to go to it.');
  assert.equal(item.command?.command, 'objectiveOutcome.showFirstProblem');
});

test('a note that turns rules off says so in the status bar', async () => {
  const item = await statusFor('---\n# objective-outcome-disable weak-outcome\nobjective: Understand their week\noutcome: They liked it\n---\n');
  assert.equal(item.text, 'Objective ✓ · Outcome ✓ · 1 rule off');
  assert.match(item.tooltip!, /Turned off in this note: weak-outcome/);
});

test('a complete note shows two ticks and no command', async () => {
  const item = await statusFor('---\nobjective: Understand their week\noutcome: They commit to a second meeting on Dec 4\n---\n');
  assert.equal(item.text, 'Objective ✓ · Outcome ✓');
  assert.equal(item.command, undefined);
});

test('a README shows no status', async () => {
  assert.equal((await statusFor('# Read me\n', '/work/README.md')).visible, false);
});

test('“Go to First Problem” selects the first problem of the note', async () => {
  const document = new FakeDocument(Uri.file('/work/meetings/note.md'), '---\nobjective: get the appointment\n---\n');
  const editor: { document: FakeDocument; selection?: { start: { line: number; character: number }; end: { line: number; character: number } }; revealRange(): void } = { document, revealRange() {} };
  fakeEditor.current = editor;
  await showFirstProblem(lints);
  assert.deepEqual([editor.selection?.start.line, editor.selection?.start.character], [0, 0], 'the missing outcome, at the opening fence, comes first');
});

test('the status item takes the Problems panel linter’s result for the same version instead of linting again', async () => {
  fakeEditor.current = { document: new FakeDocument(Uri.file('/work/meetings/note.md'), '---\nobjective: Understand their week\n---\n'), revealRange() {} };
  let asked = 0;
  const linter = {
    lintFor: async () => {
      asked++;
      return { findings: [], notices: [], config: DEFAULT_CONFIG, text: '', version: 1, turnedOff: [] };
    },
  };
  const status = new NoteStatusItem(linter);
  await setImmediate();
  const item = statusItems[statusItems.length - 1];
  status.dispose();
  assert.equal(asked, 1);
  assert.equal(item.text, 'Objective ✓ · Outcome ✓', 'the linter’s (empty) findings were used, not a fresh lint of the text');
});
