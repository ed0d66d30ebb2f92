import { isMap, isScalar } from 'yaml';
import type { Config } from './config';
import { compileGlob } from './glob';
import type { ParsedNote } from './parse';

/** `type` values that make a Markdown file a meeting note (compared after lower-casing and dashing). */
const MEETING_TYPE = /(?:^|-)(?:meeting|mtg|call|follow-?up|f-?u|discovery|demo|review|qbr|check-?in|intro|introduction|presentation|pitch|visit|consultation|appointment|appt|interview|onboarding|kickoff|kick-off|negotiation|closing|renewal|prospecting|sales)(?:$|-)/;

const GLOB_OPTIONS = { dot: true, nocase: true } as const;

/** Whether a posix path (relative to the config's folder or workspace) matches any of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  let tests = COMPILED.get(globs);
  if (!tests) {
    tests = globs.map(compileConfigGlob);
    COMPILED.set(globs, tests);
  }
  return tests.some((test) => test(path));
}

// Compiling a glob costs more than matching it; a config's lists live as long as the config, so a
// weak map keeps one compiled copy per list and lets it go with the config.
const COMPILED = new WeakMap<readonly string[], Array<(path: string) => boolean>>();

// Globs are matched in linear time (glob.ts); one the config could not use was refused with a
// message when the config was read, and matches nothing here.
function compileConfigGlob(glob: string): (path: string) => boolean {
  const compiled = compileGlob(glob, GLOB_OPTIONS);
  return compiled.ok ? compiled.match : () => false;
}

/**
 * Whether a Markdown file is a meeting note: its path is not excluded, and it has an objective or
 * outcome key, a meeting `type`, or a path under the included folders.
 */
export function isMeetingNote(note: ParsedNote, config: Config, path?: string): boolean {
  if (path !== undefined && matchesAny(path, config.exclude)) return false;
  if (hasNoteFrontMatter(note, config)) return true;
  return path !== undefined && matchesAny(path, config.include);
}

function hasNoteFrontMatter(note: ParsedNote, config: Config): boolean {
  const frontMatter = note.frontMatter;
  if (!frontMatter) return false;
  const names = new Set([...config.fields.objective, ...config.fields.outcome].map((name) => name.toLowerCase()));
  if (frontMatter.plain) {
    return frontMatter.plain.some((entry) => {
      const value = entry.value !== null && !Array.isArray(entry.value) ? entry.value.value : undefined;
      return isNoteKey(entry.key.value, value, names);
    });
  }
  const contents = frontMatter.document?.contents;
  if (!isMap(contents)) {
    // Not YAML (or broken YAML): judge by the raw lines, so a broken note still gets its error.
    // Its head only: a key that makes a note comes first, and a block that big is refused anyway.
    return hasRawNoteKey(note.text.slice(frontMatter.yamlStart, Math.min(frontMatter.yamlEnd, frontMatter.yamlStart + RAW_HEAD)), names);
  }
  return contents.items.some((pair) => isScalar(pair.key) && isNoteKey(pair.key.value, isScalar(pair.value) ? pair.value.value : undefined, names));
}

/** Whether a top-level pair makes a note: an objective or outcome key, or a meeting `type`. */
function isNoteKey(key: unknown, value: unknown, names: ReadonlySet<string>): boolean {
  if (typeof key !== 'string') return false;
  const name = key.trim().toLowerCase();
  if (names.has(name)) return true;
  return name === 'type' && typeof value === 'string' && MEETING_TYPE.test(value.trim().toLowerCase().replace(/[\s_/]+/g, '-'));
}

/** How much of a block that is not a YAML map is searched for a note's keys. */
const RAW_HEAD = 64 * 1024;

/**
 * Whether a line of a block that is not a YAML map reads `name:` or `name =` for one of the names
 * (optionally quoted, any case). One pass over the lines: a multi-line pattern with `^\s*` started
 * again at every line break and ran over all the blank lines after it, which took seconds.
 */
function hasRawNoteKey(block: string, names: ReadonlySet<string>): boolean {
  for (const rawLine of block.split('\n')) {
    let line = rawLine.trimStart();
    if (line[0] === '"' || line[0] === "'") line = line.slice(1);
    for (const name of names) {
      if (line.slice(0, name.length).toLowerCase() !== name) continue;
      let at = name.length;
      if (line[at] === '"' || line[at] === "'") at++;
      while (at < line.length && /\s/.test(line[at])) at++;
      if (line[at] === ':' || line[at] === '=') return true;
    }
  }
  return false;
}
