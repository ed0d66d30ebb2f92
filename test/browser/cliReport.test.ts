/**
 * The coaching report as a manager makes it: the real CLI on a copy of the fixture team
 * (test/fixtures/report, counted by hand in test/unit/report.test.ts), written into a folder of its
 * own, then opened from disk in the real Chromium and checked through the DOM against the JSON the
 * same CLI prints for the same notes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ROOT, runCli } from '../helpers';
import { launchChromium } from './chromium';

let browser: Browser;
let workspace: string;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-cli-report-browser-'));
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'report'), workspace, { recursive: true });
  // A repository's root: nothing above the temporary folder is read.
  fs.mkdirSync(path.join(workspace, '.git'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
});

interface JsonReport {
  totals: { notes: number; advanceRate: number | null };
  stale: unknown[];
  undated: string[];
  notesList: { file: string }[];
}

test('the report the CLI writes opens offline, shows the JSON’s numbers and links every note', async () => {
  const json = runCli(workspace, ['report', 'notes', '--until', '2026-11-30', '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout) as JsonReport;
  fs.mkdirSync(path.join(workspace, 'reports'));
  const html = runCli(workspace, ['report', 'notes', '--until', '2026-11-30', '--out', 'reports/coaching.html']);
  assert.equal(html.code, 0, html.stderr);
  const file = path.join(workspace, 'reports', 'coaching.html');

  const page = await browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const url = pathToFileURL(file).href;
  await page.goto(url);

  const stat = (key: string) => page.textContent(`[data-stat="${key}"] .big`);
  assert.equal(await stat('notes'), String(report.totals.notes));
  assert.equal(await stat('advance'), report.totals.advanceRate === null ? '—' : `${Math.round(report.totals.advanceRate * 100)}%`);
  assert.equal(await stat('stale'), String(report.stale.length));
  assert.equal(await stat('undated'), String(report.undated.length));

  // Every note the JSON counts is linked, relative to the report's own folder, and the link opens it.
  const targets = await page.$$eval('a[data-file]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
  const linked = new Set(targets.map((href) => path.relative(workspace, fileURLToPath(href)).split(path.sep).join('/')));
  for (const note of report.notesList) assert.ok(linked.has(note.file), `${note.file} is linked`);
  for (const href of targets) assert.ok(fs.existsSync(fileURLToPath(href)), `${href} exists`);

  assert.deepEqual(requests, [url], 'nothing but the file itself is requested');
  assert.deepEqual(problems, [], 'no console error or warning');
  await page.close();
});
