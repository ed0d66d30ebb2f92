// Where the real-VS-Code tooling keeps things. Everything lives under the repo's git-ignored
// `.cache/vscode/`, never in the user's own ~/.vscode* or ~/.local/share/code-server.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** code-server 4.100.3 ships VS Code 1.100.3 and still runs on Node 20 (newer ones need Node 24). */
export const CODE_SERVER_VERSION = '4.100.3';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheRoot = path.join(repoRoot, '.cache', 'vscode');
export const codeServerDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
/** Written last by a successful provisioning; its presence means the cache can be reused. */
export const codeServerMarker = path.join(codeServerDir, '.provisioned');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const extensionId = 'objective-outcome.objective-outcome';
