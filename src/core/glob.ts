/**
 * Globs from a team's config and the command line, matched in time linear in the path.
 *
 * Regular-expression globs (minimatch, picomatch) backtrack: `**\/a*a*a*a*a*a*a*a*b.md` against a
 * file named with 90 `a`s took a minute, tried against every Markdown path of the workspace. Here
 * a path segment is matched with one backtracking point (the last `*`), which is at most glob
 * length × segment length steps, and `**` by a set of positions, so no glob can hang the editor.
 *
 * Supported: `*`, `?`, `[abc]`, `[a-z]`, `[!a]` / `[^a]`, `\` escapes, `{a,b}` and `{1..3}`
 * braces, `**` as a whole segment, a leading `!` (negation) and `#` (a comment, never matches).
 * Extglobs (`+(a|b)`) and POSIX classes (`[[:alpha:]]`) are refused with a message.
 */

export interface GlobOptions {
  /** Match case-insensitively (config globs, as notes' folders are named by people). */
  nocase: boolean;
  /** Let wildcards match names that start with a dot. */
  dot: boolean;
}

export type CompiledGlob =
  | { ok: true; match: (path: string) => boolean; segments: Segment[][] }
  /** `problem` is a whole sentence; `reason` only why (for a message that names the glob its own way). */
  | { ok: false; problem: string; reason: string };

/** Longer globs are refused: no real one comes near, and a long one costs every path it meets. */
export const MAX_GLOB_LENGTH = 500;
/** Braces expand to at most this many globs (`{a,b}{c,d}` is four)... */
export const MAX_BRACE_EXPANSIONS = 64;
/** ...of at most this many characters in all: a name costs at most its length times this. */
export const MAX_EXPANDED_LENGTH = 2000;

type Token = { kind: 'star' } | { kind: 'any' } | { kind: 'char'; char: string } | { kind: 'class'; negated: boolean; items: (string | [string, string])[] };
export type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: Token[]; literalDot: boolean };

/** Compiles a glob, or says in plain words why it is refused. */
export function compileGlob(glob: string, options: GlobOptions): CompiledGlob {
  if (glob.length > MAX_GLOB_LENGTH) return refuse(glob, `it is ${glob.length} characters long, more than ${MAX_GLOB_LENGTH}`);
  if (glob.startsWith('#')) return { ok: true, match: () => false, segments: [] };
  let negate = false;
  let body = glob;
  while (body.startsWith('!')) {
    negate = !negate;
    body = body.slice(1);
  }
  if (/[@!+*?]\(/.test(body)) return refuse(glob, 'patterns such as +(a|b) are not supported; write {a,b} instead');
  if (body.includes('[:')) return refuse(glob, 'classes such as [[:alpha:]] are not supported; write [a-z] instead');
  const expanded = expandBraces(body);
  if (expanded === undefined) return refuse(glob, `its braces make more than ${MAX_BRACE_EXPANSIONS} globs`);
  const expandedLength = expanded.reduce((sum, alternative) => sum + alternative.length, 0);
  if (expandedLength > MAX_EXPANDED_LENGTH) return refuse(glob, `its braces make globs of ${expandedLength} characters in all, more than ${MAX_EXPANDED_LENGTH}`);
  const alternatives = expanded.map((alternative) => splitSegments(alternative, options));
  const matchOne = (path: string) => {
    const names = path.split('/');
    // A folder written with its slash (`a/`) is the folder.
    const folder = names.length > 1 && names[names.length - 1] === '' ? names.slice(0, -1) : undefined;
    return alternatives.some((segments) => matchSegments(segments, names, options) || (folder !== undefined && matchSegments(segments, folder, options)));
  };
  return { ok: true, match: negate ? (path) => !matchOne(path) : matchOne, segments: alternatives };
}

function refuse(glob: string, why: string): CompiledGlob {
  const shown = shortGlob(glob);
  return { ok: false, problem: `the glob “${shown}” is not used: ${why}.`, reason: why };
}

/** A glob as shown in a message: long ones cut after 60 characters. */
export function shortGlob(glob: string): string {
  return glob.length > 60 ? `${glob.slice(0, 60)}…` : glob;
}

/** Brace expansion as in a shell; undefined when it would make too many globs. */
export function expandBraces(glob: string): string[] | undefined {
  const results: string[] = [];
  const pending = [glob];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const brace = findBrace(current);
    if (!brace) {
      results.push(current);
      if (results.length > MAX_BRACE_EXPANSIONS) return undefined;
      continue;
    }
    const { open, close, parts } = brace;
    const before = current.slice(0, open);
    const after = current.slice(close + 1);
    for (let index = parts.length - 1; index >= 0; index--) pending.push(before + parts[index] + after);
    if (pending.length + results.length > MAX_BRACE_EXPANSIONS) return undefined;
  }
  return results;
}

/** The first brace group that expands: `{a,b}` or `{1..3}` (a lone `{a}` or `{}` stays as written). */
function findBrace(glob: string): { open: number; close: number; parts: string[] } | undefined {
  for (let open = 0; open < glob.length; open++) {
    if (glob[open] === '\\') {
      open++;
      continue;
    }
    if (glob[open] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let at = open; at < glob.length; at++) {
      const char = glob[at];
      if (char === '\\') at++;
      else if (char === '{') depth++;
      else if (char === '}' && --depth === 0) {
        const inner = glob.slice(open + 1, at);
        if (commas.length > 0) {
          const parts: string[] = [];
          let from = open + 1;
          for (const comma of commas) {
            parts.push(glob.slice(from, comma));
            from = comma + 1;
          }
          parts.push(glob.slice(from, at));
          return { open, close: at, parts };
        }
        const range = sequence(inner);
        if (range) return { open, close: at, parts: range };
        break;
      } else if (char === ',' && depth === 1) commas.push(at);
    }
  }
  return undefined;
}

/** `1..3` or `a..c`, as brace expansion reads them; undefined for anything else or too long a range. */
function sequence(inner: string): string[] | undefined {
  const numbers = /^(-?\d{1,6})\.\.(-?\d{1,6})$/.exec(inner);
  const letters = /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(inner);
  if (!numbers && !letters) return undefined;
  const from = numbers ? Number(numbers[1]) : letters![1].charCodeAt(0);
  const to = numbers ? Number(numbers[2]) : letters![2].charCodeAt(0);
  if (Math.abs(to - from) >= MAX_BRACE_EXPANSIONS) return undefined;
  const step = to >= from ? 1 : -1;
  const parts: string[] = [];
  for (let value = from; value !== to + step; value += step) parts.push(numbers ? String(value) : String.fromCharCode(value));
  return parts;
}

function splitSegments(glob: string, options: GlobOptions): Segment[] {
  const segments: Segment[] = [];
  // `a//b` is `a/b`, as minimatch reads it.
  for (const part of glob.replace(/\/{2,}/g, '/').split('/')) {
    if (part === '**') {
      // `a/**/**/b` is `a/**/b`.
      if (segments[segments.length - 1]?.kind !== 'globstar') segments.push({ kind: 'globstar' });
      continue;
    }
    segments.push({ kind: 'tokens', tokens: tokenize(part, options), literalDot: part.startsWith('.') });
  }
  return segments;
}

function tokenize(part: string, options: GlobOptions): Token[] {
  const tokens: Token[] = [];
  const fold = (char: string) => (options.nocase ? foldCase(char) : char);
  for (let at = 0; at < part.length; at++) {
    const char = part[at];
    if (char === '\\' && at + 1 < part.length) tokens.push({ kind: 'char', char: fold(part[++at]) });
    else if (char === '*') {
      // `**` inside a segment is a `*`; consecutive stars are one.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') tokens.push({ kind: 'any' });
    else if (char === '[') {
      const parsed = parseClass(part, at, fold);
      if (parsed) {
        tokens.push(parsed.token);
        at = parsed.end;
      } else tokens.push({ kind: 'char', char: '[' });
    } else tokens.push({ kind: 'char', char: fold(char) });
  }
  return tokens;
}

/** `[...]` from `open`; undefined when it never closes (then `[` is an ordinary character). */
function parseClass(part: string, open: number, fold: (char: string) => string): { token: Token; end: number } | undefined {
  let at = open + 1;
  const negated = part[at] === '!' || part[at] === '^';
  if (negated) at++;
  const items: (string | [string, string])[] = [];
  let first = true;
  for (; at < part.length; at++) {
    let char = part[at];
    if (char === ']' && !first) return { token: { kind: 'class', negated, items }, end: at };
    first = false;
    if (char === '\\' && at + 1 < part.length) char = part[++at];
    if (part[at + 1] === '-' && at + 2 < part.length && part[at + 2] !== ']') {
      let to = part[at + 2];
      at += 2;
      if (to === '\\' && at + 1 < part.length) to = part[++at];
      items.push([char, to]);
    } else items.push(fold(char));
  }
  return undefined;
}

function inClass(token: Extract<Token, { kind: 'class' }>, char: string, nocase: boolean): boolean {
  const variants = nocase ? [char, char.toLowerCase(), char.toUpperCase()] : [char];
  const hit = token.items.some((item) =>
    typeof item === 'string' ? variants.includes(item) : variants.some((variant) => variant >= item[0] && variant <= item[1]),
  );
  return hit !== token.negated;
}

/** One path segment against one glob segment: at most tokens × characters steps. */
function matchName(segment: Extract<Segment, { kind: 'tokens' }>, name: string, options: GlobOptions): boolean {
  const { tokens } = segment;
  if (name.startsWith('.') && !segment.literalDot) {
    // Wildcards never match `.` and `..`, and match other dot names only with the dot option.
    if (name === '.' || name === '..' || !options.dot) return false;
  }
  // A name that is only a star needs one character at least, as in minimatch.
  if (name === '' && tokens.length > 0) return false;
  return matchTokens(tokens, options.nocase ? foldCase(name) : name, options.nocase);
}

/** Lower case, character for character (a letter whose lower case is longer, such as İ, stays). */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (char) => (char.toLowerCase().length === char.length ? char.toLowerCase() : char)).join('');
}

function matchTokens(tokens: Token[], text: string, nocase: boolean): boolean {
  let token = 0;
  let at = 0;
  let starToken = -1;
  let starAt = 0;
  while (at < text.length) {
    const current = tokens[token];
    if (current?.kind === 'star') {
      starToken = token++;
      starAt = at;
      continue;
    }
    if (current && (current.kind === 'any' || (current.kind === 'char' ? current.char === text[at] : inClass(current, text[at], nocase)))) {
      token++;
      at++;
      continue;
    }
    if (starToken === -1) return false;
    // Only the last star backtracks: what came before it already matched, in its earliest place.
    token = starToken + 1;
    at = ++starAt;
  }
  while (tokens[token]?.kind === 'star') token++;
  return token === tokens.length;
}

/** The path's names against the glob's segments, `**` standing for any number of names: a set of positions per name. */
function matchSegments(segments: Segment[], names: string[], options: GlobOptions): boolean {
  let positions = closeOver(new Set([0]), segments);
  for (const name of names) {
    const next = new Set<number>();
    for (const position of positions) {
      const segment = segments[position];
      if (!segment) continue;
      if (segment.kind === 'globstar') {
        // `**` crosses a name (not `.`/`..`, nor dot names without the dot option) and stays.
        if (name !== '.' && name !== '..' && (options.dot || !name.startsWith('.'))) {
          next.add(position);
          // A last `**` needs one name at least: `a/**` is what is inside `a`, not `a` itself.
          if (position === segments.length - 1) next.add(segments.length);
        }
      } else if (matchName(segment, name, options)) next.add(position + 1);
    }
    if (next.size === 0) return false;
    positions = closeOver(next, segments);
  }
  return positions.has(segments.length);
}

/** Adds the positions after each `**` but the last, which may stand for no name at all. */
function closeOver(positions: Set<number>, segments: Segment[]): Set<number> {
  for (const position of positions) if (segments[position]?.kind === 'globstar' && position + 1 < segments.length) positions.add(position + 1);
  return positions;
}
