// The benchmark's peer, markdownlint-cli2, lives in a git-ignored cache folder instead of the
// project's devDependencies: only `npm run bench` needs it, and it brought 46 packages into every
// `npm ci`. Installed on first use at a pinned version, so every bench compares against the same.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The markdownlint-cli2 release the figures in docs/ were measured against. */
export const PEER_VERSION = '0.22.1';

/** The peer's command-line script, installing it into `<root>/.cache/bench-peer` first if needed. */
export function benchPeerScript(root: string): string {
  const folder = path.join(root, '.cache', 'bench-peer');
  const installed = path.join(folder, 'node_modules', 'markdownlint-cli2');
  if (installedVersion(installed) !== PEER_VERSION) {
    console.log(`bench: installing the peer, markdownlint-cli2 ${PEER_VERSION}, into ${path.relative(root, folder)} (once)`);
    fs.mkdirSync(folder, { recursive: true });
    // A package.json of its own, so npm installs here and never touches the project's lock file.
    fs.writeFileSync(path.join(folder, 'package.json'), `${JSON.stringify({ name: 'bench-peer', private: true }, null, 2)}\n`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', `markdownlint-cli2@${PEER_VERSION}`], { cwd: folder, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0 || installedVersion(installed) !== PEER_VERSION) throw new Error(`bench: could not install markdownlint-cli2 ${PEER_VERSION} into ${folder}`);
  }
  return path.join(installed, 'markdownlint-cli2-bin.mjs');
}

function installedVersion(packageFolder: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
