// Starting and stopping code-server, and installing a .vsix into a project-local extensions folder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { codeServerEntry } from './paths.mjs';

/**
 * User settings that make a fresh profile quiet and predictable: no welcome page, no trust prompt,
 * no restored editors from an earlier run, no update or telemetry traffic.
 */
export const quietUserSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.minimap.enabled': false,
};

/** Writes `<userDataDir>/User/settings.json`, merged over the quiet defaults. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...quietUserSettings, ...extra }, null, 2));
}

/** Installs a packaged extension with code-server's own CLI (works offline, about 1 s). */
export function installVsix(vsixPath, { extensionsDir, userDataDir }) {
  const r = spawnSync(
    process.execPath,
    [codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsixPath, '--force'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    throw new Error(`installing ${path.basename(vsixPath)} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

/** Resolves to true when something already listens on host:port. */
export function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Asks the OS for a free local port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group (so stop() takes every child with it) and waits
 * until /healthz answers. Returns { url, port, child, stop }.
 */
export async function startCodeServer({ port, folder, userDataDir, extensionsDir, env = {}, logFile, timeoutMs = 30_000 }) {
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    folder,
  ];
  // A long-lived server (npm start) logs to a file; a test run keeps the output for its report.
  const logFd = logFile ? fs.openSync(logFile, 'a') : undefined;
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: logFd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
    env: { ...process.env, ...env },
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  let captured = '';
  if (child.stdout) child.stdout.on('data', (d) => { captured = (captured + d).slice(-20_000); });
  if (child.stderr) child.stderr.on('data', (d) => { captured = (captured + d).slice(-20_000); });
  const output = () => (logFile ? fs.readFileSync(logFile, 'utf8').slice(-20_000) : captured);
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));

  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exitPromise;
    clearTimeout(timer);
    // Children (extension hosts, file watchers) share the group; make sure none outlive us.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited before it was ready:\n${output()}`);
    try {
      const res = await globalThis.fetch(`${url}/healthz`);
      if (res.ok) return { url, port, child, stop, output, exited: exitPromise };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s:\n${output()}`);
}

/** The workbench URL that opens `folder`, optionally with a development payload. */
export function workbenchUrl(baseUrl, folder, payload) {
  const base = `${new URL(baseUrl).origin}/?folder=${encodeURIComponent(folder).replaceAll('%2F', '/')}`;
  return payload ? `${base}&payload=${encodeURIComponent(JSON.stringify(payload))}` : base;
}
