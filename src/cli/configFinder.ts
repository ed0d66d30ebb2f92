import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, Config, DEFAULT_CONFIG, parseConfig } from '../core';

export interface FoundConfig {
  config: Config;
  /** The folder include/exclude globs are relative to. */
  root: string;
}

/** Finds each note's `.objective-outcome.yaml` by walking up its folders, once per folder. */
export class ConfigFinder {
  private readonly byFolder = new Map<string, FoundConfig>();
  /** Problems with config files, one line each, reported once. */
  readonly problems: string[] = [];

  constructor(
    private readonly cwd: string,
    private readonly explicit?: FoundConfig,
  ) {}

  /** Reads a config named with --config; throws a user-facing message if it cannot be read. */
  static load(file: string, cwd: string): { found: FoundConfig; problems: string[] } {
    const absolute = path.resolve(cwd, file);
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the config ${file}: ${describeIoError(error)}`);
    }
    const { config, problems } = parseConfig(text);
    return { found: { config, root: path.dirname(absolute) }, problems: problems.map((problem) => `${file}: ${problem}`) };
  }

  forFile(absolutePath: string): FoundConfig {
    return this.explicit ?? this.forFolder(path.dirname(absolutePath));
  }

  private forFolder(folder: string): FoundConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let found: FoundConfig;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let text: string | undefined;
    try {
      text = fs.readFileSync(candidate, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const { config, problems } = parseConfig(text);
      for (const problem of problems) this.problems.push(`${path.relative(this.cwd, candidate) || candidate}: ${problem}`);
      found = { config, root: folder };
    } else {
      const parent = path.dirname(folder);
      found = parent === folder ? { config: DEFAULT_CONFIG, root: this.cwd } : this.forFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }
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
