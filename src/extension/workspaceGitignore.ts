import vscode = require('vscode');
import ignore, { Ignore } from 'ignore';
import { configFileRefusal } from '../core';

/**
 * Answers "does git ignore this file?" for Check All, as the CLI's walk does: from the workspace
 * folder down to the file, each folder's `.gitignore` (read through vscode.workspace.fs, once per
 * folder) applies to what is below it, a deeper file's rules win, and nothing in an ignored folder
 * counts. Never above the workspace folder, so a `.gitignore` outside it changes nothing.
 */
export class WorkspaceGitignore {
  private readonly rulesByFolder = new Map<string, Promise<Ignore | undefined>>();
  private readonly folderIgnored = new Map<string, Promise<boolean>>();

  /** Receives, once per file, a `.gitignore` that exists but cannot be read (the files it would ignore are then checked). */
  constructor(private readonly onError: (message: string) => void) {}

  async isIgnored(uri: vscode.Uri, top: vscode.Uri): Promise<boolean> {
    const parent = vscode.Uri.joinPath(uri, '..');
    if (!isBelow(parent, top)) return false;
    if (parent.path !== top.path && (await this.isFolderIgnored(parent, top))) return true;
    return this.test(uri, top, false);
  }

  /** A folder is ignored when a folder above it is, or when the rules above it say so. */
  private isFolderIgnored(folder: vscode.Uri, top: vscode.Uri): Promise<boolean> {
    const key = folder.toString();
    let ignored = this.folderIgnored.get(key);
    if (ignored === undefined) {
      const parent = vscode.Uri.joinPath(folder, '..');
      ignored = (async () => (parent.path !== top.path && (await this.isFolderIgnored(parent, top))) || this.test(folder, top, true))();
      this.folderIgnored.set(key, ignored);
    }
    return ignored;
  }

  /** What the `.gitignore` files from the top down to the entry's folder say of it: the deepest that speaks wins. */
  private async test(entry: vscode.Uri, top: vscode.Uri, isFolder: boolean): Promise<boolean> {
    let ignored = false;
    const folders: vscode.Uri[] = [];
    for (let folder = vscode.Uri.joinPath(entry, '..'); ; folder = vscode.Uri.joinPath(folder, '..')) {
      folders.unshift(folder);
      if (folder.path === top.path || !isBelow(folder, top)) break;
    }
    for (const folder of folders) {
      const rules = await this.rulesIn(folder);
      if (!rules) continue;
      const result = rules.test(`${entry.path.slice(folder.path.replace(/\/$/, '').length + 1)}${isFolder ? '/' : ''}`);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesIn(folder: vscode.Uri): Promise<Ignore | undefined> {
    const key = folder.toString();
    let rules = this.rulesByFolder.get(key);
    if (rules === undefined) {
      rules = this.read(vscode.Uri.joinPath(folder, '.gitignore'));
      this.rulesByFolder.set(key, rules);
    }
    return rules;
  }

  /** Read like a config: only a regular file under the config's cap, so a link to a device cannot hang the check. */
  private async read(file: vscode.Uri): Promise<Ignore | undefined> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(file);
    } catch {
      return undefined;
    }
    const refusal = configFileRefusal({ isFile: (stat.type & vscode.FileType.File) !== 0, isFolder: (stat.type & vscode.FileType.Directory) !== 0, size: stat.size });
    try {
      if (refusal !== undefined) throw new Error(refusal);
      return ignore().add(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    } catch (error) {
      this.onError(vscode.l10n.t('Cannot read {0}: {1}; the files it would ignore are checked.', vscode.workspace.asRelativePath(file), error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}

function isBelow(folder: vscode.Uri, top: vscode.Uri): boolean {
  const prefix = top.path.endsWith('/') ? top.path : `${top.path}/`;
  return folder.path === top.path || folder.path.startsWith(prefix);
}
