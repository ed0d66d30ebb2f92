// Provisions a real VS Code (code-server from the npm registry) and a Chromium to drive it.
// Recipe and traps: ../../../shared/notes/real-vscode.md (kerberos needs libkrb5-dev, node-pty
// calls `npx node-gyp`, @vscode/ripgrep downloads from GitHub unless its cache is primed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CODE_SERVER_VERSION,
  cacheRoot,
  codeServerDir,
  codeServerEntry,
  codeServerMarker,
} from './paths.mjs';

/** A problem the user fixes by installing something; reported as one line, never a stack. */
export class MissingPrerequisite extends Error {}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const log = (msg) => process.stderr.write(`[vscode] ${msg}\n`);

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function debPackageInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;
/** Installs Debian packages when we are root on a Debian-like system; otherwise says what to run. */
function aptInstall(packages, why) {
  const hint = `sudo apt-get install -y ${packages.join(' ')}`;
  if (!isRoot || !commandExists('apt-get')) {
    throw new MissingPrerequisite(`${why}: install it with \`${hint}\` and run again.`);
  }
  log(`installing ${packages.join(' ')} with apt-get (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  let r = install();
  if (r.status !== 0 && !aptUpdated) {
    aptUpdated = true;
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    r = install();
  }
  if (r.status !== 0) throw new MissingPrerequisite(`${why}: \`${hint}\` failed; install it by hand and run again.`);
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Returns the path of a Chromium for playwright-core, installing Debian's when we can. */
export function ensureChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new MissingPrerequisite(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  let found = CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  aptInstall(['chromium'], 'the real-VS-Code tests need Chromium (or set CHROMIUM_PATH)');
  found = CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new MissingPrerequisite('Chromium was installed but not found in /usr/bin; set CHROMIUM_PATH.');
  return found;
}

/** Native build prerequisites of code-server's dependencies (kerberos, node-pty) and ripgrep. */
function ensureBuildPrerequisites() {
  const missing = [];
  if (!debPackageInstalled('libkrb5-dev') && !fs.existsSync('/usr/include/krb5.h')) missing.push('libkrb5-dev');
  if (!commandExists('pkg-config')) missing.push('pkg-config');
  if (!commandExists('rg')) missing.push('ripgrep');
  if (!commandExists('make') || !commandExists('g++')) missing.push('build-essential');
  if (!commandExists('python3')) missing.push('python3');
  if (missing.length) aptInstall(missing, `provisioning code-server ${CODE_SERVER_VERSION} needs ${missing.join(', ')}`);
}

/**
 * @vscode/ripgrep's postinstall downloads `rg` from GitHub (unreachable here). It first looks for
 * a cached archive in the OS temp dir; an archive holding Debian's `rg` satisfies it. code-server
 * 4.100 ships @vscode/ripgrep 1.15.11 and 4.90 ships 1.15.9: both fetch the same rg release.
 */
const RIPGREP_PACKAGE_VERSIONS = ['1.15.11', '1.15.9'];

function primeRipgrepCache() {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  for (const version of RIPGREP_PACKAGE_VERSIONS) {
    const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${version}`);
    const archive = path.join(cacheDir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
    if (fs.existsSync(archive)) continue;
    fs.mkdirSync(cacheDir, { recursive: true });
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-rg-'));
    try {
      fs.copyFileSync(rg, path.join(staging, 'rg'));
      fs.chmodSync(path.join(staging, 'rg'), 0o755);
      const r = spawnSync('tar', ['-czf', archive, '-C', staging, 'rg'], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error('could not build the ripgrep cache archive');
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
}

export function codeServerIsProvisioned() {
  try {
    return fs.readFileSync(codeServerMarker, 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(codeServerEntry);
  } catch {
    return false;
  }
}

/** Installs code-server into `.cache/vscode/code-server-<version>/` once; later calls reuse it. */
export function ensureCodeServer() {
  if (codeServerIsProvisioned()) return codeServerEntry;
  if (process.arch !== 'x64' || process.platform !== 'linux') {
    throw new MissingPrerequisite(`the real-VS-Code tier is set up for linux-x64 only (this is ${process.platform}-${process.arch}).`);
  }
  ensureBuildPrerequisites();
  primeRipgrepCache();
  const started = Date.now();
  log(`provisioning code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), codeServerDir) || codeServerDir} (first run only, about 2 minutes)`);
  // Install into a staging folder and rename at the end, so an interrupted install never looks done.
  fs.mkdirSync(cacheRoot, { recursive: true });
  const staging = `${codeServerDir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({ name: 'objective-outcome-code-server', private: true, description: 'git-ignored cache of code-server for the e2e tier and npm start' }, null, 2),
  );
  const env = {
    ...process.env,
    // Its postinstall refuses to run as root without this.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which is cancelled when npm asks to confirm.
    npm_config_yes: 'true',
    // npm 11 blocks dependency install scripts by default; code-server needs its own and those of
    // the nested `npm install` its postinstall runs (kerberos, node-pty, ripgrep). This only
    // applies to this isolated cache folder.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // code-server 4.90's kerberos 2.0.1 bundles a node-addon-api older than Node 20.20's headers:
    // g++ rejects one pointer conversion as an error unless told to be permissive (harmless here).
    ...(CODE_SERVER_VERSION === '4.90.3' ? { CXXFLAGS: `${process.env.CXXFLAGS ?? ''} -fpermissive`.trim() } : {}),
  };
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: staging,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const entry = path.join(staging, path.relative(codeServerDir, codeServerEntry));
  if (r.status !== 0 || !fs.existsSync(entry)) {
    throw new MissingPrerequisite(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}); see the npm output above.`);
  }
  fs.rmSync(codeServerDir, { recursive: true, force: true });
  fs.renameSync(staging, codeServerDir);
  fs.writeFileSync(codeServerMarker, `${CODE_SERVER_VERSION}\n`);
  log(`code-server ${CODE_SERVER_VERSION} provisioned in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry;
}

// `node scripts/vscode/provision.mjs` provisions everything ahead of time (used by .ci/run too).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    ensureCodeServer();
    if (!process.argv.includes('--no-chromium')) ensureChromium();
  } catch (err) {
    if (err instanceof MissingPrerequisite) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
