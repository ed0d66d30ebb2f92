// "Check All Meeting Notes" against a stand-in `vscode` module over a real folder: which files
// count, what lands in the Problems panel, the summary, and the watcher keeping it current.
// (The real-VS-Code tier can call executeCommand('objectiveOutcome.checkAllNotes') the same way.)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fixture } from '../helpers';
import { l10n } from './fakes/vscode';

type Listener = (value: unknown) => void;

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
  static parse(text: string): Uri {
    return new Uri('file', text.replace(/^file:\/\//, ''));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class Emitter {
  readonly listeners: Listener[] = [];
  readonly event = (listener: Listener) => {
    this.listeners.push(listener);
    return { dispose() {} };
  };
  fire(value?: unknown): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {}
}

const watchers: { onDidChange: Emitter; onDidCreate: Emitter; onDidDelete: Emitter }[] = [];
const collections = new Map<string, Map<string, unknown[]>>();
/** Called after every change to a diagnostic collection, so a test waits for the change it expects, never for a time. */
const collectionChanged = new Set<() => void>();
function notifyCollectionChanged(): void {
  for (const listener of [...collectionChanged]) listener();
}
/** Resolves once `holds()` is true, checking after every change to a diagnostic collection. */
function whenProblems(holds: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!holds()) return;
      collectionChanged.delete(check);
      resolve();
    };
    collectionChanged.add(check);
    check();
  });
}
let root: string;

function walk(folder: string, out: Uri[] = []): Uri[] {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file, out);
    else if (/\.(md|markdown)$/.test(entry.name)) out.push(Uri.file(file));
  }
  return out;
}

const noop = () => ({ dispose() {} });
const fakeVscode = {
  Uri,
  EventEmitter: Emitter,
  Position: class {
    constructor(
      readonly line: number,
      readonly character: number,
    ) {}
  },
  Range: class {
    constructor(
      readonly start: unknown,
      readonly end: unknown,
    ) {}
  },
  Diagnostic: class {
    source?: string;
    code?: unknown;
    constructor(
      readonly range: unknown,
      readonly message: string,
      readonly severity: number,
    ) {}
  },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  RelativePattern: class {
    constructor(
      readonly base: unknown,
      readonly pattern: string,
    ) {}
  },
  FileType: { File: 1, Directory: 2 },
  ProgressLocation: { Window: 10, Notification: 15 },
  languages: {
    createDiagnosticCollection(name: string) {
      const entries = new Map<string, unknown[]>();
      collections.set(name, entries);
      return {
        set: (uri: Uri, diagnostics: unknown[]) => {
          entries.set(uri.toString(), diagnostics);
          notifyCollectionChanged();
        },
        delete: (uri: Uri) => {
          entries.delete(uri.toString());
          notifyCollectionChanged();
        },
        forEach: (callback: (uri: Uri) => void) => [...entries.keys()].forEach((key) => callback(Uri.parse(key))),
        clear: () => entries.clear(),
        dispose: () => entries.clear(),
      };
    },
  },
  l10n,
  window: {
    withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => unknown) => task({ report() {} }, { isCancellationRequested: false }),
    showInformationMessage: () => Promise.resolve(undefined),
  },
  commands: { registerCommand: noop, executeCommand: () => Promise.resolve() },
  workspace: {
    textDocuments: [] as unknown[],
    findFiles: async (pattern: string | { base: Uri }) => walk(typeof pattern === 'string' ? root : pattern.base.path),
    getWorkspaceFolder: (uri: Uri) => (uri.path.startsWith(root) ? { uri: Uri.file(root) } : undefined),
    getConfiguration: () => ({ get: () => undefined }),
    asRelativePath: (uri: Uri) => path.relative(root, uri.path),
    createFileSystemWatcher() {
      const watcher = { onDidChange: new Emitter(), onDidCreate: new Emitter(), onDidDelete: new Emitter() };
      watchers.push(watcher);
      return { onDidChange: watcher.onDidChange.event, onDidCreate: watcher.onDidCreate.event, onDidDelete: watcher.onDidDelete.event, dispose() {} };
    },
    onDidOpenTextDocument: noop,
    onDidCloseTextDocument: noop,
    onDidChangeConfiguration: noop,
    fs: {
      readFile: async (uri: Uri) => new Uint8Array(await fs.promises.readFile(uri.path)),
      stat: async (uri: Uri) => {
        const stat = await fs.promises.stat(uri.path);
        return { type: stat.isFile() ? 1 : 2, size: stat.size };
      },
    },
  },
};

// Serve the stand-in to every `require('vscode')` of the compiled extension code.
const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const realLoad = moduleInternals._load;
moduleInternals._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscode : realLoad.call(this, request, ...rest);
};
// Loaded after the stand-in is in place, hence require rather than import.
const { WorkspaceCheck } = require('../../src/extension/workspaceCheck') as typeof import('../../src/extension/workspaceCheck');
const { ConfigLoader } = require('../../src/extension/configLoader') as typeof import('../../src/extension/configLoader');

function write(relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  fs.writeFileSync(path.join(root, relative), text);
}
const key = (relative: string) => Uri.file(path.join(root, relative)).toString();

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-workspace-'));
  write('.objective-outcome.yaml', 'maxFileSize: 2KB\n');
  write('meetings/self-focused.md', fixture('self-focused.md'));
  write('meetings/good.md', fixture('good.md'));
  write('meetings/huge.md', `${fixture('good.md')}${'a long transcript '.repeat(200)}\n`);
  write('README.md', '# How we keep notes\n');
  write('node_modules/some-package/meetings/readme.md', fixture('missing-outcome.md'));
});

after(() => {
  moduleInternals._load = realLoad;
  fs.rmSync(root, { recursive: true, force: true });
});

test('Check All Meeting Notes puts every note in the Problems panel and keeps it current', { timeout: 30_000 }, async () => {
  const check = new WorkspaceCheck(new ConfigLoader());
  const summary = await check.checkAll({ notify: false });
  assert.deepEqual(
    { ...summary, durationMs: undefined },
    { notesChecked: 3, notesWithProblems: 2, errors: 0, warnings: 1, information: 1, hints: 0, skipped: 1, unreadable: 0, cancelled: false, durationMs: undefined },
  );
  const problems = collections.get('objective-outcome-workspace')!;
  assert.deepEqual([...problems.keys()].sort(), [key('meetings/huge.md'), key('meetings/self-focused.md')], 'clean notes, README and node_modules stay out');

  // The rep fixes the note on disk: the watcher re-checks it after a short pause.
  const watcher = watchers.at(-2)!;
  write('meetings/self-focused.md', fixture('good.md'));
  watcher.onDidChange.fire(Uri.file(path.join(root, 'meetings/self-focused.md')));
  await whenProblems(() => !problems.has(key('meetings/self-focused.md')));

  // A new note appears; a note is deleted.
  write('meetings/new.md', fixture('missing-outcome.md'));
  watcher.onDidCreate.fire(Uri.file(path.join(root, 'meetings/new.md')));
  watcher.onDidDelete.fire(Uri.file(path.join(root, 'meetings/huge.md')));
  await whenProblems(() => problems.has(key('meetings/new.md')));
  assert.deepEqual([...problems.keys()], [key('meetings/new.md')]);

  // A folder of notes moved in on disk is reported as the folder alone, not file by file.
  write('moved/calls/missing.md', fixture('missing-outcome.md'));
  watchers.at(-1)!.onDidCreate.fire(Uri.file(path.join(root, 'moved')));
  await whenProblems(() => problems.has(key('moved/calls/missing.md')));
  assert.deepEqual([...problems.keys()].sort(), [key('meetings/new.md'), key('moved/calls/missing.md')]);
  check.dispose();
});

test('the notes Check All says have problems are the notes the Problems panel lists: a note with only hints is not one', async () => {
  write('.objective-outcome.yaml', 'maxFileSize: 2KB\nrules:\n  prospect-wording: hint\n');
  write('meetings/hint-only.md', `${fixture('good.md')}\nA prospect from the fair.\n`);
  const check = new WorkspaceCheck(new ConfigLoader());
  const summary = await check.checkAll({ notify: false });
  assert.ok(summary.hints >= 1, 'the hint was found');
  const problems = collections.get('objective-outcome-workspace')!;
  const listed = [...problems.values()].filter((diagnostics) => (diagnostics as { severity: number }[]).some((diagnostic) => diagnostic.severity !== fakeVscode.DiagnosticSeverity.Hint));
  assert.equal(summary.notesWithProblems, listed.length);
  check.dispose();
});
