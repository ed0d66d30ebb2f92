#!/usr/bin/env node
// The real-VS-Code tier: packages the extension, installs the .vsix into a throw-away profile of a
// real VS Code (code-server), runs the extension-host suites (host/suite.cjs on a copy of
// workspace/; host/checkAll.cjs and host/checkAllOnOpen.cjs each on their own copy of
// workspace-check-all/) and the UI flows (ui.mjs) in Chromium, then removes every process and
// folder it made.
// Env: OO_E2E_VSIX=path skips packaging and tests that .vsix; OO_E2E_KEEP=1 keeps the temp folder;
// OO_E2E_ONLY=host or OO_E2E_ONLY=ui runs one half (for working on the tests; `npm test` runs both);
// OO_E2E_VSCODE=1.90 runs on the oldest VS Code the manifest claims (code-server 4.90.3) instead of
// 1.100 (`npm run test:e2e:oldest` runs the extension-host half there);
// OO_E2E_HEADED is not supported (no display here).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { MissingPrerequisite, ensureChromium, ensureCodeServer } from '../../scripts/vscode/provision.mjs';
import { CODE_SERVER_VERSION, VSCODE_VERSION, extensionId, repoRoot } from '../../scripts/vscode/paths.mjs';
import { freePort, installVsix, startCodeServer, workbenchUrl, writeUserSettings } from '../../scripts/vscode/server.mjs';
import { uiTests, waitForWorkbench } from './ui.mjs';

const e2eDir = path.join(repoRoot, 'test', 'e2e');
const imagesDir = path.join(repoRoot, 'docs', 'images');
// About 4 minutes when all is well on 2 shared cores; the margin is for a slow, busy machine.
const RUN_TIMEOUT_MS = 7 * 60_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const results = [];
const cleanups = [];
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (msg) => process.stdout.write(`${msg}\n`);

function record(name, ok, ms, error) {
  results.push({ name, ok, ms, error });
  say(`${ok ? 'ok  ' : 'FAIL'} ${name} (${ms} ms)`);
  if (!ok && error) say(String(error).split('\n').map((l) => `       ${l}`).join('\n'));
}

async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try { await fn(); } catch (err) { say(`cleanup: ${err.message}`); }
  }
}

/** Builds and packages the extension (the lead's `npm run package`), returns the .vsix path. */
function packageExtension() {
  if (process.env.OO_E2E_VSIX) return path.resolve(process.env.OO_E2E_VSIX);
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const vsix = path.join(repoRoot, `objective-outcome-${version}.vsix`);
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(vsix)) {
    throw new Error(`npm run package failed (exit ${r.status}) or did not write ${path.basename(vsix)}:\n${r.stdout}${r.stderr}`);
  }
  return vsix;
}

/** Copies the fixture workspace, filling in the marker path the ---js note would write. */
function copyWorkspace(to, marker) {
  fs.cpSync(path.join(e2eDir, 'workspace'), to, { recursive: true });
  const jsNote = path.join(to, 'meetings', 'js-front-matter.md');
  fs.writeFileSync(jsNote, fs.readFileSync(jsNote, 'utf8').replaceAll('{{MARKER}}', marker));
}

/**
 * Copies the "Check All Meeting Notes" workspace; `settings` are added to its workspace settings.
 * Each suite that runs the check gets a copy of its own: the check counts every note it finds.
 */
function copyCheckAllWorkspace(to, settings = {}) {
  fs.cpSync(path.join(e2eDir, 'workspace-check-all'), to, { recursive: true });
  const file = path.join(to, '.vscode', 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), ...settings }, null, 2));
}

/** Parses JSON with comments and trailing commas, as VS Code reads .code-snippets files. */
function parseJsonc(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = i;
      const m = end.exec(text);
      out += m[0];
      i += m[0].length - 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else {
      out += ch;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** Reads the markdown snippet body for `prefix` from the installed extension. */
function snippetBodyFromInstalled(extensionsDir, prefix) {
  const dir = fs.readdirSync(extensionsDir).find((d) => d.toLowerCase().startsWith(`${extensionId}-`));
  if (!dir) throw new Error(`${extensionId} is not in ${extensionsDir}`);
  const root = path.join(extensionsDir, dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const contribution of manifest.contributes?.snippets ?? []) {
    if (contribution.language !== 'markdown') continue;
    const snippets = parseJsonc(fs.readFileSync(path.join(root, contribution.path), 'utf8'));
    for (const snippet of Object.values(snippets)) {
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      if (prefixes.includes(prefix)) return snippet.body;
    }
  }
  throw new Error(`no markdown snippet with prefix "${prefix}" in the installed extension`);
}

// VS Code's ExtensionHostExitCode.UnexpectedError: an extension host of the window (in code-server
// 4.90.3 we have seen the web worker one, in its iframe, fail to start) went down, and the window
// ended the test run before the suite wrote its results.
const EXTENSION_HOST_WENT_DOWN = 81;

/**
 * Runs one host/ suite in a new window (so a new extension host) on `workspace`. A window whose
 * extension host went down before the suite reported (exit 81, no results) is tried once more, and
 * the run says so; a second time, or any test that ran and failed, is a failure. (A suite that
 * needs a fresh workspace says so itself when a first try has already changed it.)
 */
async function runHostSuite({ browser, server, workspace, resultsFile, suite }, attempt = 1) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const hostDir = path.join(e2eDir, 'host');
  const url = workbenchUrl(server.url, workspace, [
    ['extensionDevelopmentPath', remote(hostDir)],
    ['extensionTestsPath', remote(path.join(hostDir, suite))],
  ]);
  // Every suite writes the same file: never read an earlier suite's results as this one's.
  fs.rmSync(resultsFile, { force: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // What the window itself reported, for the failure message: code-server's log has only the server's side.
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`); });
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  const started = Date.now();
  await page.goto(url);
  say(`e2e: extension-host suite ${suite} loading (${elapsed()})`);
  let timer;
  const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('timeout'), 150_000); })]);
  clearTimeout(timer);
  await context.close();
  if (!fs.existsSync(resultsFile)) {
    const windowSaid = pageErrors.length ? `\nthe window said:\n${pageErrors.slice(-20).join('\n')}` : '';
    if (code === EXTENSION_HOST_WENT_DOWN && attempt === 1) {
      say(`e2e: the extension host for ${suite} went down before the suite reported (exit ${code}); trying the suite once more in a new window${windowSaid}`);
      await runHostSuite({ browser, server, workspace, resultsFile, suite }, attempt + 1);
      return;
    }
    record(`extension-host suite ${suite} ran and reported`, false, Date.now() - started, `no results (exit ${code}); code-server said:\n${server.output().slice(-3000)}${windowSaid}`);
    return;
  }
  for (const r of JSON.parse(fs.readFileSync(resultsFile, 'utf8'))) record(r.name, r.ok, r.ms, r.error);
}

async function runUiTests({ browser, server, workspace, snippetBody }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await page.goto(workbenchUrl(server.url, workspace));
  await waitForWorkbench(page);
  say(`e2e: workbench ready for the UI flows (${elapsed()})`);
  fs.mkdirSync(imagesDir, { recursive: true });
  const screenshot = (name) => page.screenshot({ path: path.join(imagesDir, name) });
  for (const { name, fn } of uiTests) {
    const t0 = Date.now();
    try {
      await fn({ page, screenshot, workspace, snippetBody });
      record(name, true, Date.now() - t0);
    } catch (err) {
      const shot = path.join(os.tmpdir(), `oo-e2e-failure-${results.length}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      record(name, false, Date.now() - t0, `${err.stack}\n(screenshot: ${shot})`);
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
}

async function main() {
  const chromiumPath = ensureChromium();
  ensureCodeServer();
  startWatchdog();
  const vsix = packageExtension();
  say(`e2e: packaged (${elapsed()})`);
  say(`e2e: testing ${path.relative(repoRoot, vsix) || vsix} in VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) (${elapsed()})`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-e2e-'));
  if (!process.env.OO_E2E_KEEP) cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const marker = path.join(tmp, 'js-front-matter-ran.txt');
  const apiWorkspace = path.join(tmp, 'workspace-api');
  const uiWorkspace = path.join(tmp, 'workspace-ui');
  copyWorkspace(apiWorkspace, marker);
  copyWorkspace(uiWorkspace, marker);
  const checkAllWorkspace = path.join(tmp, 'workspace-check-all');
  const checkAllOnOpenWorkspace = path.join(tmp, 'workspace-check-all-on-open');
  copyCheckAllWorkspace(checkAllWorkspace);
  copyCheckAllWorkspace(checkAllOnOpenWorkspace, { 'objectiveOutcome.checkAllOnOpen': true });
  // The coaching report's fixture team, whose numbers the unit tests count by hand: its notes/
  // folder is the workspace, so each rep's folder is a top folder, with the team's config.
  const reportWorkspace = path.join(tmp, 'workspace-report');
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'report', 'notes'), reportWorkspace, { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'report', '.objective-outcome.yaml'), path.join(reportWorkspace, '.objective-outcome.yaml'));
  writeUserSettings(userDataDir);
  installVsix(vsix, { extensionsDir, userDataDir });
  const snippetBody = snippetBodyFromInstalled(extensionsDir, 'meeting');

  const resultsFile = path.join(tmp, 'host-results.json');
  const server = await startCodeServer({
    port: await freePort(),
    folder: apiWorkspace,
    userDataDir,
    extensionsDir,
    env: {
      OO_E2E_RESULTS: resultsFile,
      OO_E2E_EXTENSIONS_DIR: extensionsDir,
      OO_E2E_MARKER: marker,
      OO_E2E_EXPECTED_VERSION: JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version,
      OO_E2E_EXPECTED_VSCODE: VSCODE_VERSION,
    },
  });
  cleanups.push(() => server.stop());
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());
  say(`e2e: code-server and Chromium up (${elapsed()})`);

  const only = process.env.OO_E2E_ONLY;
  if (only !== 'ui') {
    await runHostSuite({ browser, server, workspace: apiWorkspace, resultsFile, suite: 'suite.cjs' });
    await runHostSuite({ browser, server, workspace: checkAllWorkspace, resultsFile, suite: 'checkAll.cjs' });
    await runHostSuite({ browser, server, workspace: checkAllOnOpenWorkspace, resultsFile, suite: 'checkAllOnOpen.cjs' });
    await runHostSuite({ browser, server, workspace: reportWorkspace, resultsFile, suite: 'coachingReport.cjs' });
  }
  if (only !== 'host') await runUiTests({ browser, server, workspace: uiWorkspace, snippetBody });
  record('nothing evaluated the ---js front matter during the whole run', !fs.existsSync(marker), 0, `${marker} exists`);
}

let exitCode = 0;
let watchdog;
/** Bounds the run itself; the one-off provisioning of code-server does not count. */
function startWatchdog() {
  watchdog = setTimeout(async () => {
    say(`FAIL the e2e run exceeded ${RUN_TIMEOUT_MS / 60_000} minutes`);
    await cleanup();
    process.exit(1);
  }, RUN_TIMEOUT_MS);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => { await cleanup(); process.exit(130); });
}
try {
  await main();
} catch (err) {
  if (err instanceof MissingPrerequisite) {
    process.stderr.write(`e2e: ${err.message}\n`);
    exitCode = 1;
  } else {
    record('e2e harness', false, 0, err.stack);
  }
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (exitCode === 0 || results.length) {
  say(`e2e finished in ${elapsed()}`);
  say(`${passed} passed, ${failed} failed`);
}
process.exit(exitCode || (failed || !results.length ? 1 : 0));
