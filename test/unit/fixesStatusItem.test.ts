import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { DEFAULT_CONFIG } from '../../src/core';
import { fakeEditor, FakeDocument, installFakeVscode, statusItems, Uri } from './fakes/vscode';

installFakeVscode();
// Loaded after the fake vscode is installed, hence require rather than import.
const { NoteStatusItem, showFirstProblem } = require('../../src/extension/statusItem') as typeof import('../../src/extension/statusItem');

const configs = { forDocument: async () => ({ config: DEFAULT_CONFIG, root: Uri.file('/work') }) };

async function statusFor(text: string, path = '/work/meetings/note.md') {
  fakeEditor.current = { document: new FakeDocument(Uri.file(path), text), revealRange() {} };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake stands in for the ConfigLoader
  const status = new NoteStatusItem(configs as any);
  await setImmediate();
  const item = statusItems[statusItems.length - 1];
  status.dispose();
  return item;
}

test('the status item says which of the two fields is missing, as a warning, and opens the first problem', async () => {
  const item = await statusFor('---\nobjective: Understand their week\n---\n');
  assert.equal(item.text, 'Objective ✓ · Outcome ✗');
  assert.equal(item.severity, 1);
  assert.equal(item.command?.command, 'objectiveOutcome.showFirstProblem');
});

test('a complete note shows two ticks and no command', async () => {
  const item = await statusFor('---\nobjective: Understand their week\noutcome: They commit to a second meeting on Dec 4\n---\n');
  assert.equal(item.text, 'Objective ✓ · Outcome ✓');
  assert.equal(item.command, undefined);
});

test('a README says it is not a meeting note', async () => {
  assert.equal((await statusFor('# Read me\n', '/work/README.md')).text, 'Not a meeting note');
});

test('“Go to First Problem” selects the first problem of the note', async () => {
  const document = new FakeDocument(Uri.file('/work/meetings/note.md'), '---\nobjective: get the appointment\n---\n');
  const editor: { document: FakeDocument; selection?: { start: { line: number; character: number }; end: { line: number; character: number } }; revealRange(): void } = { document, revealRange() {} };
  fakeEditor.current = editor;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake stands in for the ConfigLoader
  await showFirstProblem(configs as any);
  assert.deepEqual([editor.selection?.start.line, editor.selection?.start.character], [0, 0], 'the missing outcome, at the opening fence, comes first');
});

test('the status item takes the Problems panel linter’s result for the same version instead of linting again', async () => {
  fakeEditor.current = { document: new FakeDocument(Uri.file('/work/meetings/note.md'), '---\nobjective: Understand their week\n---\n'), revealRange() {} };
  let asked = 0;
  const linter = {
    lastFindings: () => {
      asked++;
      return { findings: [] };
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fake stands in for the ConfigLoader
  const status = new NoteStatusItem(configs as any, linter);
  await setImmediate();
  const item = statusItems[statusItems.length - 1];
  status.dispose();
  assert.equal(asked, 1);
  assert.equal(item.text, 'Objective ✓ · Outcome ✓', 'the linter’s (empty) findings were used, not a fresh lint of the text');
});
