// Where the real-VS-Code tooling keeps things. Everything lives under the repo's git-ignored
// `.cache/vscode/`, never in the user's own ~/.vscode* or ~/.local/share/code-server.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The VS Code versions the e2e tier runs against, each as the code-server release that ships it:
 * 1.100 (4.100.3, the newest that still runs on Node 20) by default, and 1.90 (4.90.3), the oldest
 * the manifest's `engines.vscode` claims, with `OO_E2E_VSCODE=1.90`.
 */
export const CODE_SERVER_FOR_VSCODE = { '1.100': '4.100.3', '1.90': '4.90.3' };
export const VSCODE_VERSION = process.env.OO_E2E_VSCODE || '1.100';
if (!(VSCODE_VERSION in CODE_SERVER_FOR_VSCODE)) {
  throw new Error(`OO_E2E_VSCODE=${VSCODE_VERSION} is not one of ${Object.keys(CODE_SERVER_FOR_VSCODE).join(', ')}`);
}
export const CODE_SERVER_VERSION = CODE_SERVER_FOR_VSCODE[VSCODE_VERSION];

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheRoot = path.join(repoRoot, '.cache', 'vscode');
export const codeServerDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
/** Written last by a successful provisioning; its presence means the cache can be reused. */
export const codeServerMarker = path.join(codeServerDir, '.provisioned');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const extensionId = 'objective-outcome.objective-outcome';
