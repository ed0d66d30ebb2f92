import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { compileGlob, shortGlob } from '../core/glob';
import { describeIoError } from './configFinder';
import { GitignoreFilter } from './gitignore';

/** A Markdown file to lint, and whether it was named explicitly (always linted as a note). */
export interface FileToLint {
  absolutePath: string;
  explicit: boolean;
}

export interface Collected {
  files: FileToLint[];
  /** One line each: arguments that named nothing, or could not be read. */
  errors: string[];
}

export interface CollectOptions {
  /** Skip what `.gitignore` files ignore (default true); files named explicitly are always linted. */
  gitignore?: boolean;
  /** Whether a file named on the command line is linted as a note even if it does not look like one (default true). */
  namedFilesAreNotes?: boolean;
}

/** The names of Markdown files. */
export const MARKDOWN_NAME = /\.(?:md|markdown)$/i;
const ALWAYS_IGNORED = new Set(['node_modules', '.git']);

/** Expands the command line's files, folders and globs into Markdown files, each once, in a stable order. */
export async function collectFiles(args: readonly string[], cwd: string, options: CollectOptions = {}): Promise<Collected> {
  const seen = new Map<string, FileToLint>();
  const errors: string[] = [];
  const gitignore = options.gitignore === false ? undefined : new GitignoreFilter({ cwd, onError: (message) => errors.push(message) });
  const add = (absolutePath: string, explicit: boolean) => {
    const existing = seen.get(absolutePath);
    if (!existing) seen.set(absolutePath, { absolutePath, explicit });
    else if (explicit) existing.explicit = true;
  };
  const addFound = (found: string[], start: string) => {
    for (const file of found) {
      const absolutePath = path.normalize(file);
      if (!gitignore?.isIgnored(absolutePath, start)) add(absolutePath, false);
    }
  };

  for (const arg of args.length > 0 ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    let statError: unknown;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      statError = error;
    }
    if (stat?.isFile()) {
      add(absolute, options.namedFilesAreNotes !== false);
    } else if (stat?.isDirectory()) {
      walkFolder(absolute, { cwd, gitignore, onFile: (file) => add(file, false), onError: (error) => errors.push(error) });
    } else if (stat) {
      errors.push(`cannot read ${arg}: it is neither a file nor a folder`);
    } else if (isDynamicPattern(arg)) {
      // A glob may name folders too ("meetings/rep-*"): each is searched as if named outright.
      const found = globEntries(arg, cwd);
      if (typeof found === 'string') {
        errors.push(found);
        continue;
      }
      const walked: string[] = [];
      const inWalked = (file: string) => walked.some((folder) => file.startsWith(folder + path.sep));
      let inFolders = 0;
      for (const entry of found.filter((file) => file.endsWith('/')).map((folder) => path.normalize(folder.slice(0, -1))).sort()) {
        if (inWalked(entry) || gitignore?.isIgnored(entry, cwd, true)) continue;
        walked.push(entry);
        const onFile = (file: string) => {
          inFolders++;
          add(file, false);
        };
        walkFolder(entry, { cwd, gitignore, onFile, onError: (error) => errors.push(error) });
      }
      const markdown = found.filter((file) => !file.endsWith('/') && MARKDOWN_NAME.test(file) && !inWalked(path.normalize(file)));
      if (markdown.length === 0 && inFolders === 0) errors.push(`no Markdown files match “${arg}”`);
      addFound(markdown, cwd);
    } else if ((statError as NodeJS.ErrnoException)?.code === 'ENOENT' || (statError as NodeJS.ErrnoException)?.code === 'ENOTDIR') {
      errors.push(`no such file or folder: ${arg}`);
    } else {
      errors.push(`cannot read ${arg}: ${describeIoError(statError)}`);
    }
  }
  const files = [...seen.values()].sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : a.absolutePath > b.absolutePath ? 1 : 0));
  return { files, errors };
}

/**
 * The files and folders (these with a trailing `/`) that a command-line glob names, as absolute
 * paths; or why the glob is refused. Matched in linear time (core/glob.ts): a regular-expression
 * matcher took a minute over one long file name. The walk starts at the glob's fixed folders, goes
 * no deeper than its segments unless it has `**`, skips node_modules and .git, and follows no link.
 */
function globEntries(pattern: string, cwd: string): string[] | string {
  const parts = pattern.split('/');
  let fixed = 0;
  while (fixed < parts.length - 1 && !isDynamicPattern(parts[fixed])) fixed++;
  const prefix = parts.slice(0, fixed).join('/');
  const base = path.resolve(cwd, prefix === '' ? (pattern.startsWith('/') ? '/' : '.') : prefix);
  const compiled = compileGlob(parts.slice(fixed).join('/'), { dot: false, nocase: false });
  if (!compiled.ok) return `cannot use the glob “${shortGlob(pattern)}”: ${compiled.reason}.`;
  const maxDepth = compiled.segments.some((segments) => segments.some((segment) => segment.kind === 'globstar'))
    ? Infinity
    : Math.max(0, ...compiled.segments.map((segments) => segments.length));
  const found: string[] = [];
  const pending: [string, string, number][] = [[base, '', 0]];
  while (pending.length > 0) {
    const [folder, relative, depth] = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      // As a shell's glob: a folder that cannot be read names nothing.
      continue;
    }
    for (const entry of entries) {
      if (ALWAYS_IGNORED.has(entry.name)) continue;
      const entryRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const absolutePath = path.join(folder, entry.name);
      const isFolder = entry.isDirectory();
      if (compiled.match(entryRelative)) found.push(isFolder ? `${absolutePath}/` : absolutePath);
      if (isFolder && depth + 1 < maxDepth) pending.push([absolutePath, entryRelative, depth + 1]);
    }
  }
  return found;
}

interface WalkOptions {
  cwd: string;
  gitignore?: GitignoreFilter;
  onFile: (absolutePath: string) => void;
  onError: (message: string) => void;
}

/**
 * Finds the Markdown files under a folder. Hidden entries, node_modules and what .gitignore ignores
 * are skipped (ignored folders are never entered). Links to files are checked; links to folders
 * are not followed, so a loop cannot trap the walk; a link that leads nowhere is reported.
 */
function walkFolder(top: string, options: WalkOptions): void {
  const pending = [top];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      options.onError(`cannot read the folder ${displayPath(folder, options.cwd)}: ${describeIoError(error)}`);
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolutePath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!options.gitignore?.isIgnored(absolutePath, top, true)) pending.push(absolutePath);
        continue;
      }
      if (!MARKDOWN_NAME.test(entry.name) || options.gitignore?.isIgnored(absolutePath, top)) continue;
      if (entry.isFile()) {
        options.onFile(absolutePath);
      } else if (entry.isSymbolicLink()) {
        try {
          if (fs.statSync(absolutePath).isFile()) options.onFile(absolutePath);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          options.onError(`cannot read ${displayPath(absolutePath, options.cwd)}: ${code === 'ENOENT' ? 'it is a link to nothing' : describeIoError(error)}`);
        }
      }
    }
  }
}

function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
}
