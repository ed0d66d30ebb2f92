import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

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

const MARKDOWN = ['**/*.md', '**/*.markdown'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Expands the command line's files, folders and globs into Markdown files, each once, in a stable order. */
export async function collectFiles(args: readonly string[], cwd: string): Promise<Collected> {
  const seen = new Map<string, FileToLint>();
  const errors: string[] = [];
  const add = (absolutePath: string, explicit: boolean) => {
    const existing = seen.get(absolutePath);
    if (!existing) seen.set(absolutePath, { absolutePath, explicit });
    else if (explicit) existing.explicit = true;
  };

  for (const arg of args.length > 0 ? args : ['.']) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      add(absolute, true);
    } else if (stat?.isDirectory()) {
      const found = await glob(MARKDOWN, { cwd: absolute, absolute: true, ignore: ALWAYS_IGNORED, dot: false, followSymbolicLinks: false });
      for (const file of found) add(path.normalize(file), false);
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, { cwd, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true, followSymbolicLinks: false });
      const markdown = found.filter((file) => /\.(md|markdown)$/i.test(file));
      if (markdown.length === 0) errors.push(`no Markdown files match “${arg}”`);
      for (const file of markdown) add(path.normalize(file), false);
    } else {
      errors.push(`no such file or folder: ${arg}`);
    }
  }
  const files = [...seen.values()].sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : a.absolutePath > b.absolutePath ? 1 : 0));
  return { files, errors };
}
