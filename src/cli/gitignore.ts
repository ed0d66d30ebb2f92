import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { Ignore } from 'ignore';

/**
 * Answers "does git ignore this file?" from the `.gitignore` files between a top folder (the
 * repository root when there is one, else the folder being checked) and the file. Each folder's
 * file is read once; a deeper file's rules win over a shallower one's, as in git.
 */
export class GitignoreFilter {
  private readonly byFolder = new Map<string, Ignore | null>();
  private readonly topOf = new Map<string, string>();
  private readonly chains = new Map<string, { folder: string; rules: Ignore }[]>();

  /** Whether a file (or, with `folder`, a folder) is ignored, reading `.gitignore` files from the repository (or `start`) down. */
  isIgnored(absolutePath: string, start: string, isFolder = false): boolean {
    const chain = this.chainFor(path.dirname(absolutePath), this.repositoryRoot(start));
    let ignored = false;
    for (const { folder, rules } of chain) {
      const result = rules.test(`${path.relative(folder, absolutePath).split(path.sep).join('/')}${isFolder ? '/' : ''}`);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** The `.gitignore` files that apply in a folder, shallowest first; shared by every file in it. */
  private chainFor(folder: string, top: string): readonly { folder: string; rules: Ignore }[] {
    const key = `${top}\0${folder}`;
    const cached = this.chains.get(key);
    if (cached) return cached;
    let chain: { folder: string; rules: Ignore }[];
    const relative = path.relative(top, folder);
    if (relative.startsWith('..') || path.isAbsolute(relative)) chain = [];
    else {
      chain = folder === top ? [] : [...this.chainFor(path.dirname(folder), top)];
      const rules = this.rulesIn(folder);
      if (rules) chain.push({ folder, rules });
    }
    this.chains.set(key, chain);
    return chain;
  }

  /** The nearest folder at or above `start` that holds `.git`; `start` itself when there is none. */
  private repositoryRoot(start: string): string {
    const cached = this.topOf.get(start);
    if (cached !== undefined) return cached;
    let root = start;
    for (let folder = start; ; ) {
      if (fs.existsSync(path.join(folder, '.git'))) {
        root = folder;
        break;
      }
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    this.topOf.set(start, root);
    return root;
  }

  private rulesIn(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules !== undefined) return rules;
    let text: string | undefined;
    try {
      text = fs.readFileSync(path.join(folder, '.gitignore'), 'utf8');
    } catch {
      text = undefined;
    }
    rules = text === undefined ? null : ignore().add(text);
    this.byFolder.set(folder, rules);
    return rules;
  }
}
