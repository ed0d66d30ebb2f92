import vscode = require('vscode');
import { DEFAULT_CONFIG, fileTooLargeNotice } from '../core';
import { readReportNote, summarizeReport } from '../core/report/build';
import { renderReportHtml } from '../core/report/html';
import { escapeHtml } from '../core/report/markup';
import type { Report, ReportNote } from '../core/report/types';
import type { ConfigLoader } from './configLoader';
import { notePathOf } from './lintDocument';

export const SHOW_COACHING_REPORT_COMMAND = 'objectiveOutcome.showCoachingReport';
const VIEW_TYPE = 'objectiveOutcome.coachingReport';
const MARKDOWN_GLOB = '**/*.{md,markdown}';
/** Files read at once: enough to hide a remote file system's latency, few enough to stay responsive. */
const PARALLEL_READS = 8;
/** Notes saved or synced in a burst (a git pull) make one refresh. */
const REFRESH_DEBOUNCE_MS = 500;
const MIN_NOTES = 5;

/** A message from the report's script: a click on a note's link. */
interface OpenMessage {
  type: 'open';
  file: string;
}

/**
 * "Show Coaching Report": the CLI's coaching report over the workspace's notes in a webview,
 * kept current as notes change. Reads through `vscode.workspace.fs` (virtual workspaces work) with
 * the same config lookup as the editor's checks, and uses no setting an untrusted workspace restricts.
 */
export class CoachingReport implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly panelSubscriptions: vscode.Disposable[] = [];
  /** The files the report shows, by the path its links carry: only these can be opened from it. */
  private shownFiles = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each build; a build that is no longer the latest does not replace the page. */
  private generation = 0;

  constructor(private readonly configs: ConfigLoader) {}

  /** Opens the report (or brings it forward and makes it again) and returns the numbers it shows. */
  async show(): Promise<Report> {
    if (this.panel) this.panel.reveal();
    else this.panel = this.createPanel();
    return this.refresh();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Coaching Report'), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      // Everything is inline in the page: the webview may load nothing from disk or the network.
      localResourceRoots: [],
    });
    // Until the notes are counted (a large or remote workspace takes a while), say so.
    panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>${escapeHtml(vscode.l10n.t('Counting the meeting notes…'))}</p></body></html>`;
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    const schedule = () => this.scheduleRefresh();
    this.panelSubscriptions.push(
      watcher,
      watcher.onDidChange(schedule),
      watcher.onDidCreate(schedule),
      watcher.onDidDelete(schedule),
      // Saves inside the editor reach a virtual file system's watcher late or not at all.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (/\.(?:md|markdown)$/i.test(document.uri.path)) schedule();
      }),
      this.configs.onDidChange(schedule),
      vscode.workspace.onDidChangeWorkspaceFolders(schedule),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.open(message)),
      panel.onDidDispose(() => this.closed()),
    );
    return panel;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  private async refresh(): Promise<Report> {
    const generation = ++this.generation;
    const { report, files } = await buildWorkspaceReport(this.configs);
    const panel = this.panel;
    if (panel && generation === this.generation) {
      this.shownFiles = files;
      panel.webview.html = renderReportHtml(report, { title: vscode.l10n.t('Coaching report'), webview: { cspSource: panel.webview.cspSource, nonce: makeNonce() } });
    }
    return report;
  }

  /** Opens the note behind a clicked link; anything else the page might post is ignored. */
  private async open(message: unknown): Promise<void> {
    if (!isOpenMessage(message)) return;
    const uri = this.shownFiles.get(message.file);
    if (!uri) return;
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  private closed(): void {
    this.panel = undefined;
    this.generation++;
    clearTimeout(this.timer);
    for (const subscription of this.panelSubscriptions.splice(0)) subscription.dispose();
  }

  dispose(): void {
    this.panel?.dispose();
    this.closed();
  }
}

/** Registers the command; it returns the Report it shows, for scripts and tests. */
export function registerCoachingReport(context: vscode.ExtensionContext, configs: ConfigLoader): void {
  const report = new CoachingReport(configs);
  context.subscriptions.push(report, vscode.commands.registerCommand(SHOW_COACHING_REPORT_COMMAND, () => report.show()));
}

/** The report over every Markdown note of the workspace folders, and the file behind each link. */
async function buildWorkspaceReport(configs: ConfigLoader): Promise<{ report: Report; files: Map<string, vscode.Uri> }> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const multiRoot = folders.length > 1;
  // undefined exclude: VS Code applies files.exclude; the config's include/exclude decide per file.
  const found = await vscode.workspace.findFiles(MARKDOWN_GLOB);
  const uris = found.filter((uri) => !/\/(?:node_modules|\.git)\//.test(uri.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const notes: ReportNote[] = [];
  const files = new Map<string, vscode.Uri>();
  for (let index = 0; index < uris.length; index += PARALLEL_READS) {
    const batch = uris.slice(index, index + PARALLEL_READS);
    const read = await Promise.all(batch.map((uri) => readWorkspaceNote(uri, configs, multiRoot)));
    for (const [position, note] of read.entries()) {
      if (!note) continue;
      notes.push(note);
      files.set(note.file, batch[position]);
    }
  }
  const first = folders[0] ? (await configs.forDocument(vscode.Uri.joinPath(folders[0].uri, 'report.md'))).config : DEFAULT_CONFIG;
  const report = summarizeReport(notes, { config: first, by: 'rep', minNotes: MIN_NOTES, now: new Date() });
  return { report, files };
}

/** One file as the report sees it; undefined when it is no note or cannot be read (it is left out). */
async function readWorkspaceNote(uri: vscode.Uri, configs: ConfigLoader, multiRoot: boolean): Promise<ReportNote | undefined> {
  try {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const { config, root } = await configs.forDocument(uri);
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0 || fileTooLargeNotice(stat.size, config.maxFileSize)) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.includes(0)) return undefined;
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    // In a multi-root workspace paths start with the folder's name, and a rep is the folder under it.
    const file = vscode.workspace.asRelativePath(uri, multiRoot);
    return readReportNote({ file, text, config, notePath: notePathOf(uri, root), ...(multiRoot && folder ? { base: folder.name } : {}) }, config);
  } catch {
    return undefined;
  }
}

function isOpenMessage(message: unknown): message is OpenMessage {
  return typeof message === 'object' && message !== null && (message as OpenMessage).type === 'open' && typeof (message as OpenMessage).file === 'string';
}

/** A fresh nonce for the page's one script, as the Content-Security-Policy requires. */
function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
