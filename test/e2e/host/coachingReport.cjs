// "Objective & Outcome: Show Coaching Report" in the real extension host, on a copy of the report
// fixture team (test/fixtures/report, whose numbers test/unit/report.test.ts counts by hand; its
// notes/ folder is the workspace, see run.mjs): the command opens the webview tab and returns the
// Report it shows, read with the team's config. A rep without a rep field is its top folder.
'use strict';
/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- the extension host loads this file with require() */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { createSuite, workspaceUri, waitFor } = require('./harness.cjs');

const SHOW_REPORT = 'objectiveOutcome.showCoachingReport';
// VS Code's file search (behind the command) can take seconds in a fresh window.
const { test, run } = createSuite({ timeoutMs: 40_000 });

const reportTabs = () =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('objectiveOutcome.coachingReport'));

test('Show Coaching Report opens the “Coaching Report” tab with the workspace’s numbers, read with the team’s config', async () => {
  const report = await vscode.commands.executeCommand(SHOW_REPORT);
  assert.equal(typeof report, 'object', 'the command returns the report it shows');
  assert.deepEqual(report.groups.map((group) => [group.key, group.notes, group.reviewed, group.advances]), [
    ['Carol', 1, 1, 1], // `owner: Carol`, through the team's fields.rep
    ['rep-a', 6, 5, 2], // the 11-16 result through fields.result: [what_happened]
    ['rep-b', 4, 2, 1],
  ]);
  assert.deepEqual([report.totals.notes, report.totals.withObjective, report.totals.selfFocused, report.totals.weakOutcomes, report.totals.advanceRate], [11, 10, 2, 4, 0.5]);
  assert.deepEqual(report.undated, ['rep-b/echo-call.md']);
  assert.ok(!report.notesList.some((note) => note.file.endsWith('README.md')), 'the README is no note');
  const [tab] = await waitFor('the Coaching Report tab', () => (reportTabs().length ? reportTabs() : undefined));
  assert.equal(tab.label, 'Coaching Report');
  assert.equal(tab.isActive, true);
});

test('running it again brings the same tab forward with numbers that follow the notes on disk', async () => {
  const added = workspaceUri('rep-c/2026-11-24-hotel.md');
  fs.mkdirSync(path.dirname(added.fsPath), { recursive: true });
  fs.writeFileSync(added.fsPath, '---\nclient: Hotel\ndate: 2026-11-24\nobjective: Learn what worries their CFO about renewal season\noutcome: They send their last three statements by Friday\nresult: They signed the order for 40 seats\n---\n');
  try {
    const report = await waitFor('the new note in the report', async () => {
      const made = await vscode.commands.executeCommand(SHOW_REPORT);
      return made.groups.some((group) => group.key === 'rep-c') ? made : undefined;
    });
    assert.deepEqual([report.totals.notes, report.totals.advances], [12, 5]);
    assert.equal(reportTabs().length, 1, 'one report tab, not one per run');
  } finally {
    fs.rmSync(path.dirname(added.fsPath), { recursive: true, force: true });
  }
  await vscode.window.tabGroups.close(reportTabs());
});

/** Entry point called by VS Code's extension test runner. */
exports.run = run;
