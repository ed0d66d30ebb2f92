// "Check All Meeting Notes" against a stand-in `vscode` module over a real folder: which files
// count, what lands in the Problems panel, the summary, and the watcher keeping it current.
// (The real-VS-Code tier can call executeCommand('objectiveOutcome.checkAllNotes') the same way.)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fixture, ROOT, runCli } from '../helpers';
import { LineIndex } from '../../src/core';
import { installVscodeStandIn, l10n } from './fakes/vscode';

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
/** The user's settings, as `section.key`. */
const settings: Record<string, unknown> = {};
/** Warning and error messages shown to the user. */
const shownMessages: string[] = [];
/** Files whose read hands the check something no file system gives. */
const brokenReads = new Set<string>();

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
    showWarningMessage: (message: string) => {
      shownMessages.push(message);
      return Promise.resolve(undefined);
    },
    showErrorMessage: (message: string) => {
      shownMessages.push(message);
      return Promise.resolve(undefined);
    },
  },
  commands: { registerCommand: noop, executeCommand: () => Promise.resolve() },
  workspace: {
    textDocuments: [] as unknown[],
    findFiles: async (pattern: string | { base: Uri }) => walk(typeof pattern === 'string' ? root : pattern.base.path),
    getWorkspaceFolder: (uri: Uri) => (uri.path.startsWith(root) ? { uri: Uri.file(root) } : undefined),
    getConfiguration: (section?: string) => ({ get: (key: string) => settings[`${section}.${key}`] }),
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
      // A read that "succeeds" with something no file system gives stands in for a bug past the read.
      readFile: async (uri: Uri) => (brokenReads.has(uri.path) ? ({} as Uint8Array) : new Uint8Array(await fs.promises.readFile(uri.path))),
      stat: async (uri: Uri) => {
        const stat = await fs.promises.stat(uri.path);
        return { type: stat.isFile() ? 1 : 2, size: stat.size };
      },
    },
  },
};

// Serve the stand-in to every `require('vscode')` of the compiled extension code.
const uninstallVscodeStandIn = installVscodeStandIn(fakeVscode);
// Loaded after the stand-in is in place, hence require rather than import.
const { WorkspaceCheck } = require('../../src/extension/workspaceCheck') as typeof import('../../src/extension/workspaceCheck');
const { ConfigLoader } = require('../../src/extension/configLoader') as typeof import('../../src/extension/configLoader');
const { lintDocument } = require('../../src/extension/lintDocument') as typeof import('../../src/extension/lintDocument');

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
  uninstallVscodeStandIn();
  fs.rmSync(root, { recursive: true, force: true });
});

test('Check All Meeting Notes puts every note in the Problems panel and keeps it current', { timeout: 30_000 }, async () => {
  const check = new WorkspaceCheck(new ConfigLoader());
  const summary = await check.checkAll({ notify: false });
  assert.deepEqual(
    { ...summary, durationMs: undefined },
    { notesChecked: 3, notesWithProblems: 2, errors: 0, warnings: 1, information: 1, hints: 0, skipped: 1, unreadable: 0, failed: 0, cancelled: false, durationMs: undefined },
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

// --- One path from a file to its findings: the CLI, the open editor and Check All agree. ---

const GOOD = '---\nobjective: Understand how their front desk books patients today\noutcome: They commit to a second meeting on Dec 4\n---\n# Notes\n';
const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'];

/** A workspace of hostile files (the CLI's hostile tests' own), a note too large outside `meetings/`, and a folder .gitignore ignores. */
function hostileWorkspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-pipelines-'));
  // A repository's root: nothing above the temporary folder changes what is checked.
  fs.mkdirSync(path.join(folder, '.git'));
  const hostile = path.join(ROOT, 'test', 'fixtures', 'hostile');
  fs.mkdirSync(path.join(folder, 'meetings', 'x.md'), { recursive: true });
  for (const name of fs.readdirSync(hostile).filter((name) => name.endsWith('.md') && name !== 'README.md')) fs.copyFileSync(path.join(hostile, name), path.join(folder, 'meetings', name));
  fs.writeFileSync(path.join(folder, 'meetings', 'good.md'), GOOD);
  fs.writeFileSync(path.join(folder, 'meetings', 'self-focused.md'), fixture('self-focused.md'));
  fs.writeFileSync(path.join(folder, 'meetings', 'huge.md'), `${GOOD}${'They asked about pricing again. '.repeat(80_000)}\n`);
  fs.writeFileSync(path.join(folder, 'meetings', 'x.md', 'inside.md'), GOOD);
  fs.symlinkSync('loop-b.md', path.join(folder, 'meetings', 'loop-a.md'));
  fs.symlinkSync('loop-a.md', path.join(folder, 'meetings', 'loop-b.md'));
  // A note, by its front matter, far from any notes folder and over the 2 MB limit.
  fs.mkdirSync(path.join(folder, 'journal'));
  fs.writeFileSync(path.join(folder, 'journal', 'big-note.md'), `${GOOD}${'A pasted transcript. '.repeat(120_000)}\n`);
  fs.writeFileSync(path.join(folder, '.gitignore'), 'archive/\n');
  fs.mkdirSync(path.join(folder, 'archive', 'meetings'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'archive', 'meetings', 'old.md'), fixture('missing-outcome.md'));
  fs.writeFileSync(path.join(folder, 'README.md'), '# How we keep notes\n');
  return folder;
}

type Findings = Record<string, string[]>;
const shown = (ruleId: string, severity: string, start: { line: number; character: number }, end: { line: number; character: number }, message: string) =>
  `${ruleId} ${severity} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${message}`;

/** The CLI as a real process: each note's findings as one line each, and the files it could not read. */
function cliFindings(folder: string): { findings: Findings; errors: string[] } {
  const { code, stdout, stderr } = runCli(folder, ['lint', '.', '--format', 'json', '--concurrency', '1']);
  assert.equal(code, 2, `the loop of links is an I/O error: ${stderr}`);
  const findings: Findings = {};
  for (const result of JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[]) {
    findings[result.filePath] = result.messages.map((m) => shown(m.ruleId, m.severity, { line: m.line - 1, character: m.column - 1 }, { line: m.endLine - 1, character: m.endColumn - 1 }, m.message));
  }
  return { findings, errors: stderr.trim().split('\n') };
}

/** Check All over the same folder: what it lists per note (clean notes are not listed), and its summary. */
async function checkAllFindings(folder: string) {
  root = folder;
  const check = new WorkspaceCheck(new ConfigLoader());
  const summary = await check.checkAll({ notify: false });
  const findings: Findings = {};
  for (const [key, diagnostics] of collections.get('objective-outcome-workspace')!) {
    findings[path.relative(folder, Uri.parse(key).path)] = (diagnostics as { code: { value: string }; severity: number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string }[]).map((d) =>
      shown(d.code.value, SEVERITY_NAMES[d.severity], d.range.start, d.range.end, d.message),
    );
  }
  check.dispose();
  return { findings, summary };
}

/** The open editor: each file opened as a document (its text as VS Code decodes UTF-8), linted as the Problems panel does. */
async function editorFindings(folder: string, files: readonly string[]): Promise<Findings> {
  root = folder;
  const configs = new ConfigLoader();
  const findings: Findings = {};
  for (const file of files) {
    const text = new TextDecoder().decode(fs.readFileSync(path.join(folder, file)));
    const document = { uri: Uri.file(path.join(folder, file)), version: 1, getText: () => text };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stand-in document has the shape lintDocument reads
    const lint = await lintDocument(document as any, configs);
    if (lint.findings === undefined) continue;
    const lines = new LineIndex(lint.text);
    findings[file] = [...lint.notices, ...lint.findings].map((f) => shown(f.ruleId, f.severity, lines.positionAt(f.start), lines.positionAt(f.end), f.message));
  }
  configs.dispose();
  return findings;
}

test('the CLI, the open editor and Check All give the same findings for every file of a hostile folder', { timeout: 60_000 }, async () => {
  const folder = hostileWorkspace();
  try {
    const cli = cliFindings(folder);
    assert.ok('meetings/invalid-utf8.md' in cli.findings && 'journal/big-note.md' in cli.findings && !('archive/meetings/old.md' in cli.findings), 'the folder holds what the test is about');
    const listed = Object.fromEntries(Object.entries(cli.findings).filter(([, lines]) => lines.length > 0));
    const checkAll = await checkAllFindings(folder);
    assert.deepEqual(checkAll.findings, listed, 'Check All lists what the CLI reports, finding for finding');
    assert.equal(checkAll.summary.notesChecked, Object.keys(cli.findings).length, 'and checks the same notes');
    assert.equal(checkAll.summary.unreadable, cli.errors.length, `and cannot read the files the CLI cannot read: ${cli.errors.join('; ')}`);
    assert.equal(checkAll.summary.failed, 0);

    const editor = await editorFindings(folder, Object.keys(cli.findings));
    // The editor decodes a file itself (files.encoding): an open buffer's text cannot be "not UTF-8".
    const fromDiskOnly = (lines: string[]) => lines.filter((line) => !line.startsWith('invalid-encoding '));
    assert.deepEqual(editor, Object.fromEntries(Object.entries(cli.findings).map(([file, lines]) => [file, fromDiskOnly(lines)])), 'the open editor shows what the CLI reports');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('Check All checks what .gitignore ignores when objectiveOutcome.checkAll.respectGitignore is off', { timeout: 30_000 }, async () => {
  const folder = hostileWorkspace();
  try {
    assert.equal('archive/meetings/old.md' in (await checkAllFindings(folder)).findings, false, 'ignored by default, as by the CLI');
    settings['objectiveOutcome.checkAll.respectGitignore'] = false;
    assert.equal('archive/meetings/old.md' in (await checkAllFindings(folder)).findings, true);
  } finally {
    delete settings['objectiveOutcome.checkAll.respectGitignore'];
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a bug while checking one file is an error message, not an “unreadable” file, and the other notes are still checked', { timeout: 30_000 }, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-pipelines-'));
  try {
    fs.mkdirSync(path.join(folder, '.git'));
    fs.mkdirSync(path.join(folder, 'meetings'));
    fs.writeFileSync(path.join(folder, 'meetings', 'a.md'), fixture('missing-outcome.md'));
    fs.writeFileSync(path.join(folder, 'meetings', 'b.md'), fixture('missing-outcome.md'));
    brokenReads.add(path.join(folder, 'meetings', 'a.md'));
    shownMessages.length = 0;
    const { findings, summary } = await checkAllFindings(folder);
    assert.deepEqual([summary.failed, summary.unreadable, summary.notesChecked], [1, 0, 1]);
    assert.deepEqual(Object.keys(findings), ['meetings/b.md']);
    assert.equal(shownMessages.length, 1);
    assert.match(shownMessages[0], /could not check .*a\.md \(internal error, please report it\)/);
  } finally {
    brokenReads.clear();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
