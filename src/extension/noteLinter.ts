import vscode = require('vscode');
import { Finding, fileTooLargeNotice, lintMarkdown, RuleId, SKIPPED_FILE_ID } from '../core';
import type { ConfigLoader } from './configLoader';
import { rulePageTarget, toDiagnostics } from './diagnostics';
import { notePathOf } from './lintDocument';
import { readSettings } from './settings';

/** Schemes whose documents are the rep's own notes (on disk, unsaved, or on a virtual file system). */
const LINTED_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-userdata', 'memfs', 'vsls']);
/** However fast the rep types, a note is checked at least this often: a fixed problem never lingers. */
const MAX_WAIT_MS = 1000;
/** Focus mode: the line being typed on is left alone until the rep stops typing this long (or leaves it). */
export const FOCUS_PAUSE_MS = 1500;

/** The line a rep is typing on, whose findings wait until they pause or move away. */
interface Focus {
  line: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Keeps the Problems panel in step with open Markdown notes: lint on open, throttled on type, clear
 * on close. In focus mode (like markdownlint's) the line being typed on shows nothing new until the
 * rep pauses or leaves it: one typed letter is no "weak outcome" yet.
 */
export class NoteLinter implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('objective-outcome');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When the oldest change not yet linted was made, per document: bounds the debounce. */
  private readonly pendingSince = new Map<string, number>();
  /** Bumped for every lint request of a document; a result whose generation is stale is dropped. */
  private readonly generations = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Each open note's last findings (undefined: not a note) and the version they are for. */
  private readonly results = new Map<string, { version: number; findings: Finding[] | undefined; turnedOff: RuleId[] }>();
  private readonly focus = new Map<string, Focus>();

  constructor(private readonly configs: ConfigLoader) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        const settings = readSettings(event.document.uri);
        if (settings.run !== 'onType') return;
        if (settings.focusMode && isTyping(event)) this.focusOn(event.document, event.contentChanges[0].range.start.line);
        this.schedule(event.document, settings.debounceMs);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const key = event.textEditor.document.uri.toString();
        const focus = this.focus.get(key);
        if (focus && event.selections[0]?.active.line !== focus.line) this.unfocus(event.textEditor.document);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        this.unfocus(document);
        this.schedule(document, 0);
      }),
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
    const now = Date.now();
    const since = this.pendingSince.get(key) ?? now;
    this.pendingSince.set(key, since);
    // A debounce alone never fires while the rep keeps typing; the oldest change bounds the wait.
    const delay = Math.min(delayMs, Math.max(0, since + MAX_WAIT_MS - now));
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.pendingSince.delete(key);
        void this.lint(document, generation);
      }, delay),
    );
  }

  private focusOn(document: vscode.TextDocument, line: number): void {
    const key = document.uri.toString();
    clearTimeout(this.focus.get(key)?.timer);
    this.focus.set(key, { line, timer: setTimeout(() => this.unfocus(document), FOCUS_PAUSE_MS) });
  }

  /** The rep paused or left the line: show everything the last lint found. */
  private unfocus(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const focus = this.focus.get(key);
    if (!focus) return;
    clearTimeout(focus.timer);
    this.focus.delete(key);
    this.render(document);
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
    const turnedOff: RuleId[] = [];
    const options = { config, path: notePathOf(document.uri, root), severityOverrides: settings.severityOverrides, turnedOff };
    // UTF-16 length never exceeds the UTF-8 size, so a text longer than the limit is surely over it.
    const tooLarge = fileTooLargeNotice(text.length, config.maxFileSize);
    if (tooLarge) {
      // Only the head is read, to tell a note from any other big Markdown file.
      const isNote = lintMarkdown(text.slice(0, 64 * 1024), options) !== undefined;
      if (isNote) this.diagnostics.set(document.uri, [skippedFileDiagnostic(tooLarge.message)]);
      else this.diagnostics.delete(document.uri);
      return;
    }
    const findings = lintMarkdown(text, options);
    this.results.set(key, { version: document.version, findings, turnedOff });
    this.render(document);
  }

  /** Shows the last findings, holding back those on the line in focus. */
  private render(document: vscode.TextDocument): void {
    const result = this.results.get(document.uri.toString());
    if (!result || result.version !== document.version) return;
    if (result.findings === undefined) {
      this.diagnostics.delete(document.uri);
      return;
    }
    const focus = this.focus.get(document.uri.toString());
    const shown = focus
      ? result.findings.filter((finding) => document.positionAt(finding.start).line > focus.line || document.positionAt(finding.end).line < focus.line)
      : result.findings;
    this.diagnostics.set(document.uri, toDiagnostics(document, shown));
  }

  /** The last lint's findings when they are for the document's current version, so others need not lint again. */
  lastFindings(document: vscode.TextDocument): { findings: Finding[] | undefined; turnedOff: RuleId[] } | undefined {
    const result = this.results.get(document.uri.toString());
    return result && result.version === document.version ? { findings: result.findings, turnedOff: result.turnedOff } : undefined;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.results.delete(key);
    clearTimeout(this.timers.get(key));
    clearTimeout(this.focus.get(key)?.timer);
    this.timers.delete(key);
    this.pendingSince.delete(key);
    this.focus.delete(key);
    this.generations.delete(key);
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const focus of this.focus.values()) clearTimeout(focus.timer);
    this.timers.clear();
    this.focus.clear();
    this.results.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.diagnostics.dispose();
  }
}

/** A keystroke or two on one line, as opposed to a quick fix, a paste, an undo or another extension's edit. */
function isTyping(event: vscode.TextDocumentChangeEvent): boolean {
  if (event.reason !== undefined || event.contentChanges.length !== 1) return false;
  const [change] = event.contentChanges;
  return change.text.length <= 2 && !/[\r\n]/.test(change.text) && change.range.isSingleLine && vscode.window.activeTextEditor?.document === event.document;
}

/** The one diagnostic of a note too large to check, linked to the page that explains the limit. */
export function skippedFileDiagnostic(message: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = 'objective-outcome';
  diagnostic.code = { value: SKIPPED_FILE_ID, target: rulePageTarget(SKIPPED_FILE_ID) };
  return diagnostic;
}
