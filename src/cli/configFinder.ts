import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, Config, ConfigFileRead, DEFAULT_CONFIG, configFileRefusal, configFromFile, ConfigSearchBounds, FolderFacts, MAX_CONFIG_BYTES, searchConfigSync } from '../core';

export interface FoundConfig {
  config: Config;
  /** The folder include/exclude globs are relative to. */
  root: string;
}

/**
 * Where the CLI's project ends: at a repository's root (the first folder holding `.git`), and,
 * outside any repository, at the folder the command runs in. Both the config search and the
 * `.gitignore` lookup stop here, so nothing above the project changes its results.
 */
export class ProjectBounds implements ConfigSearchBounds<string> {
  private readonly gitIn = new Map<string, boolean>();
  private readonly rootOf = new Map<string, string | undefined>();
  /** The folder the command runs in, when it is in no repository: the top of the search there. */
  private readonly cwdTop: string | undefined;

  constructor(readonly cwd: string) {
    this.cwdTop = this.repositoryRoot(cwd) === undefined ? cwd : undefined;
  }

  /** Whether a folder holds `.git` (a folder, or a file in a submodule or a worktree). */
  holdsGit(folder: string): boolean {
    let holds = this.gitIn.get(folder);
    if (holds === undefined) {
      holds = fs.existsSync(path.join(folder, '.git'));
      this.gitIn.set(folder, holds);
    }
    return holds;
  }

  /** The nearest folder at or above `folder` that holds `.git`, or undefined outside any repository. */
  repositoryRoot(folder: string): string | undefined {
    if (this.rootOf.has(folder)) return this.rootOf.get(folder);
    const parent = this.parent(folder);
    const root = this.holdsGit(folder) ? folder : parent === undefined ? undefined : this.repositoryRoot(parent);
    this.rootOf.set(folder, root);
    return root;
  }

  /**
   * The top folder whose `.gitignore` applies to files under `start`: its repository's root; outside
   * a repository, the folder the command runs in when `start` is in it, else `start` itself.
   */
  ignoreTop(start: string): string {
    const root = this.repositoryRoot(start);
    if (root !== undefined) return root;
    return this.cwdTop !== undefined && isInside(start, this.cwdTop) ? this.cwdTop : start;
  }

  parent(folder: string): string | undefined {
    const parent = path.dirname(folder);
    return parent === folder ? undefined : parent;
  }

  isWorkspaceTop(folder: string): boolean {
    return folder === this.cwdTop;
  }
}

/**
 * Finds each note's `.objective-outcome.yaml` by walking up its folders (see searchConfig in the
 * core for where the walk stops), once per folder; each config file is read and parsed once.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, FoundConfig>();
  private readonly factsByFolder = new Map<string, FolderFacts>();
  private readonly byConfigFolder = new Map<string, FoundConfig>();
  private readonly bounds: ProjectBounds;
  /** Problems with config files, one line each, reported once. */
  readonly problems: string[] = [];

  constructor(
    private readonly cwd: string,
    private readonly explicit?: FoundConfig,
    bounds?: ProjectBounds,
  ) {
    this.bounds = bounds ?? new ProjectBounds(cwd);
  }

  /** Reads a config named with --config; throws a user-facing message if it cannot be read. */
  static load(file: string, cwd: string): { found: FoundConfig; problems: string[] } {
    const absolute = path.resolve(cwd, file);
    const read = readConfigFile(absolute);
    if (read.kind === 'missing') throw new Error(`cannot read the config ${file}: no such file`);
    if (read.kind === 'refused') throw new Error(`cannot read the config ${file}: ${read.reason}`);
    const { config, problems } = configFromFile(read, file);
    return { found: { config, root: path.dirname(absolute) }, problems };
  }

  forFile(absolutePath: string): FoundConfig {
    return this.explicit ?? this.forFolder(path.dirname(absolutePath));
  }

  private forFolder(folder: string): FoundConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const end = searchConfigSync(folder, this.bounds, (candidate) => this.factsOf(candidate));
    let found: FoundConfig | undefined;
    if (end.found === undefined) found = { config: DEFAULT_CONFIG, root: end.folder };
    else {
      found = this.byConfigFolder.get(end.folder);
      if (found === undefined) {
        const file = path.join(end.folder, CONFIG_FILE_NAME);
        const { config, problems } = configFromFile(end.found, path.relative(this.cwd, file) || file);
        this.problems.push(...problems);
        found = { config, root: end.folder };
        this.byConfigFolder.set(end.folder, found);
      }
    }
    this.byFolder.set(folder, found);
    return found;
  }

  private factsOf(folder: string): FolderFacts {
    let facts = this.factsByFolder.get(folder);
    if (facts === undefined) {
      facts = { config: readConfigFile(path.join(folder, CONFIG_FILE_NAME)), holdsGit: this.bounds.holdsGit(folder) };
      this.factsByFolder.set(folder, facts);
    }
    return facts;
  }
}

/**
 * Reads a config file: only a regular file under MAX_CONFIG_BYTES. Devices, FIFOs and sockets are
 * refused from their stat, before they are opened (opening a FIFO waits for a writer; a device may
 * act on open), and again after, in case the path changed in between.
 */
export function readConfigFile(file: string): ConfigFileRead {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
    if (stat.isSymbolicLink()) stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isDanglingLink(file)) return { kind: 'refused', reason: 'it is a link to nothing' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'refused', reason: describeIoError(error) };
  }
  const refusal = configFileRefusal({ isFile: stat.isFile(), isFolder: stat.isDirectory(), size: stat.size });
  if (refusal !== undefined) return { kind: 'refused', reason: refusal };
  let fd: number;
  try {
    // Non-blocking, so a FIFO put in its place since the stat cannot hang the open.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { kind: 'refused', reason: describeIoError(error) };
  }
  try {
    const opened = fs.fstatSync(fd);
    const openedRefusal = configFileRefusal({ isFile: opened.isFile(), isFolder: opened.isDirectory(), size: opened.size });
    if (openedRefusal !== undefined) return { kind: 'refused', reason: openedRefusal };
    // One byte past the cap tells a file that grew since the stat from one that fits.
    const buffer = Buffer.allocUnsafe(Math.min(opened.size, MAX_CONFIG_BYTES) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const read = fs.readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled > MAX_CONFIG_BYTES) return { kind: 'refused', reason: configFileRefusal({ isFile: true, isFolder: false, size: filled })! };
    return { kind: 'text', text: buffer.toString('utf8', 0, filled) };
  } catch (error) {
    return { kind: 'refused', reason: describeIoError(error) };
  } finally {
    fs.closeSync(fd);
  }
}

function isDanglingLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function isInside(folder: string, top: string): boolean {
  const relative = path.relative(top, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A short, plain reason for a file-system error. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'too many symbolic links (a loop?)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
