// The Markdown files of test/e2e/workspace-check-all and what "Check All Meeting Notes" should list
// for each in the Problems panel. Every expectation of checkAll.cjs and checkAllOnOpen.cjs (each
// note's rules, the summary's counts) is derived from this table, and the table is checked against
// the files on disk, so a fixture added without its expectation fails loudly.
'use strict';
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- the extension host loads this file with require() */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { workspaceUri, waitFor, ourDiagnostics, ruleId } = require('./harness.cjs');

/**
 * Each file: `findings` ([rule, severity] pairs) when it is a meeting note, or `why` it is none.
 * The workspace's .objective-outcome.yaml excludes **\/README.md and **\/drafts/**, and its
 * .vscode/settings.json hides **\/archive with files.exclude; the excluded notes lack an outcome,
 * so they would show missing-outcome if the exclusion were ignored.
 */
const FILES = {
  'README.md': { why: 'not a note: no front matter, not in a notes folder' },
  'docs/guide.md': { why: 'not a note: its front matter has no objective, outcome or meeting type' },
  'meetings/README.md': { why: 'excluded by .objective-outcome.yaml (**/README.md)' },
  'meetings/drafts/2026-11-07-grove-dental-call.md': { why: 'excluded by .objective-outcome.yaml (**/drafts/**)' },
  'archive/2025-10-01-hazel-farms-call.md': { why: 'hidden by files.exclude (**/archive)' },
  'meetings/2026-11-02-acme-dental-first-meeting.md': { findings: [['missing-outcome', 'warning']] },
  'meetings/2026-11-03-birch-sons-call.md': { findings: [['self-focused-objective', 'warning']] },
  'meetings/2026-11-04-cedar-bakery-review.md': { findings: [] },
  'meetings/2026-11-09-ivy-opticians-card.md': { findings: [['skipped-file', 'info']] },
  'calls/2026-11-05-dune-logistics.md': { findings: [['missing-objective', 'warning'], ['missing-outcome', 'warning']] },
  'calls/2026-11-06-elm-clinic.md': { findings: [['invalid-front-matter', 'error']] },
  'notes/2026-11-08-fir-hardware.md': { findings: [['weak-outcome', 'info'], ['prospect-wording', 'info']] },
};

const SEVERITY_NAMES = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

const notes = () => Object.entries(FILES).filter(([, file]) => file.findings);

/** What the command's summary should say for this table. */
function expectedSummary() {
  const all = notes().flatMap(([, file]) => file.findings);
  const count = (severity) => all.filter(([, s]) => s === severity).length;
  return {
    notesChecked: notes().length,
    // As the Problems panel lists them: hints never show there, so a note with only hints has none.
    notesWithProblems: notes().filter(([, file]) => file.findings.some(([, severity]) => severity !== 'hint')).length,
    errors: count('error'),
    warnings: count('warning'),
    information: count('info'),
    hints: count('hint'),
    skipped: all.filter(([rule]) => rule === 'skipped-file').length,
    unreadable: 0,
    failed: 0,
    cancelled: false,
  };
}

/** "rule (severity)" for each of this extension's diagnostics on a file, sorted. */
function shownFor(relative) {
  return ourDiagnostics(workspaceUri(relative)).map((d) => `${ruleId(d)} (${SEVERITY_NAMES[d.severity]})`).sort();
}

function expectedFor(relative) {
  return (FILES[relative].findings ?? []).map(([rule, severity]) => `${rule} (${severity})`).sort();
}

/** Files whose diagnostics differ from the table, each with what it shows and what it should. */
function mismatches() {
  return Object.keys(FILES)
    .filter((relative) => JSON.stringify(shownFor(relative)) !== JSON.stringify(expectedFor(relative)))
    .map((relative) => `${relative} shows ${JSON.stringify(shownFor(relative))}, expected ${JSON.stringify(expectedFor(relative))}`);
}

/** Waits until every file of the table shows exactly its findings (and the others none). */
async function waitForTheTable(timeoutMs = 10_000) {
  try {
    await waitFor('every file to show exactly its findings', () => mismatches().length === 0, timeoutMs);
  } catch (err) {
    throw new Error(`${err.message}:\n${mismatches().join('\n')}`);
  }
}

/** Every file under the workspace folder (dot-files too), relative, posix style. */
function filesOnDisk(folder = workspaceUri('').fsPath, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesOnDisk(path.join(folder, entry.name), relative));
    else out.push(relative);
  }
  return out.sort();
}

/** Each file's bytes (base64) by relative path: compare two snapshots to see any write. */
function snapshot() {
  const root = workspaceUri('').fsPath;
  return Object.fromEntries(filesOnDisk().map((relative) => [relative, fs.readFileSync(path.join(root, relative)).toString('base64')]));
}

/** The table covers exactly the Markdown files on disk, none of them is open, and none shows a problem yet. */
function assertFreshFixture() {
  assert.deepEqual(filesOnDisk().filter((f) => /\.(?:md|markdown)$/.test(f)), Object.keys(FILES).sort(), 'the table lists every Markdown file of the workspace');
  const open = vscode.workspace.textDocuments.map((d) => d.uri.toString());
  for (const relative of Object.keys(FILES)) {
    assert.ok(!open.includes(workspaceUri(relative).toString()), `${relative} is not open in any editor`);
  }
  assert.deepEqual(Object.keys(FILES).flatMap(shownFor), [], 'no file shows a problem yet');
}

module.exports = { FILES, expectedSummary, shownFor, expectedFor, mismatches, waitForTheTable, filesOnDisk, snapshot, assertFreshFixture };
