import vscode = require('vscode');
import { LineIndex, lintFile, matchesAny, NOTE_HEAD_BYTES, Severity, SKIPPED_FILE_ID } from '../core';
import type { ConfigLoader, LoadedConfig } from './configLoader';
import { noticeDiagnostic, toDiagnostics } from './diagnostics';
import { notePathOf } from './lintDocument';
import { readSettings } from './settings';
import { WorkspaceGitignore } from './workspaceGitignore';

/** What "Check All Meeting Notes" found; returned by the command so scripts and tests can read it. */
export interface CheckAllSummary {
  /** Markdown files that are meeting notes and were checked (or skipped with a notice). */
  notesChecked: number;
  /** Notes with something the Problems panel lists (a hint is not listed there). */
  notesWithProblems: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  /** Notes not checked: over maxFileSize, or binary. */
  skipped: number;
  /** Files that could not be read (deleted meanwhile, no permission). */
  unreadable: number;
  /** Files the check failed on through a bug of its own: each is reported in an error message, never counted as unreadable. */
  failed: number;
  cancelled: boolean;
  durationMs: number;
}

export const CHECK_ALL_COMMAND = 'objectiveOutcome.checkAllNotes';
const MARKDOWN_GLOB = '**/*.{md,markdown}';
/** Files read at once: enough to hide latency on a remote file system, few enough to stay responsive. */
const PARALLEL_READS = 8;
const WATCH_DEBOUNCE_MS = 300;
/**
 * vscode.workspace.fs reads a file whole. A file over the size limit is read to tell whether it is
 * a note from its front matter, unless it is larger than this: then its path alone decides.
 */
const MAX_BYTES_READ = 64 * 1024 * 1024;

/** What checking one file gave: its diagnostics, no note, not readable, or a bug. */
type FileCheck = vscode.Diagnostic[] | undefined | 'unreadable' | { failed: unknown };

/**
 * Registers "Check All Meeting Notes": every note of the workspace in the Problems panel, kept
 * current as files change on disk. Open notes keep the editor's live results instead.
 */
export function registerWorkspaceCheck(context: vscode.ExtensionContext, configs: ConfigLoader): WorkspaceCheck {
  const check = new WorkspaceCheck(configs);
  context.subscriptions.push(check, vscode.commands.registerCommand(CHECK_ALL_COMMAND, () => check.checkAll({ notify: true })));
  if (vscode.workspace.getConfiguration('objectiveOutcome').get<boolean>('checkAllOnOpen') === true) {
    void check.checkAll({ notify: false });
  }
  return check;
}

/** The notes of the whole workspace, read from disk, in their own diagnostic collection. */
export class WorkspaceCheck implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('objective-outcome-workspace');
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Created by the first check, so activation stays lean for reps who never run it. */
  private watching = false;
  private readonly queued = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each full check; a full check that is no longer the latest stops. */
  private generation = 0;

  constructor(private readonly configs: ConfigLoader) {}

  /** Finds and checks every note, with a cancellable notification (or in the status bar when `notify` is false). */
  async checkAll(options: { notify: boolean }): Promise<CheckAllSummary> {
    const generation = ++this.generation;
    this.startWatching();
    const summary = await vscode.window.withProgress(
      {
        location: options.notify ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Checking meeting notes'),
        cancellable: true,
      },
      (progress, token) => this.run(generation, progress, token),
    );
    if (options.notify && !summary.cancelled) {
      const problems = summary.notesWithProblems === 0 ? vscode.l10n.t('no problems') : vscode.l10n.t('{0} with problems', summary.notesWithProblems);
      const note =
        summary.notesChecked === 1
          ? vscode.l10n.t('Checked 1 meeting note: {0}.', problems)
          : vscode.l10n.t('Checked {0} meeting notes: {1}.', summary.notesChecked, problems);
      void vscode.window.showInformationMessage(note, vscode.l10n.t('Show Problems')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return summary;
  }

  private async run(generation: number, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<CheckAllSummary> {
    const started = Date.now();
    const summary = emptySummary();
    // undefined exclude: VS Code applies files.exclude; the config's include/exclude decide per file below.
    const found = await vscode.workspace.findFiles(MARKDOWN_GLOB, undefined, undefined, token);
    const gitignore = this.gitignore();
    const candidates = found.filter((uri) => !/\/(?:node_modules|\.git)\//.test(uri.path));
    const ignored = await Promise.all(candidates.map((uri) => this.isIgnored(uri, gitignore)));
    const files = candidates.filter((_, index) => !ignored[index]).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const stale = new Set<string>();
    this.diagnostics.forEach((uri) => stale.add(uri.toString()));
    const step = files.length === 0 ? 100 : 100 / files.length;
    let done = 0;
    for (let index = 0; index < files.length; index += PARALLEL_READS) {
      if (token.isCancellationRequested || generation !== this.generation) {
        summary.cancelled = true;
        break;
      }
      const batch = files.slice(index, index + PARALLEL_READS);
      const results = await Promise.all(batch.map((uri) => this.checkFile(uri)));
      for (const [position, result] of results.entries()) {
        const uri = batch[position];
        stale.delete(uri.toString());
        this.apply(uri, result, summary);
      }
      done += batch.length;
      progress.report({ increment: step * batch.length, message: vscode.l10n.t('{0} of {1} Markdown files', done, files.length) });
    }
    // Notes that no longer exist (or are now excluded) lose their old results; a cancelled run keeps them.
    if (!summary.cancelled) for (const key of stale) this.diagnostics.delete(vscode.Uri.parse(key));
    summary.durationMs = Date.now() - started;
    return summary;
  }

  /**
   * Lints one file from disk with the core's one path from a file to its findings, as the CLI does:
   * its diagnostics, `undefined` when it is no note, 'unreadable', or the bug that stopped it.
   */
  private async checkFile(uri: vscode.Uri): Promise<FileCheck> {
    let loaded: LoadedConfig, bytes: Uint8Array, size: number;
    try {
      loaded = await this.configs.forDocument(uri);
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & vscode.FileType.File) === 0) return undefined;
      size = stat.size;
      bytes = size > MAX_BYTES_READ ? new Uint8Array(0) : await vscode.workspace.fs.readFile(uri);
    } catch {
      return 'unreadable';
    }
    try {
      const { config, root } = loaded;
      const settings = readSettings(uri);
      // Over the limit only the head counts, as the CLI reads it.
      const content = size > config.maxFileSize ? { bytes: bytes.subarray(0, NOTE_HEAD_BYTES), size: Math.max(size, bytes.length) } : { bytes };
      const linted = lintFile(content, { config, path: notePathOf(uri, root), severityOverrides: settings.severityOverrides });
      if (linted.kind === 'not-a-note') return undefined;
      const lines = new LineIndex(linted.text);
      // The diagnostics only ask for positions; a closed file's text answers the same as a document.
      const positions = {
        positionAt: (offset: number) => {
          const position = lines.positionAt(offset);
          return new vscode.Position(position.line, position.character);
        },
      };
      return [...linted.notices.map((notice) => noticeDiagnostic(positions, notice)), ...toDiagnostics(positions, linted.findings)];
    } catch (error) {
      return { failed: error };
    }
  }

  /** `.gitignore` is honoured unless the setting turns it off (read per check, so a change applies to the next). */
  private gitignore(): WorkspaceGitignore | undefined {
    if (vscode.workspace.getConfiguration('objectiveOutcome').get<boolean>('checkAll.respectGitignore') === false) return undefined;
    return new WorkspaceGitignore((message) => void vscode.window.showWarningMessage(message));
  }

  private async isIgnored(uri: vscode.Uri, gitignore: WorkspaceGitignore | undefined): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return gitignore !== undefined && folder !== undefined && (await gitignore.isIgnored(uri, folder.uri));
  }

  private apply(uri: vscode.Uri, result: FileCheck, summary: CheckAllSummary): void {
    if (result !== undefined && !Array.isArray(result) && result !== 'unreadable') {
      // A bug, not the rep's file: say so plainly, with the stack in the log for the report.
      summary.failed++;
      this.diagnostics.delete(uri);
      console.error(`objective-outcome: internal error checking ${uri.toString()}:`, result.failed);
      const reason = result.failed instanceof Error ? result.failed.message : String(result.failed);
      void vscode.window.showErrorMessage(vscode.l10n.t('Objective & Outcome could not check {0} (internal error, please report it): {1}', vscode.workspace.asRelativePath(uri), reason));
      return;
    }
    if (result === 'unreadable') {
      summary.unreadable++;
      this.diagnostics.delete(uri);
      return;
    }
    if (result === undefined) {
      this.diagnostics.delete(uri);
      return;
    }
    summary.notesChecked++;
    // Counted as the Problems panel lists them: it never shows hints.
    if (result.some((diagnostic) => diagnostic.severity !== vscode.DiagnosticSeverity.Hint)) summary.notesWithProblems++;
    for (const diagnostic of result) {
      if (typeof diagnostic.code === 'object' && diagnostic.code.value === SKIPPED_FILE_ID) summary.skipped++;
      summary[SUMMARY_KEY[severityOf(diagnostic)]]++;
    }
    // An open note shows the editor's live results; showing the disk's too would list each twice.
    if (isOpen(uri) || result.length === 0) this.diagnostics.delete(uri);
    else this.diagnostics.set(uri, result);
  }

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/');
    this.subscriptions.push(
      watcher,
      folderWatcher,
      watcher.onDidChange((uri) => this.queue(uri)),
      watcher.onDidCreate((uri) => this.queue(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      folderWatcher.onDidCreate((uri) => void this.queueFolder(uri)),
      folderWatcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidOpenTextDocument((document) => this.diagnostics.delete(document.uri)),
      // A closed note falls back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (/\.(?:md|markdown)$/i.test(document.uri.path) && document.uri.scheme !== 'untitled') this.queue(document.uri);
      }),
      this.configs.onDidChange(() => void this.checkAll({ notify: false })),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('files.exclude')) this.filesExcludeChanged();
      }),
    );
  }

  /** Notes hidden by `files.exclude` now lose their problems at once; a quiet full check finds notes it no longer hides. */
  private filesExcludeChanged(): void {
    const hidden: vscode.Uri[] = [];
    this.diagnostics.forEach((uri) => {
      if (isExcludedByFilesExclude(uri)) hidden.push(uri);
    });
    for (const uri of hidden) this.diagnostics.delete(uri);
    void this.checkAll({ notify: false });
  }

  private queue(uri: vscode.Uri): void {
    if (/\/(?:node_modules|\.git)\//.test(uri.path)) return;
    this.queued.set(uri.toString(), uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flushQueue(), WATCH_DEBOUNCE_MS);
  }

  /** A folder moved or renamed on disk is reported alone, not file by file: re-check the notes in it. */
  private async queueFolder(folder: vscode.Uri): Promise<void> {
    if (/\/(?:node_modules|\.git)(?:\/|$)/.test(folder.path)) return;
    try {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKDOWN_GLOB))) this.queue(uri);
    } catch {
      // The folder went away again: its delete event clears whatever it held.
    }
  }

  private async flushQueue(): Promise<void> {
    const uris = [...this.queued.values()];
    this.queued.clear();
    const uncounted = emptySummary();
    const gitignore = this.gitignore();
    for (const uri of uris) {
      if (!vscode.workspace.getWorkspaceFolder(uri) || isExcludedByFilesExclude(uri)) continue;
      if (await this.isIgnored(uri, gitignore)) {
        this.diagnostics.delete(uri);
        continue;
      }
      this.apply(uri, await this.checkFile(uri), uncounted);
    }
  }

  /** Drops the results of a deleted file, or of every file under a deleted folder. */
  private forget(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    const gone: vscode.Uri[] = [uri];
    this.diagnostics.forEach((candidate) => {
      if (candidate.toString().startsWith(prefix)) gone.push(candidate);
    });
    for (const candidate of gone) {
      this.queued.delete(candidate.toString());
      this.diagnostics.delete(candidate);
    }
  }

  dispose(): void {
    this.generation++;
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.diagnostics.dispose();
  }
}

function emptySummary(): CheckAllSummary {
  return { notesChecked: 0, notesWithProblems: 0, errors: 0, warnings: 0, information: 0, hints: 0, skipped: 0, unreadable: 0, failed: 0, cancelled: false, durationMs: 0 };
}

const SUMMARY_KEY: Record<Severity, 'errors' | 'warnings' | 'information' | 'hints'> = { error: 'errors', warning: 'warnings', info: 'information', hint: 'hints' };

function severityOf(diagnostic: vscode.Diagnostic): Severity {
  switch (diagnostic.severity) {
    case vscode.DiagnosticSeverity.Error:
      return 'error';
    case vscode.DiagnosticSeverity.Warning:
      return 'warning';
    case vscode.DiagnosticSeverity.Information:
      return 'info';
    default:
      return 'hint';
  }
}

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
}

/** files.exclude for a file the watcher reports (findFiles applies it for the full check). */
function isExcludedByFilesExclude(uri: vscode.Uri): boolean {
  const excludes = vscode.workspace.getConfiguration('files', uri).get<Record<string, unknown>>('exclude') ?? {};
  const globs = Object.entries(excludes)
    .filter(([, on]) => on === true)
    .flatMap(([glob]) => [glob, `${glob}/**`]);
  return matchesAny(vscode.workspace.asRelativePath(uri, false), globs);
}
