import vscode = require('vscode');
import { Finding, fileTooLargeNotice, lintMarkdown, SKIPPED_FILE_ID } from '../core';
import type { ConfigLoader } from './configLoader';
import { toDiagnostics } from './diagnostics';
import { notePathOf } from './lintDocument';
import { readSettings } from './settings';

/** Schemes whose documents are the rep's own notes (on disk, unsaved, or on a virtual file system). */
const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-userdata', 'memfs', 'vsls']);

/** Keeps the Problems panel in step with open Markdown notes: lint on open, throttled on type, clear on close. */
export class NoteLinter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('objective-outcome');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped for every lint request of a document; a result whose generation is stale is dropped. */
  private readonly generations = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Each open note's last findings (undefined: not a note) and the version they are for. */
  private readonly results = new Map<string, { version: number; findings: Finding[] | undefined }>();

  constructor(
    private readonly configs: ConfigLoader,
    private readonly docsRoot: vscode.Uri,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        const settings = readSettings(event.document.uri);
        if (settings.run === 'onType') this.schedule(event.document, settings.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('objectiveOutcome')) this.lintAllOpen();
      }),
      configs.onDidChange(() => this.lintAllOpen()),
    );
  }

  /** Lints every open Markdown document. */
  lintAllOpen(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (document.languageId !== 'markdown' || !LINTED_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lint(document, generation);
      }, delayMs),
    );
  }

  private async lint(document: vscode.TextDocument, generation: number): Promise<void> {
    const key = document.uri.toString();
    const settings = readSettings(document.uri);
    this.results.delete(key);
    if (settings.run === 'off') {
      this.diagnostics.delete(document.uri);
      return;
    }
    const { config, root } = await this.configs.forDocument(document.uri);
    // The document may have changed or closed while the config was read: drop this result.
    if (this.generations.get(key) !== generation || document.isClosed) return;
    const text = document.getText();
    const options = { config, path: notePathOf(document.uri, root), severityOverrides: settings.severityOverrides };
    // UTF-16 length never exceeds the UTF-8 size, so a text longer than the limit is surely over it.
    const tooLarge = fileTooLargeNotice(text.length, config.maxFileSize);
    if (tooLarge) {
      // Only the head is read, to tell a note from any other big Markdown file.
      const isNote = lintMarkdown(text.slice(0, 64 * 1024), options) !== undefined;
      if (isNote) this.diagnostics.set(document.uri, [skippedFileDiagnostic(tooLarge.message, this.docsRoot)]);
      else this.diagnostics.delete(document.uri);
      return;
    }
    const findings = lintMarkdown(text, options);
    this.results.set(key, { version: document.version, findings });
    if (findings === undefined) this.diagnostics.delete(document.uri);
    else this.diagnostics.set(document.uri, toDiagnostics(document, findings, this.docsRoot));
  }

  /** The last lint's findings when they are for the document's current version, so others need not lint again. */
  lastFindings(document: vscode.TextDocument): { findings: Finding[] | undefined } | undefined {
    const result = this.results.get(document.uri.toString());
    return result && result.version === document.version ? { findings: result.findings } : undefined;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.results.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.delete(key);
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.results.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.diagnostics.dispose();
  }
}


/** The one diagnostic of a note too large to check, linked to the page that explains the limit. */
export function skippedFileDiagnostic(message: string, docsRoot: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = 'objective-outcome';
  diagnostic.code = { value: SKIPPED_FILE_ID, target: vscode.Uri.joinPath(docsRoot, `${SKIPPED_FILE_ID}.md`) };
  return diagnostic;
}
