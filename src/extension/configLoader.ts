import vscode = require('vscode');
import { CONFIG_FILE_NAME, Config, ConfigFileRead, configFileRefusal, configFromFile, ConfigSearchBounds, DEFAULT_CONFIG, FolderFacts, searchConfigAsync } from '../core';

/** A note's config and the folder its include/exclude globs are relative to. */
export interface LoadedConfig {
  config: Config;
  /** The folder holding the config file, or the workspace folder when there is none. */
  root?: vscode.Uri;
}

/**
 * Finds `.objective-outcome.yaml` by walking up from a note to its workspace folder or its
 * repository's root (the first folder holding `.git`), whichever is nearer, through
 * `vscode.workspace.fs` so it works on disk, in virtual file systems and in the browser.
 * Results are cached per folder and dropped whenever a config file changes.
 */
export class ConfigLoader implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<LoadedConfig>>();
  private readonly factsByFolder = new Map<string, Promise<FolderFacts>>();
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
      this.factsByFolder.clear();
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

  /** The same search as the CLI's (searchConfig in the core), bounded by the workspace folder. */
  private async search(folder: vscode.Uri, top: vscode.Uri): Promise<LoadedConfig> {
    const bounds: ConfigSearchBounds<vscode.Uri> = {
      parent: (current) => (current.path === '/' || current.path === top.path || !current.path.startsWith(top.path) ? undefined : vscode.Uri.joinPath(current, '..')),
      isWorkspaceTop: (current) => current.path === top.path,
    };
    const end = await searchConfigAsync(folder, bounds, (current) => this.factsOf(current));
    if (end.found === undefined) return { config: DEFAULT_CONFIG, root: end.folder };
    const candidate = vscode.Uri.joinPath(end.folder, CONFIG_FILE_NAME);
    const { config, problems } = configFromFile(end.found);
    this.report(candidate, problems);
    return { config, root: end.folder };
  }

  private factsOf(folder: vscode.Uri): Promise<FolderFacts> {
    const key = folder.toString();
    let facts = this.factsByFolder.get(key);
    if (!facts) {
      facts = Promise.all([readConfigFile(vscode.Uri.joinPath(folder, CONFIG_FILE_NAME)), exists(vscode.Uri.joinPath(folder, '.git'))]).then(([config, holdsGit]) => ({ config, holdsGit }));
      this.factsByFolder.set(key, facts);
    }
    return facts;
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
    this.factsByFolder.clear();
  }
}

/**
 * Reads a config through vscode.workspace.fs: only a regular file under the core's cap, judged from
 * its stat before reading, so a link to /dev/zero or a FIFO is refused instead of read forever.
 */
async function readConfigFile(uri: vscode.Uri): Promise<ConfigFileRead> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (error) {
    return isNotFound(error) ? { kind: 'missing' } : { kind: 'refused', reason: describeError(error) };
  }
  const refusal = configFileRefusal({
    isFile: (stat.type & vscode.FileType.File) !== 0,
    isFolder: (stat.type & vscode.FileType.Directory) !== 0,
    size: stat.size,
  });
  if (refusal !== undefined) return { kind: 'refused', reason: refusal };
  try {
    return { kind: 'text', text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    return isNotFound(error) ? { kind: 'missing' } : { kind: 'refused', reason: describeError(error) };
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** VS Code's own code, and the codes a file system provider may pass through from Node. */
const NOT_FOUND_CODES = new Set(['FileNotFound', 'EntryNotFound', 'FileNotADirectory', 'ENOENT', 'ENOTDIR']);

function isNotFound(error: unknown): boolean {
  return NOT_FOUND_CODES.has(String((error as { code?: unknown })?.code));
}

/** A short, plain reason from a vscode.FileSystemError (its code) or any other error. */
function describeError(error: unknown): string {
  switch ((error as { code?: string })?.code) {
    case 'NoPermissions':
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'FileIsADirectory':
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
