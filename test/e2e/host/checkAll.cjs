// "Objective & Outcome: Check All Meeting Notes" in the real extension host, on a workspace of its
// own (a copy of test/e2e/workspace-check-all, see run.mjs) so that its summary counts only notes
// whose expectations are in checkAllFixture.cjs. objectiveOutcome.checkAllOnOpen is off here: every
// problem on a closed note comes from running the command (checkAllOnOpen.cjs covers the setting).
// The last tests change notes on disk with fs, never through an editor, as a sync tool or git would.
'use strict';
/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- the extension host loads this file with require() */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { createSuite, workspaceUri, waitFor, ourDiagnostics, describe } = require('./harness.cjs');
const { FILES, expectedSummary, shownFor, expectedFor, waitForTheTable, snapshot, assertFreshFixture } = require('./checkAllFixture.cjs');

const CHECK_ALL = 'objectiveOutcome.checkAllNotes';
/** How long a change on disk may take to reach the Problems panel (the watcher, then a 300 ms debounce). */
const ON_DISK_MS = 10_000;

// VS Code's file search (behind the command) can take seconds right after a Markdown file opens.
const { test, run } = createSuite({ timeoutMs: 40_000 });

const checkAll = () => vscode.commands.executeCommand(CHECK_ALL);

/** Every file's bytes before the command first ran (taken by the first test). */
let beforeFirstRun;

/** Writes a file the way another program would: straight to disk, never opened in an editor. */
function writeOnDisk(relative, text) {
  const file = workspaceUri(relative).fsPath;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

async function waitForShown(relative, expected, timeoutMs = ON_DISK_MS) {
  const uri = workspaceUri(relative);
  try {
    await waitFor(`${relative} to show exactly ${JSON.stringify(expected)}`, () => JSON.stringify(shownFor(relative)) === JSON.stringify(expected), timeoutMs);
  } catch (err) {
    throw new Error(`${err.message} (shows ${describe(ourDiagnostics(uri))})`);
  }
}

test('Check All Meeting Notes: closed notes get their problems in the Problems panel (missing-outcome, self-focused-objective, ...); the README, a guide and excluded folders get none', async () => {
  assertFreshFixture();
  beforeFirstRun = snapshot();
  const summary = await checkAll();
  assert.equal(typeof summary, 'object', 'the command returns its summary');
  await waitForTheTable();
  assert.ok(!vscode.workspace.textDocuments.some((d) => Object.keys(FILES).some((f) => d.uri.toString() === workspaceUri(f).toString())), 'the command opened no note in an editor');

  // What a rep reads in the Problems panel: the phrase underlined in the note on disk, the message, the rule's page.
  const birch = 'meetings/2026-11-03-birch-sons-call.md';
  const [selfFocused] = ourDiagnostics(workspaceUri(birch));
  const line = fs.readFileSync(workspaceUri(birch).fsPath, 'utf8').split('\n').findIndex((l) => l.startsWith('objective:'));
  const phrase = 'get the appointment';
  assert.deepEqual(
    [selfFocused.range.start.line, selfFocused.range.start.character, selfFocused.range.end.line, selfFocused.range.end.character],
    [line, 'objective: '.length, line, 'objective: '.length + phrase.length],
    `the finding covers exactly "${phrase}" (${describe([selfFocused])})`,
  );
  assert.match(selfFocused.message, /get the appointment/, 'the message quotes the phrase');
  const [missing] = ourDiagnostics(workspaceUri('meetings/2026-11-02-acme-dental-first-meeting.md'));
  assert.match(missing.message, /outcome/i, 'the message names the missing field');
  assert.match(missing.code.target.toString(), /^command:objectiveOutcome\.openRulePage\?.*missing-outcome/, 'the code links to the rule page');
});

test('Check All Meeting Notes returns a summary: as many notes as the workspace has meeting notes (no README, guide or excluded file), those with problems, and counts by severity', async () => {
  const summary = await checkAll();
  const { durationMs, ...counts } = summary;
  assert.deepEqual(counts, expectedSummary());
  assert.equal(typeof durationMs, 'number');
  assert.ok(durationMs >= 0 && durationMs < 60_000, `a plausible duration (${durationMs} ms)`);
  await waitForTheTable();
});

test('Check All Meeting Notes changes no file: every file keeps its bytes, none appears or disappears', async () => {
  assert.ok(beforeFirstRun, 'the first test took a snapshot before the command first ran');
  assert.ok(Object.keys(beforeFirstRun).length > Object.keys(FILES).length, 'the snapshot holds the workspace files, the config and the settings too');
  // Nothing else wrote to the workspace since: the command ran twice already, once more here.
  await checkAll();
  assert.deepEqual(snapshot(), beforeFirstRun);
});

test('Check All Meeting Notes: a note open in an editor lists each problem once, not a second time from disk; closed again, it keeps its problem', async () => {
  const relative = 'meetings/2026-11-02-acme-dental-first-meeting.md';
  const uri = workspaceUri(relative);
  // Opened as a rep opens it (vscode.open, not openTextDocument, which keeps the document alive for minutes after its editor closes).
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  await waitFor('the note to open', () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
  await waitForShown(relative, ['missing-outcome (warning)']);
  await checkAll();
  assert.deepEqual(shownFor(relative), ['missing-outcome (warning)'], `listed once (${describe(ourDiagnostics(uri))})`);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('the note to close', () => !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
  // The editor's live result went with it; what is listed now was read from disk.
  await waitForShown(relative, ['missing-outcome (warning)']);
});

test('Check All Meeting Notes keeps the Problems panel current: a note written to disk without an outcome gets missing-outcome within seconds', async () => {
  await checkAll();
  const relative = 'meetings/2026-11-10-juniper-call.md';
  writeOnDisk(relative, '---\nclient: Juniper Vets\ndate: 2026-11-10\ntype: call\nobjective: Understand how they remind owners about vaccinations\n---\n# Notes\n');
  await waitForShown(relative, ['missing-outcome (warning)']);
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === workspaceUri(relative).toString()), 'the new note was never opened');
});

test('Check All Meeting Notes keeps the Problems panel current: adding the outcome to a note on disk clears its missing-outcome', async () => {
  const relative = 'meetings/2026-11-02-acme-dental-first-meeting.md';
  await waitForShown(relative, ['missing-outcome (warning)']);
  const file = workspaceUri(relative).fsPath;
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes('use\n---\n'), 'the fixture ends its front matter after the objective');
  fs.writeFileSync(file, text.replace('use\n---\n', 'use\noutcome: They book a second meeting with the office manager on Dec 4\n---\n'));
  await waitForShown(relative, []);
});

test('Check All Meeting Notes keeps the Problems panel current: deleting a note on disk removes its problems, and deleting a folder removes those of every note in it', async () => {
  const note = 'meetings/2026-11-03-birch-sons-call.md';
  await waitForShown(note, ['self-focused-objective (warning)']);
  fs.rmSync(workspaceUri(note).fsPath);
  await waitForShown(note, []);

  const inCalls = Object.keys(FILES).filter((f) => f.startsWith('calls/'));
  assert.ok(inCalls.length >= 2 && inCalls.every((f) => FILES[f].findings.length > 0), 'calls/ holds notes with problems');
  for (const relative of inCalls) assert.notDeepEqual(shownFor(relative), [], `${relative} shows its problems before`);
  fs.rmSync(workspaceUri('calls').fsPath, { recursive: true });
  for (const relative of inCalls) await waitForShown(relative, []);
});

test('Check All Meeting Notes keeps excluded folders quiet on disk too: notes written into a files.exclude folder or a folder .objective-outcome.yaml excludes get no problems', async () => {
  const withoutOutcome = (client) => `---\nclient: ${client}\ntype: call\nobjective: Understand how they plan next season\n---\n# Notes\n`;
  const hidden = 'archive/2026-11-11-kestrel-farms-call.md';
  const draft = 'meetings/drafts/2026-11-11-larch-dental-call.md';
  writeOnDisk(hidden, withoutOutcome('Kestrel Farms'));
  writeOnDisk(draft, withoutOutcome('Larch Dental'));
  // Written last, in a folder that counts: once it shows its problem, the two above had their turn.
  const barrier = 'meetings/2026-11-11-maple-hotel-call.md';
  writeOnDisk(barrier, withoutOutcome('Maple Hotel'));
  await waitForShown(barrier, ['missing-outcome (warning)']);
  assert.deepEqual(shownFor(hidden), [], `${hidden} (files.exclude) shows nothing`);
  assert.deepEqual(shownFor(draft), [], `${draft} (.objective-outcome.yaml exclude) shows nothing`);
  // And a full check agrees with the watcher.
  await checkAll();
  assert.deepEqual(shownFor(hidden), []);
  assert.deepEqual(shownFor(draft), []);
  assert.deepEqual(shownFor(barrier), ['missing-outcome (warning)']);
});

test('Check All Meeting Notes keeps the Problems panel current: renaming a note on disk moves its problems to the new name', async () => {
  const from = 'meetings/2026-11-10-juniper-call.md';
  const to = 'meetings/2026-11-10-juniper-vets-call.md';
  await waitForShown(from, ['missing-outcome (warning)']);
  fs.renameSync(workspaceUri(from).fsPath, workspaceUri(to).fsPath);
  await waitForShown(to, ['missing-outcome (warning)']);
  await waitForShown(from, []);
});

test('Check All Meeting Notes keeps the Problems panel current: renaming a folder of notes on disk moves their problems to the new paths', async () => {
  const from = 'notes/2026-11-08-fir-hardware.md';
  const to = 'notes-2026/2026-11-08-fir-hardware.md';
  const expected = expectedFor(from);
  assert.ok(expected.length > 0, `${from} has problems in the fixture`);
  await waitForShown(from, expected);
  fs.renameSync(workspaceUri('notes').fsPath, workspaceUri('notes-2026').fsPath);
  await waitForShown(from, []);
  await waitForShown(to, expected);
});

test('Check All Meeting Notes follows .objective-outcome.yaml: excluding a folder there (edited on disk) removes its notes\' problems; taking it out brings them back', async () => {
  const note = 'notes-2026/2026-11-08-fir-hardware.md';
  const expected = expectedFor('notes/2026-11-08-fir-hardware.md');
  await checkAll();
  await waitForShown(note, expected);
  const config = workspaceUri('.objective-outcome.yaml').fsPath;
  const original = fs.readFileSync(config, 'utf8');
  assert.ok(original.includes('  - "**/drafts/**"\n'), 'the fixture config excludes drafts/');
  try {
    fs.writeFileSync(config, original.replace('  - "**/drafts/**"\n', '  - "**/drafts/**"\n  - "notes-2026/**"\n'));
    await waitForShown(note, []);
    // A note that stays included keeps its problem meanwhile.
    assert.deepEqual(shownFor('meetings/2026-11-10-juniper-vets-call.md'), ['missing-outcome (warning)']);
  } finally {
    fs.writeFileSync(config, original);
  }
  await waitForShown(note, expected);
});

const MOVED_NOTE = 'notes-2026/2026-11-08-fir-hardware.md';
const movedNoteExpected = () => expectedFor('notes/2026-11-08-fir-hardware.md');

/**
 * Once the command lists the note in notes-2026/ (renamed there by an earlier test), adds that
 * folder to the workspace's files.exclude while `during` runs, then puts the setting back.
 */
async function withNotes2026Excluded(during) {
  await checkAll();
  await waitForShown(MOVED_NOTE, movedNoteExpected());
  const files = vscode.workspace.getConfiguration('files');
  const original = files.inspect('exclude').workspaceValue;
  const before = await checkAll();
  try {
    await files.update('exclude', { ...original, '**/notes-2026': true }, vscode.ConfigurationTarget.Workspace);
    await during({ original, before });
  } finally {
    await files.update('exclude', original, vscode.ConfigurationTarget.Workspace);
  }
}

test('Check All Meeting Notes follows files.exclude: after a folder is added to it in the workspace settings, running the command again removes that folder\'s problems', async () => {
  await withNotes2026Excluded(async ({ original, before }) => {
    assert.deepEqual(original, { '**/archive': true }, 'the fixture\'s workspace settings hide archive/');
    await waitFor('files.exclude to read the new folder', () => vscode.workspace.getConfiguration('files').get('exclude')['**/notes-2026'] === true);
    let after;
    // VS Code's file search may take a moment to see the new setting: run the command again until it does.
    await waitFor(`a run of the command that no longer lists ${MOVED_NOTE}`, async () => {
      after = await checkAll();
      return shownFor(MOVED_NOTE).length === 0;
    }, ON_DISK_MS);
    assert.equal(after.notesChecked, before.notesChecked - 1, 'the summary counts one note fewer');
    assert.deepEqual(shownFor('meetings/2026-11-10-juniper-vets-call.md'), ['missing-outcome (warning)'], 'notes elsewhere keep their problems');
  });
});

test('Check All Meeting Notes follows files.exclude without being run again: a folder added to it loses its problems, and gets them back when it is taken out', async () => {
  await withNotes2026Excluded(async () => {
    await waitForShown(MOVED_NOTE, []);
    assert.deepEqual(shownFor('meetings/2026-11-10-juniper-vets-call.md'), ['missing-outcome (warning)'], 'notes elsewhere keep their problems');
  });
  await waitForShown(MOVED_NOTE, movedNoteExpected());
});

test('"Go to the first problem" (the walkthrough\'s link) with no editor open opens the first note with a problem and selects it', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('no editor', () => vscode.window.activeTextEditor === undefined);
  await vscode.commands.executeCommand('objectiveOutcome.showFirstProblem');
  const editor = await waitFor('a note to open', () => vscode.window.activeTextEditor);
  const problems = ourDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.severity !== vscode.DiagnosticSeverity.Hint);
  assert.ok(problems.length > 0, `${editor.document.uri.path} has a problem`);
  assert.ok(problems.some((diagnostic) => diagnostic.range.isEqual(editor.selection)), 'the problem is selected');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});

/** Entry point called by VS Code's extension test runner. */
exports.run = run;
