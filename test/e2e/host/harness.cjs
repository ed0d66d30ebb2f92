// What every extension-host suite in this folder shares: a list of tests run one after the other
// with a time limit each, results written to the JSON file named by OO_E2E_RESULTS (run.mjs reads
// it), and helpers that find workspace files and read this extension's diagnostics.
'use strict';
/* global require, module, process, setTimeout, clearTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- the extension host loads this file with require() */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');

const EXTENSION_ID = 'objective-outcome.objective-outcome';
const SOURCE = 'objective-outcome';
const TEST_TIMEOUT_MS = 20_000;

/**
 * A suite: `test(name, fn)` adds a test, `run()` is the entry point VS Code's test runner calls.
 * `timeoutMs` bounds each test.
 */
function createSuite({ timeoutMs = TEST_TIMEOUT_MS } = {}) {
  /** @type {{name: string, fn: () => Promise<void>}[]} */
  const tests = [];
  function test(name, fn) {
    tests.push({ name, fn });
  }
  async function run() {
    const resultsFile = process.env.OO_E2E_RESULTS;
    const results = [];
    for (const { name, fn } of tests) {
      const started = Date.now();
      let timer;
      try {
        await Promise.race([
          fn(),
          new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`test timed out after ${timeoutMs} ms`)), timeoutMs); }),
        ]);
        results.push({ name, ok: true, ms: Date.now() - started });
      } catch (err) {
        results.push({ name, ok: false, ms: Date.now() - started, error: err && err.stack ? err.stack : String(err) });
      } finally {
        clearTimeout(timer);
      }
    }
    if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
    const failed = results.filter((r) => !r.ok).length;
    if (failed) throw new Error(`${failed} extension-host test(s) failed`);
  }
  return { test, run };
}

function workspaceUri(relative) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

async function waitFor(what, predicate, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await predicate();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** This extension's diagnostics for one document. */
function ourDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function ruleId(diagnostic) {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function describe(diagnostics) {
  return JSON.stringify(diagnostics.map((d) => ({ rule: ruleId(d), message: d.message, range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] })));
}

module.exports = { createSuite, workspaceUri, waitFor, ourDiagnostics, ruleId, describe, EXTENSION_ID, SOURCE };
