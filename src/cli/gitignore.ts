import * as path from 'node:path';
import ignore, { Ignore } from 'ignore';
import { ProjectBounds, readConfigFile } from './configFinder';

export interface GitignoreOptions {
  /** The folder the command runs in: outside a repository, the top of the project. */
  cwd: string;
  /** Receives, once per file, a `.gitignore` that exists but cannot be read (its files are then checked). */
  onError?: (message: string) => void;
  /** Shared with the config search, so both stop at the same folder. */
  bounds?: ProjectBounds;
}

/**
 * Answers "does git ignore this file?" from the `.gitignore` files between a top folder and the
 * file: the repository root when there is one, else the folder the command runs in (or the
 * folder being checked, when that is not inside it); never above, so a `.gitignore` outside the
 * project changes nothing. Each folder's file is read once; a deeper file's rules win over a
 * shallower one's, as in git.
 */
export class GitignoreFilter {
  private readonly byFolder = new Map<string, Ignore | null>();
  private readonly chains = new Map<string, { folder: string; rules: Ignore }[]>();
  private readonly bounds: ProjectBounds;

  constructor(private readonly options: GitignoreOptions) {
    this.bounds = options.bounds ?? new ProjectBounds(options.cwd);
  }

  /** Whether a file (or, with `folder`, a folder) is ignored, reading `.gitignore` files from the project's top (see above) down. */
  isIgnored(absolutePath: string, start: string, isFolder = false): boolean {
    const chain = this.chainFor(path.dirname(absolutePath), this.bounds.ignoreTop(start));
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

  private rulesIn(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules !== undefined) return rules;
    const file = path.join(folder, '.gitignore');
    // Read like a config: a regular file under 1 MB, so a link to a device or a FIFO cannot hang the walk.
    const read = readConfigFile(file);
    if (read.kind === 'refused') {
      const shown = path.relative(this.options.cwd, file) || file;
      this.options.onError?.(`cannot read ${shown.startsWith('..') ? file : shown}: ${read.reason}; the files it would ignore are checked`);
    }
    rules = read.kind === 'text' ? ignore().add(read.text) : null;
    this.byFolder.set(folder, rules);
    return rules;
  }
}
