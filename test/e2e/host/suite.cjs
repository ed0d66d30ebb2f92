// Runs inside VS Code's real extension host (loaded as `extensionTestsPath`, see run.mjs) and
// checks, through the real `vscode` API, what a rep sees. The extension under test is the one
// installed from the packaged .vsix; this folder is only the development extension that carries
// the suite. Results go to the JSON file named by OO_E2E_RESULTS.
'use strict';
/* global require, exports, process, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- the extension host loads this file with require() */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const { createSuite, workspaceUri, waitFor, ourDiagnostics, ruleId, describe, EXTENSION_ID } = require('./harness.cjs');

const { test, run } = createSuite();

async function open(relative) {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { document, editor };
}

async function findingsOf(uri, rule) {
  return waitFor(`${rule} on ${path.basename(uri.path)} (has ${describe(ourDiagnostics(uri))})`, () => {
    const found = ourDiagnostics(uri).filter((d) => ruleId(d) === rule);
    return found.length ? found : undefined;
  });
}

async function revertAndClose() {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

// Flow 6 comes first: nothing has opened a Markdown file in this extension host yet.
test('flow 6: the extension comes from the packaged .vsix and is not active before a Markdown file opens', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const extensionsDir = process.env.OO_E2E_EXTENSIONS_DIR;
  assert.ok(extensionsDir, 'OO_E2E_EXTENSIONS_DIR reaches the extension host');
  const installedAt = path.resolve(extension.extensionPath);
  assert.ok(installedAt.startsWith(path.resolve(extensionsDir) + path.sep), `installed from the .vsix into ${extensionsDir}, found at ${installedAt}`);
  assert.ok(fs.existsSync(path.join(installedAt, extension.packageJSON.main ?? 'package.json')), 'its main entry is in the installed folder');
  assert.equal(extension.packageJSON.version, process.env.OO_E2E_EXPECTED_VERSION, 'the installed version is the one just packaged');
  // The tier runs on the newest VS Code here and on the oldest the manifest claims: say which this is.
  assert.ok(vscode.version.startsWith(`${process.env.OO_E2E_EXPECTED_VSCODE}.`), `running in VS Code ${process.env.OO_E2E_EXPECTED_VSCODE}.x, found ${vscode.version}`);
  assert.equal(extension.packageJSON.activationEvents?.includes('onLanguage:markdown'), true, 'it declares onLanguage:markdown');
  const markdownOpen = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown').map((d) => d.uri.toString());
  assert.deepEqual(markdownOpen, [], 'no Markdown document is open yet');
  // Give eager activation a chance to happen if it were (wrongly) declared.
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(extension.isActive, false, 'not active before any Markdown file opens');
});

test('flow 6: opening a Markdown note activates the extension', async () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  await open('meetings/no-outcome.md');
  await waitFor('the extension to activate', () => extension.isActive);
});

test('flow 1: a note without an outcome gets missing-outcome; adding one clears it; undo brings it back', async () => {
  const { document, editor } = await open('meetings/no-outcome.md');
  const original = document.getText();
  const [finding] = await findingsOf(document.uri, 'missing-outcome');
  assert.match(finding.message, /outcome/i, 'the message names the field');
  assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
  assert.equal(typeof finding.code, 'object', 'the code links to the rule page');
  assert.match(finding.code.target.toString(), /^command:objectiveOutcome\.openRulePage\?.*missing-outcome/);

  const objectiveLine = original.split('\n').findIndex((l) => l.startsWith('objective:'));
  assert.ok(objectiveLine > 0, 'the fixture has an objective line');
  const inserted = await editor.edit((b) => b.insert(new vscode.Position(objectiveLine + 1, 0), 'outcome: They book a second meeting with the office manager on Dec 4\n'));
  assert.ok(inserted, 'the edit applied');
  await waitFor('missing-outcome to clear', () => !ourDiagnostics(document.uri).some((d) => ruleId(d) === 'missing-outcome'));

  await vscode.commands.executeCommand('undo');
  assert.equal(document.getText(), original, 'undo restores the text');
  await findingsOf(document.uri, 'missing-outcome');
  await revertAndClose();
});

test('flow 2: a self-focused objective is flagged on the phrase itself, with a message that says why', async () => {
  const { document } = await open('meetings/self-focused.md');
  const [finding] = await findingsOf(document.uri, 'self-focused-objective');
  const text = document.getText();
  const phrase = 'get the appointment';
  const start = document.positionAt(text.indexOf(phrase));
  const end = document.positionAt(text.indexOf(phrase) + phrase.length);
  assert.equal(document.getText(finding.range), phrase, 'the range covers exactly the phrase');
  assert.ok(finding.range.isEqual(new vscode.Range(start, end)));
  assert.ok(finding.message.length > 20, `a real message: ${finding.message}`);
  assert.match(finding.code.target.toString(), /^command:objectiveOutcome\.openRulePage\?.*self-focused-objective/);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

test('flow 3: typing "meeting" in a Markdown file offers the meeting snippet, and the other note snippets exist', async () => {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'meeting' });
  await vscode.window.showTextDocument(document);
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 7));
  const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
  const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
  assert.ok(snippets.includes('meeting'), `the meeting snippet is offered (got ${JSON.stringify(snippets)})`);
  const empty = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const all = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', empty.uri, new vscode.Position(0, 0));
  const allSnippets = all.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
  for (const prefix of ['meeting', 'call', 'first-meeting', 'follow-up']) {
    assert.ok(allSnippets.includes(prefix), `snippet ${prefix} is contributed (got ${JSON.stringify(allSnippets)})`);
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('in a new untitled plain-text file (Ctrl+N), "meeting" offers the note; accepting it switches the file to Markdown and scaffolds it', async () => {
  const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'meeting' });
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(0, 7, 0, 7);
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 7));
  const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'meeting' && candidate.command);
  assert.ok(item, 'the meeting note is offered in plain text');
  // Accept it as the editor does: the item's edit, then its command.
  const range = item.range instanceof vscode.Range ? item.range : item.range.replacing;
  await editor.edit((builder) => builder.replace(range, typeof item.insertText === 'string' ? item.insertText : item.insertText.value));
  await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
  const note = vscode.window.activeTextEditor.document;
  assert.equal(note.languageId, 'markdown');
  await waitFor('the scaffolded note', () => /^objective: /m.test(note.getText()) && /^outcome: /m.test(note.getText()));
  assert.ok(note.getText().startsWith('---\nclient: '), `the note starts with its front matter:\n${note.getText()}`);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('flow 4: a README and a non-note Markdown file get no problems', async () => {
  const readme = await open('README.md');
  const guide = await open('docs/guide.md');
  // A note opened after them is a barrier: once it has its findings, the others had their turn.
  const note = await open('meetings/no-outcome.md');
  await findingsOf(note.document.uri, 'missing-outcome');
  await new Promise((r) => setTimeout(r, 1000));
  for (const { document } of [readme, guide]) {
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).map((d) => `${d.source}: ${d.message}`), [], `${path.basename(document.uri.path)} has no problems`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

test('flow 5: a ---js note is refused with invalid-front-matter and its code never runs', async () => {
  const marker = process.env.OO_E2E_MARKER;
  assert.ok(marker, 'OO_E2E_MARKER reaches the extension host');
  const { document } = await open('meetings/js-front-matter.md');
  assert.ok(document.getText().includes(marker), 'the fixture would write the marker if evaluated');
  const [finding] = await findingsOf(document.uri, 'invalid-front-matter');
  assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
  // Let a second lint pass run too (an edit), then check nothing was evaluated.
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(fs.existsSync(marker), false, 'the JavaScript front matter was not evaluated');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

test('a team config that is a FIFO or a link to /dev/zero never hangs the editor: the note under it gets the default rules and the config a clear problem', async () => {
  const made = [];
  try {
    for (const [folder, make] of [
      ['fifo-team', (file) => require('node:child_process').execFileSync('mkfifo', [file])],
      ['zero-team', (file) => fs.symlinkSync('/dev/zero', file)],
    ]) {
      const config = workspaceUri(`${folder}/.objective-outcome.yaml`);
      const note = workspaceUri(`${folder}/meetings/2026-11-20-call.md`);
      fs.mkdirSync(path.dirname(note.fsPath), { recursive: true });
      made.push(path.dirname(config.fsPath));
      make(config.fsPath);
      fs.writeFileSync(note.fsPath, '---\nobjective: Understand how they plan next season\n---\n');
      await open(`${folder}/meetings/2026-11-20-call.md`);
      await findingsOf(note, 'missing-outcome');
      const [problem] = await waitFor(`a problem on ${folder}/.objective-outcome.yaml`, () => {
        const found = vscode.languages.getDiagnostics(config);
        return found.length ? found : undefined;
      });
      assert.match(problem.message, /not read: it is not a regular file/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  } finally {
    // A FIFO must not stay where a later search of the workspace could meet it.
    for (const folder of made) fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a rule id links to its page, which opens rendered in the Markdown preview (read-only), not as raw Markdown', async () => {
  const { document } = await open('meetings/no-outcome.md');
  const [finding] = await findingsOf(document.uri, 'missing-outcome');
  const target = finding.code.target;
  assert.equal(target.scheme, 'command');
  // What a click on the link runs: the command and its arguments from the link.
  await vscode.commands.executeCommand(target.path, ...JSON.parse(decodeURIComponent(target.query)));
  const isPreview = (tab) => tab.input instanceof vscode.TabInputWebview && /Preview missing-outcome\.md/.test(tab.label);
  await waitFor('the rule page in a preview tab', () => vscode.window.tabGroups.all.some((group) => group.tabs.some(isPreview)));
  assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.uri.path.endsWith('/docs/rules/missing-outcome.md') && vscode.window.visibleTextEditors.some((e) => e.document === doc)), 'no editable editor on the page');
  const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find(isPreview);
  await vscode.window.tabGroups.close(tab);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

// Flow 7: every quick fix and the New Meeting Note command (issue 5), in flow7.cjs.
require('./flow7.cjs')(test, { waitFor, ourDiagnostics, ruleId, describe, findingsOf, workspaceUri, extensionId: EXTENSION_ID });

/** Entry point called by VS Code's extension test runner. */
exports.run = run;
