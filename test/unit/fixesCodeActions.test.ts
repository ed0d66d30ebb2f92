import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG, lintNote } from '../../src/core';
import { CodeAction, CodeActionKind, Diagnostic, FakeDocument, installFakeVscode, Range, Uri, WorkspaceEdit } from './fakes/vscode';

installFakeVscode();
// Loaded after the fake vscode is installed, hence require rather than import.
const { NoteCodeActionProvider, SELECT_AFTER_FIX_COMMAND } = require('../../src/extension/codeActions') as typeof import('../../src/extension/codeActions');

const configs = { forDocument: async () => ({ config: DEFAULT_CONFIG, root: Uri.file('/work') }) };
const { lintDocument } = require('../../src/extension/lintDocument') as typeof import('../../src/extension/lintDocument');
/** Lints each request afresh, as a linter holding no result yet does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fakes stand in for vscode's document and the ConfigLoader
const lints = { lintFor: (document: any) => lintDocument(document, configs as any) };
// The fakes stand in for vscode's classes: the provider only uses their shape.
const provider = new NoteCodeActionProvider(lints);
const token = { isCancellationRequested: false };

function documentOf(text: string): FakeDocument {
  return new FakeDocument(Uri.file('/work/meetings/2026-11-27-acme-call.md'), text);
}

/** The diagnostics the linter would publish for a document. */
function diagnosticsOf(document: FakeDocument): Diagnostic[] {
  return lintNote(document.getText()).map((finding) => {
    const diagnostic = new Diagnostic(new Range(document.positionAt(finding.start), document.positionAt(finding.end)), finding.message, 1);
    diagnostic.source = 'objective-outcome';
    diagnostic.code = { value: finding.ruleId, target: Uri.file(`/docs/${finding.ruleId}.md`) };
    return diagnostic;
  });
}

async function actionsFor(document: FakeDocument, diagnostics: Diagnostic[], only?: CodeActionKind): Promise<CodeAction[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await provider.provideCodeActions(document as any, diagnostics[0]?.range as any, { diagnostics, only, triggerKind: 1 } as any, token as any)) as unknown as CodeAction[];
}

/** Applies an action's edit to the document's text, as VS Code would. */
function applyAction(document: FakeDocument, action: CodeAction): string {
  const edits = [...(action.edit as WorkspaceEdit).edits.values()][0];
  let text = document.getText();
  for (const edit of [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))) {
    text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}

test('the light bulb on a missing outcome offers to add it (preferred) and to turn the rule off', async () => {
  const document = documentOf('---\r\nclient: Acme\r\nobjective: Understand their week\r\n---\r\n');
  const diagnostics = diagnosticsOf(document);
  const actions = await actionsFor(document, diagnostics);
  assert.deepEqual(
    actions.map((action) => [action.title, action.kind.value, action.isPreferred]),
    [
      ['Add the outcome', 'quickfix', true],
      ['Turn off missing-outcome for this note', 'quickfix', false],
    ],
  );
  assert.deepEqual(actions[0].diagnostics, [diagnostics[0]], 'the fix names the diagnostic it fixes');
  const after = applyAction(document, actions[0]);
  assert.match(after, /\r\noutcome: <[^>]+>\r\n---\r\n$/);
  const [command] = [actions[0].command!];
  assert.equal(command.command, SELECT_AFTER_FIX_COMMAND);
  const [, start, end] = command.arguments as [unknown, number, number];
  assert.match(after.slice(start, end), /^<what you want them to commit to/);
});

test('a note without front matter is offered “Add front matter” once, for both missing fields', async () => {
  const document = documentOf('# Call with Acme\n');
  const actions = await actionsFor(document, diagnosticsOf(document));
  assert.equal(actions.filter((action) => action.title === 'Add front matter with an objective and an outcome').length, 1);
});

test('fix-all on save says “client” and nothing else', async () => {
  const document = documentOf('---\nobjective: Understand the prospect\n---\nProspects, https://x.com/prospect\n');
  const actions = await actionsFor(document, [], CodeActionKind.SourceFixAll);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind.value, 'source.fixAll.objectiveOutcome');
  assert.equal(applyAction(document, actions[0]), '---\nobjective: Understand the client\n---\nClients, https://x.com/prospect\n');
  assert.deepEqual(await actionsFor(document, [], CodeActionKind.QuickFix.append('x')), [], 'other kinds get nothing');
});

test('a diagnostic from an older version of the note gets no fix rather than a wrong one', async () => {
  const document = documentOf('---\nobjective: get the appointment\n---\n');
  const stale = diagnosticsOf(documentOf('---\nobjective: we get the appointment\n---\n')).filter((diagnostic) => (diagnostic.code as { value: string }).value === 'self-focused-objective');
  assert.equal(stale.length, 1);
  assert.deepEqual(await actionsFor(document, stale), []);
});

test('a README gets no actions', async () => {
  const document = new FakeDocument(Uri.file('/work/README.md'), '# Project\nOur prospects\n');
  assert.deepEqual(await actionsFor(document, [], CodeActionKind.SourceFixAll), []);
});
