import vscode = require('vscode');
import type { ConfigLoader } from './configLoader';
import { noticeDiagnostic, toDiagnostics } from './diagnostics';
import { DocumentLint, DocumentLints, lintDocument } from './lintDocument';
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
export class NoteLinter implements vscode.Disposable, DocumentLints {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('objective-outcome');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When the oldest change not yet linted was made, per document: bounds the debounce. */
  private readonly pendingSince = new Map<string, number>();
  /** Bumped for every lint request of a document; a result whose generation is stale is dropped. */
  private readonly generations = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Each open note's last lint, for the version it names; hovers, code actions, completions and the status item reuse it. */
  private readonly results = new Map<string, DocumentLint>();
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
        if (event.affectsConfiguration('objectiveOutcome')) this.relintAllOpen();
      }),
      configs.onDidChange(() => this.relintAllOpen()),
    );
  }

  /** The settings or a config changed: no held lint still holds. */
  private relintAllOpen(): void {
    this.results.clear();
    this.lintAllOpen();
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
    const lint = await lintDocument(document, this.configs);
    // The document may have changed or closed while the config was read: drop this result.
    if (this.generations.get(key) !== generation || document.isClosed) return;
    this.results.set(key, lint);
    this.render(document);
  }

  /**
   * The lint of the document's current version: the one the Problems panel shows when it is for
   * this version, else a lint now (kept for the next asker while the version lasts).
   */
  async lintFor(document: vscode.TextDocument): Promise<DocumentLint> {
    const key = document.uri.toString();
    const held = this.results.get(key);
    if (held && held.version === document.version) return held;
    const lint = await lintDocument(document, this.configs);
    const newest = this.results.get(key);
    if (lint.version === document.version && !document.isClosed && (!newest || newest.version < lint.version)) this.results.set(key, lint);
    return lint;
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
    this.diagnostics.set(document.uri, [...result.notices.map((notice) => noticeDiagnostic(document, notice)), ...toDiagnostics(document, shown)]);
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
