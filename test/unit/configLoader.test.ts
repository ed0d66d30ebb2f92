// The editor's config search against a stand-in `vscode` module over a real folder: its
// vscode.workspace.fs answers as VS Code's disk file system does (stat follows links; a device,
// a FIFO or a socket is FileType.Unknown; errors carry FileSystemError codes).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { installVscodeStandIn } from './fakes/vscode';

class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(file: string): Uri {
    return new Uri('file', file);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };
const codeOf: Record<string, string> = { ENOENT: 'FileNotFound', ENOTDIR: 'FileNotADirectory', EACCES: 'NoPermissions', EPERM: 'NoPermissions', EISDIR: 'FileIsADirectory' };
const fileSystemError = (error: NodeJS.ErrnoException) => Object.assign(new Error(error.message), { code: codeOf[error.code ?? ''] ?? 'Unknown' });

const problems = new Map<string, string[]>();
let workspaceFolder: string;
const fakeVscode = {
  Uri,
  FileType,
  EventEmitter: class {
    event = () => ({ dispose() {} });
    fire() {}
    dispose() {}
  },
  Range: class {},
  Diagnostic: class {
    source?: string;
    constructor(
      readonly range: unknown,
      readonly message: string,
    ) {}
  },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  languages: {
    createDiagnosticCollection: () => ({
      set: (uri: Uri, diagnostics: { message: string }[]) => problems.set(path.relative(workspaceFolder, uri.path), diagnostics.map((diagnostic) => diagnostic.message)),
      clear: () => problems.clear(),
      dispose() {},
    }),
  },
  workspace: {
    getWorkspaceFolder: (uri: Uri) => (uri.path.startsWith(`${workspaceFolder}/`) ? { uri: Uri.file(workspaceFolder) } : undefined),
    createFileSystemWatcher: () => ({ onDidChange() {}, onDidCreate() {}, onDidDelete() {}, dispose() {} }),
    fs: {
      async stat(uri: Uri) {
        try {
          const linked = (await fs.promises.lstat(uri.path)).isSymbolicLink() ? FileType.SymbolicLink : 0;
          const stat = await fs.promises.stat(uri.path);
          return { type: (stat.isFile() ? FileType.File : stat.isDirectory() ? FileType.Directory : FileType.Unknown) | linked, size: stat.size };
        } catch (error) {
          throw fileSystemError(error as NodeJS.ErrnoException);
        }
      },
      // As VS Code's: reads to the end, however long that takes.
      async readFile(uri: Uri) {
        try {
          return new Uint8Array(await fs.promises.readFile(uri.path));
        } catch (error) {
          throw fileSystemError(error as NodeJS.ErrnoException);
        }
      },
    },
  },
};

const uninstallVscodeStandIn = installVscodeStandIn(fakeVscode);
// Loaded after the stand-in is in place, hence require rather than import.
const { ConfigLoader } = require('../../src/extension/configLoader') as typeof import('../../src/extension/configLoader');

function put(relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(workspaceFolder, relative)), { recursive: true });
  fs.writeFileSync(path.join(workspaceFolder, relative), text);
}

/** The config the editor uses for a note, and where its globs are relative to. */
async function configFor(note: string) {
  const loader = new ConfigLoader();
  try {
    const { config, root } = await loader.forDocument(Uri.file(path.join(workspaceFolder, note)) as never);
    return { rules: config.rules, root: root && path.relative(workspaceFolder, (root as unknown as Uri).path) };
  } finally {
    loader.dispose();
  }
}

const LENIENT = 'rules:\n  missing-outcome: off\n';
const REFUSED = '.objective-outcome.yaml: not read: it is not a regular file (a device, a pipe or a socket?); the notes under it are checked with the default rules.';
const onPosix = process.platform !== 'win32';

before(() => {
  workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-config-loader-'));
  put('.objective-outcome.yaml', LENIENT);
});

after(() => {
  uninstallVscodeStandIn();
  fs.rmSync(workspaceFolder, { recursive: true, force: true });
});

test('the nearest config up to the workspace folder applies', async () => {
  put('team/meetings/a.md', '');
  assert.deepEqual(await configFor('team/meetings/a.md'), { rules: { 'missing-outcome': 'off' }, root: '' });
});

test('a repository inside the workspace folder stops the search at its root, as the CLI does', async () => {
  fs.mkdirSync(path.join(workspaceFolder, 'repo', '.git'), { recursive: true });
  put('repo/meetings/a.md', '');
  assert.deepEqual(await configFor('repo/meetings/a.md'), { rules: {}, root: 'repo' });
});

test('a config that is a folder is a clear problem, and the notes under it get the default rules', async () => {
  fs.mkdirSync(path.join(workspaceFolder, 'folder', '.objective-outcome.yaml'), { recursive: true });
  assert.deepEqual(await configFor('folder/meetings/a.md'), { rules: {}, root: 'folder' });
  assert.deepEqual(problems.get('folder/.objective-outcome.yaml'), [
    '.objective-outcome.yaml: not read: it is a folder, not a file; the notes under it are checked with the default rules.',
  ]);
});

for (const [kind, make] of [
  ['a link to /dev/zero', (file: string) => fs.symlinkSync('/dev/zero', file)],
  ['a link to /dev/stdin', (file: string) => fs.symlinkSync('/dev/stdin', file)],
  ['a FIFO', (file: string) => assert.equal(spawnSync('mkfifo', [file]).status, 0, 'mkfifo')],
] as const) {
  test(`a config that is ${kind} is refused from its stat, never read`, { skip: !onPosix && 'POSIX devices and FIFOs', timeout: 20_000 }, async () => {
    const folder = kind.replace(/\W+/g, '-');
    fs.mkdirSync(path.join(workspaceFolder, folder));
    make(path.join(workspaceFolder, folder, '.objective-outcome.yaml'));
    assert.deepEqual(await configFor(`${folder}/meetings/a.md`), { rules: {}, root: folder });
    assert.deepEqual(problems.get(`${folder}/.objective-outcome.yaml`), [REFUSED]);
  });
}

test('a config over 1 MB is refused with a clear problem', async () => {
  put('big/.objective-outcome.yaml', `rules:\n  weak-outcome: error\n${'#'.repeat(1024 * 1024)}\n`);
  assert.deepEqual(await configFor('big/meetings/a.md'), { rules: {}, root: 'big' });
  assert.deepEqual(problems.get('big/.objective-outcome.yaml'), ['.objective-outcome.yaml: not read: it is over the 1 MB limit; the notes under it are checked with the default rules.']);
});
