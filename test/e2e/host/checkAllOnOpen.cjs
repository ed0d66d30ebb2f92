// objectiveOutcome.checkAllOnOpen in the real extension host, on a fresh copy of
// test/e2e/workspace-check-all whose workspace settings turn it on (see run.mjs): the extension
// starts when the first Markdown file opens, and then every note's problems are listed without
// anyone running "Check All Meeting Notes".
'use strict';
/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- the extension host loads this file with require() */
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { createSuite, workspaceUri, waitFor, EXTENSION_ID } = require('./harness.cjs');
const { waitForTheTable, assertFreshFixture } = require('./checkAllFixture.cjs');

const { test, run } = createSuite({ timeoutMs: 40_000 });

test('with objectiveOutcome.checkAllOnOpen on, opening any Markdown file (the README) lists every closed note\'s problems, and none for non-notes or excluded folders', async () => {
  assert.equal(vscode.workspace.getConfiguration('objectiveOutcome').get('checkAllOnOpen'), true, 'the workspace settings turn the setting on');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const open = vscode.workspace.textDocuments.map((document) => `${document.languageId} ${document.uri.toString()}`);
  assert.equal(extension.isActive, false, `the extension has not started yet (open documents: ${JSON.stringify(open)})`);
  assertFreshFixture();
  const readme = await vscode.workspace.openTextDocument(workspaceUri('README.md'));
  await vscode.window.showTextDocument(readme, { preview: false });
  await waitFor('the extension to start', () => extension.isActive);
  // Finding the files can take seconds in a window that has just opened (VS Code's file search).
  await waitForTheTable(30_000);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

/** Entry point called by VS Code's extension test runner. */
exports.run = run;
