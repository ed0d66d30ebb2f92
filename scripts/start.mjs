#!/usr/bin/env node
// `npm start`: build and package the extension, then open a fresh copy of the demo workspace in a
// real VS Code (code-server) with the packaged .vsix installed, at http://127.0.0.1:$PORT (default
// 8080). The copy lives in .cache/vscode/start/demo and is made again at every start, so what a rep edits
// there never reaches the tracked demo/ notes and the next start shows them as they are.
// Everything it installs lives in the git-ignored .cache/vscode/; the user's own VS Code profile is
// never touched. Ctrl+C stops the server and everything it started.
// Options: --no-build reuses the .vsix already in the repo root.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MissingPrerequisite, ensureCodeServer } from './vscode/provision.mjs';
import { cacheRoot, extensionId, repoRoot } from './vscode/paths.mjs';
import { installVsix, portInUse, startCodeServer, workbenchUrl, writeUserSettings } from './vscode/server.mjs';

const say = (msg) => process.stdout.write(`${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`npm start: ${msg}\n`);
  process.exit(1);
};

const port = Number(process.env.PORT || 8080);
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT=${process.env.PORT} is not a port number.`);
const stateDir = path.join(cacheRoot, 'start');
const demoDir = path.join(stateDir, 'demo');
const extensionsDir = path.join(stateDir, 'extensions');
const userDataDir = path.join(stateDir, 'user-data');
const logFile = path.join(stateDir, 'code-server.log');

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `objective-outcome-${version}.vsix`);
const t0 = Date.now();

if (!process.argv.includes('--no-build')) {
  say('Building and packaging the extension (npm run package) ...');
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) fail('npm run package failed (see above).');
}
if (!fs.existsSync(vsix)) fail(`${path.basename(vsix)} is missing; run without --no-build.`);
if (await portInUse(port)) fail(`port ${port} on 127.0.0.1 is already in use; set PORT to another one (PORT=8081 npm start).`);

try {
  ensureCodeServer();
} catch (err) {
  if (err instanceof MissingPrerequisite) fail(err.message);
  throw err;
}

// A clean extensions folder each time, so the demo always runs the .vsix just packaged; a fresh
// demo folder and profile, so no edit or unsaved change of an earlier session shows up again.
fs.rmSync(extensionsDir, { recursive: true, force: true });
fs.rmSync(userDataDir, { recursive: true, force: true });
fs.rmSync(demoDir, { recursive: true, force: true });
fs.cpSync(path.join(repoRoot, 'demo'), demoDir, { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
writeUserSettings(userDataDir, { 'workbench.startupEditor': 'readme', 'files.hotExit': 'onExit' });
installVsix(vsix, { extensionsDir, userDataDir });
fs.writeFileSync(logFile, '');

let server;
try {
  server = await startCodeServer({ port, folder: demoDir, userDataDir, extensionsDir, logFile });
} catch (err) {
  fail(`code-server did not start: ${err.message}`);
}

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`\nStopping code-server (${signal}) ...`);
  await server.stop();
  say('Stopped.');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

say('');
say(`Objective & Outcome ${version} (${extensionId}) is running in VS Code (code-server), ready in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
say(`Open ${workbenchUrl(server.url, demoDir)}`);
say(`Demo notes: ${path.relative(process.cwd(), demoDir) || demoDir}/ (a fresh copy of demo/ at every start; edits there are not kept)`);
say(`Server log: ${path.relative(process.cwd(), logFile)}`);
say('Press Ctrl+C to stop.');

const { code, signal } = await server.exited;
if (!stopping) fail(`code-server exited on its own (${signal ?? `exit ${code}`}); see ${logFile}.`);
