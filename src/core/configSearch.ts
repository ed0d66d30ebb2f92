// Where a note's `.objective-outcome.yaml` is looked for, and how its bytes become a config: one
// algorithm for the CLI (Node's fs, synchronous) and the editor (vscode.workspace.fs, asynchronous).
// The search is a generator that asks its host about one folder at a time, so the core does no I/O
// and both hosts walk, stop and read by the same rules.
import { CONFIG_FILE_NAME, Config, DEFAULT_CONFIG, parseConfig } from './config';

/**
 * The largest config read. A team's rules fit in a few kilobytes; anything bigger is a mistake or
 * an attack (a link to /dev/zero), and reading it would cost unbounded memory.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** What a host found at a folder's config path. */
export type ConfigFileRead =
  | { kind: 'missing' }
  | { kind: 'text'; text: string }
  /** There is something, but it is not read: not a regular file, too large, or unreadable. */
  | { kind: 'refused'; reason: string };

/** What the search needs to know about one folder. */
export interface FolderFacts {
  config: ConfigFileRead;
  /** Whether the folder holds `.git` (a folder, or a file in a submodule or worktree): a repository's root. */
  holdsGit: boolean;
}

/** How to move up, and where the workspace ends. */
export interface ConfigSearchBounds<Folder> {
  /** The folder above, or undefined at the top of the file system. */
  parent(folder: Folder): Folder | undefined;
  /** Whether the search stops here: the workspace folder (the editor) or the folder the command runs in outside a repository (the CLI). */
  isWorkspaceTop(folder: Folder): boolean;
}

/** Where the search ended: the folder of the config that applies, or the boundary when there is none. */
export interface ConfigSearchEnd<Folder> {
  /** The folder holding the config, or the last folder searched (include/exclude globs are relative to it). */
  folder: Folder;
  /** The config file found there, undefined when the search reached its boundary without one. */
  found?: Exclude<ConfigFileRead, { kind: 'missing' }>;
}

/**
 * Walks up from a note's folder, asking for each folder's facts, and stops at the first folder
 * holding a config, or at the boundary: a repository's root (the first folder holding `.git`) or
 * the workspace top, whichever comes first, searched themselves. Never above: a config or a
 * `.gitignore` above the project must not change its results (a file there can be named with
 * `--config`).
 */
export function* searchConfig<Folder>(start: Folder, bounds: ConfigSearchBounds<Folder>): Generator<Folder, ConfigSearchEnd<Folder>, FolderFacts> {
  for (let folder = start; ; ) {
    const facts: FolderFacts = yield folder;
    if (facts.config.kind !== 'missing') return { folder, found: facts.config };
    const parent = facts.holdsGit || bounds.isWorkspaceTop(folder) ? undefined : bounds.parent(folder);
    if (parent === undefined) return { folder };
    folder = parent;
  }
}

/** Runs the search with a synchronous host. */
export function searchConfigSync<Folder>(start: Folder, bounds: ConfigSearchBounds<Folder>, factsOf: (folder: Folder) => FolderFacts): ConfigSearchEnd<Folder> {
  const steps = searchConfig(start, bounds);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    step = steps.next(factsOf(step.value));
  }
}

/** Runs the search with an asynchronous host. */
export async function searchConfigAsync<Folder>(start: Folder, bounds: ConfigSearchBounds<Folder>, factsOf: (folder: Folder) => Promise<FolderFacts>): Promise<ConfigSearchEnd<Folder>> {
  const steps = searchConfig(start, bounds);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    step = steps.next(await factsOf(step.value));
  }
}

/** What a host learnt from stat-ing a config path (following links). */
export interface ConfigFileKind {
  isFile: boolean;
  isFolder: boolean;
  size: number;
}

/**
 * Why a config path is not read, or undefined when it may be: only regular files under the cap,
 * so a link to a device, a FIFO or /dev/stdin cannot block or exhaust memory.
 */
export function configFileRefusal(kind: ConfigFileKind): string | undefined {
  if (kind.isFolder) return 'it is a folder, not a file';
  if (!kind.isFile) return 'it is not a regular file (a device, a pipe or a socket?)';
  if (kind.size > MAX_CONFIG_BYTES) return `it is over the ${MAX_CONFIG_BYTES / (1024 * 1024)} MB limit`;
  return undefined;
}

/**
 * The config a found file gives, with its problems, each prefixed by `label` when given (how the
 * user sees the file). A file that could not be read applies the defaults, and says so.
 */
export function configFromFile(found: Exclude<ConfigFileRead, { kind: 'missing' }>, label?: string): { config: Config; problems: string[] } {
  const prefix = label === undefined ? '' : `${label}: `;
  if (found.kind === 'refused') return { config: DEFAULT_CONFIG, problems: [`${label ?? CONFIG_FILE_NAME}: not read: ${found.reason}; the notes under it are checked with the default rules.`] };
  const { config, problems } = parseConfig(found.text);
  return { config, problems: problems.map((problem) => `${prefix}${problem}`) };
}
