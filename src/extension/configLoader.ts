import vscode = require('vscode');
import { CONFIG_FILE_NAME, Config, DEFAULT_CONFIG, parseConfig } from '../core';

/** A note's config and the folder its include/exclude globs are relative to. */
export interface LoadedConfig {
  config: Config;
  /** The folder holding the config file, or the workspace folder when there is none. */
  root?: vscode.Uri;
}

/**
 * Finds `.objective-outcome.yaml` by walking up from a note to its workspace folder, through
 * `vscode.workspace.fs` so it works on disk, in virtual file systems and in the browser.
 * Results are cached per folder and dropped whenever a config file changes.
 */
export class ConfigLoader implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<LoadedConfig>>();
  private readonly problems: vscode.DiagnosticCollection;
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a config file is created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.problems = vscode.languages.createDiagnosticCollection('objective-outcome-config');
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reset = () => {
      this.byFolder.clear();
      this.problems.clear();
      this.changed.fire();
    };
    this.watcher.onDidChange(reset);
    this.watcher.onDidCreate(reset);
    this.watcher.onDidDelete(reset);
  }

  /** The config that applies to a document. */
  forDocument(uri: vscode.Uri): Promise<LoadedConfig> {
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
    if (!workspaceFolder || uri.scheme === 'untitled') return Promise.resolve({ config: DEFAULT_CONFIG, root: workspaceFolder?.uri });
    const folder = vscode.Uri.joinPath(uri, '..');
    const key = folder.toString();
    let loaded = this.byFolder.get(key);
    if (!loaded) {
      loaded = this.search(folder, workspaceFolder.uri);
      this.byFolder.set(key, loaded);
    }
    return loaded;
  }

  private async search(folder: vscode.Uri, top: vscode.Uri): Promise<LoadedConfig> {
    for (let current = folder; ; current = vscode.Uri.joinPath(current, '..')) {
      const candidate = vscode.Uri.joinPath(current, CONFIG_FILE_NAME);
      const bytes = await readIfExists(candidate);
      if (bytes !== undefined) {
        const { config, problems } = parseConfig(new TextDecoder().decode(bytes));
        this.report(candidate, problems);
        return { config, root: current };
      }
      if (current.path === top.path || current.path === '/' || !current.path.startsWith(top.path)) break;
    }
    return { config: DEFAULT_CONFIG, root: top };
  }

  private report(uri: vscode.Uri, problems: string[]): void {
    this.problems.set(
      uri,
      problems.map((problem) => {
        const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), problem, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'objective-outcome';
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    this.watcher.dispose();
    this.problems.dispose();
    this.changed.dispose();
    this.byFolder.clear();
  }
}

async function readIfExists(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}
