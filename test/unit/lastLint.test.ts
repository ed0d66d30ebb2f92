// Hover, code actions, completions and the status item answer from the note's last lint, the one
// the Problems panel shows for the document's version, instead of linting the note again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import { DEFAULT_CONFIG, Finding, parseNote } from '../../src/core';
import { CodeAction, CompletionItem, Diagnostic, FakeDocument, fakeEditor, Hover, installFakeVscode, Position, Range, statusItems, Uri } from './fakes/vscode';

installFakeVscode();
// Loaded after the fake vscode is installed, hence require rather than import.
const { NoteHoverProvider } = require('../../src/extension/hovers') as typeof import('../../src/extension/hovers');
const { FrontMatterCompletionProvider } = require('../../src/extension/completions') as typeof import('../../src/extension/completions');
const { NoteCodeActionProvider } = require('../../src/extension/codeActions') as typeof import('../../src/extension/codeActions');
const { NoteStatusItem } = require('../../src/extension/statusItem') as typeof import('../../src/extension/statusItem');

// A clean note: a fresh lint finds nothing. The held lint says its objective is self-focused, so
// an answer that names that finding can only have come from the held lint.
const TEXT = '---\nobjective: Understand their week\noutcome: They sign by Friday\n---\n';
const HELD: Finding = {
  ruleId: 'self-focused-objective',
  severity: 'warning',
  message: 'Held: the objective is about you.',
  start: TEXT.indexOf('Understand'),
  end: TEXT.indexOf('Understand') + 'Understand'.length,
  data: { why: 'HELDWHY' },
};

function setup() {
  const document = new FakeDocument(Uri.file('/work/meetings/note.md'), TEXT);
  let configReads = 0;
  let lintRequests = 0;
  const held = { findings: [HELD], notices: [], config: DEFAULT_CONFIG, text: TEXT, version: document.version, turnedOff: [], note: parseNote(TEXT) };
  // Both a linter holding a result and a config loader: a provider that lints again reads the config.
  const source = {
    lintFor: async () => {
      lintRequests++;
      return held;
    },
    forDocument: async () => {
      configReads++;
      return { config: DEFAULT_CONFIG, root: Uri.file('/work') };
    },
  };
  return { document, source, counts: () => ({ configReads, lintRequests }) };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the fakes stand in for vscode's classes; the providers only use their shape */
const token = { isCancellationRequested: false };

test('a hover on a flagged phrase explains the finding the Problems panel holds, without linting again', async () => {
  const { document, source, counts } = setup();
  const hover = (await new NoteHoverProvider(source as any).provideHover(document as any, new Position(1, 13) as any, token as any)) as unknown as Hover | undefined;
  assert.match(hover?.contents.value ?? '', /HELDWHY/);
  assert.deepEqual(counts(), { configReads: 0, lintRequests: 1 });
});

test('quick fixes are offered for the held finding behind a diagnostic, without linting again', async () => {
  const { document, source, counts } = setup();
  const diagnostic = new Diagnostic(new Range(document.positionAt(HELD.start), document.positionAt(HELD.end)), HELD.message, 1);
  diagnostic.source = 'objective-outcome';
  diagnostic.code = { value: HELD.ruleId, target: Uri.file('/docs/self-focused-objective.md') };
  const actions = (await new NoteCodeActionProvider(source as any).provideCodeActions(document as any, diagnostic.range as any, { diagnostics: [diagnostic], only: undefined } as any, token as any)) as unknown as CodeAction[];
  assert.ok(actions.some((action) => /outcome/i.test(action.title)), `a move-to-outcome fix for the held finding: ${actions.map((action) => action.title).join(', ')}`);
  assert.deepEqual(counts(), { configReads: 0, lintRequests: 1 });
});

test('completions in the front matter come from the held lint, without linting again', async () => {
  const { document, source, counts } = setup();
  const items = ((await new FrontMatterCompletionProvider(source as any).provideCompletionItems(document as any, new Position(1, 11) as any, token as any)) ?? []) as unknown as CompletionItem[];
  assert.ok(items.length > 0, 'starters for the objective');
  assert.deepEqual(counts(), { configReads: 0, lintRequests: 1 });
});

test('the status item shows the held lint’s verdict, without linting again', async () => {
  const { document, source, counts } = setup();
  fakeEditor.current = { document, revealRange() {} };
  const status = new NoteStatusItem(source as any);
  await setImmediate();
  const item = statusItems[statusItems.length - 1];
  status.dispose();
  assert.equal(item.text, 'Objective ✗ · Outcome ✓');
  assert.deepEqual(counts(), { configReads: 0, lintRequests: 1 });
});
/* eslint-enable @typescript-eslint/no-explicit-any */
