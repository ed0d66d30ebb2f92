/**
 * Decides, from the words of a text, which of many patterns could match it at all, so a field is
 * searched only with the few patterns whose first word it contains instead of with all of them.
 *
 * Each pattern's possible first words are read from its source: "\b(?:get|getting) the demo"
 * can only match where the text has the word "get" or "getting". A pattern whose first word
 * cannot be read this way (it starts with a word class, or may start mid-word) is always tried.
 * Words are runs of ASCII letters, digits and "_": what `\b` sees in a pattern without the `u`
 * and `i` flags. The index is sound by construction: if a pattern matches, its first word is in
 * the text (tested over every labelled field in test/unit/ruleIndex.test.ts).
 */

/** Indices of the patterns worth trying on a text, ascending. */
export class RuleIndex {
  private readonly byWord = new Map<string, number[]>();
  private readonly always: number[] = [];
  private readonly count: number;

  constructor(sources: readonly string[]) {
    this.count = sources.length;
    sources.forEach((source, index) => {
      const words = leadingWords(source);
      if (words === undefined) {
        this.always.push(index);
        return;
      }
      for (const word of words) {
        const list = this.byWord.get(word);
        if (list) list.push(index);
        else this.byWord.set(word, [index]);
      }
    });
  }

  /** How many patterns are tried on every text, whatever its words. */
  get alwaysTried(): number {
    return this.always.length;
  }

  /** A flag per pattern: 1 when it could match `text`. */
  candidates(text: string): Uint8Array {
    const flags = new Uint8Array(this.count);
    for (const index of this.always) flags[index] = 1;
    for (const [word] of text.matchAll(WORD_RUN)) {
      const list = this.byWord.get(word);
      if (list) for (const index of list) flags[index] = 1;
    }
    return flags;
  }
}

const WORD_RUN = /[A-Za-z0-9_]+/g;
const WORD_CHAR = /^[A-Za-z0-9_]$/;
/** Beyond this many spellings a pattern is simply always tried. */
const MAX_SPELLINGS = 4000;

// A reader for the part of JavaScript's pattern syntax the judge uses. It walks the source only as
// far as the first word of a match reaches, and anything it does not know makes the pattern
// "always tried", never wrongly skipped.

class Unsupported extends Error {}

/** A partial spelling of a match's first word. */
interface Spelling {
  word: string;
  /** The word is complete: what follows cannot be a word character. */
  done: boolean;
  /** The match is known to start where a word starts. */
  anchored: boolean;
}

/** One element of a pattern, as far as spelling needs it. */
type Atom =
  | { kind: 'char'; char: string }
  | { kind: 'space' | 'boundary' | 'start' | 'end' | 'other' }
  | { kind: 'group'; bodyStart: number; bodyEnd: number }
  | { kind: 'look'; behind: boolean; negative: boolean; bodyStart: number; bodyEnd: number }
  | { kind: 'letters'; letters: string };

class Speller {
  constructor(private readonly source: string) {}

  /** Index just past the `)` that closes the group whose `(` is at `open`. */
  private groupEnd(open: number): number {
    const source = this.source;
    let depth = 0;
    for (let at = open; at < source.length; at++) {
      const char = source[at];
      if (char === '\\') at++;
      else if (char === '[') at = this.classEnd(at) - 1;
      else if (char === '(') depth++;
      else if (char === ')' && --depth === 0) return at + 1;
    }
    throw new Unsupported();
  }

  /** Index just past the `]` that closes the class whose `[` is at `open`. */
  private classEnd(open: number): number {
    const source = this.source;
    for (let at = open + 1; at < source.length; at++) {
      if (source[at] === '\\') at++;
      else if (source[at] === ']') return at + 1;
    }
    throw new Unsupported();
  }

  /** Reads the element at `at`; returns it and where it ends. */
  private atom(at: number): { atom: Atom; end: number } {
    const source = this.source;
    const char = source[at];
    if (char === '(') {
      const end = this.groupEnd(at);
      if (source.startsWith('?:', at + 1)) return { atom: { kind: 'group', bodyStart: at + 3, bodyEnd: end - 1 }, end };
      const look = /^\?(<?)([=!])/.exec(source.slice(at + 1, at + 4));
      if (look) {
        return { atom: { kind: 'look', behind: look[1] === '<', negative: look[2] === '!', bodyStart: at + 1 + look[0].length, bodyEnd: end - 1 }, end };
      }
      if (source[at + 1] === '?') throw new Unsupported();
      return { atom: { kind: 'group', bodyStart: at + 1, bodyEnd: end - 1 }, end };
    }
    if (char === '[') {
      const end = this.classEnd(at);
      const body = source.slice(at + 1, end - 1);
      // [sz] in "maximi[sz]e": a choice of letters.
      return { atom: /^[A-Za-z0-9_]+$/.test(body) ? { kind: 'letters', letters: body } : { kind: 'other' }, end };
    }
    if (char === '\\') {
      const escaped = source[at + 1];
      const end = at + 2;
      if (escaped === 'b') return { atom: { kind: 'boundary' }, end };
      if (escaped === 's' || escaped === 'n' || escaped === 't' || escaped === 'r' || escaped === 'f' || escaped === 'v') return { atom: { kind: 'space' }, end };
      if (/[A-Za-z0-9]/.test(escaped)) return { atom: { kind: 'other' }, end };
      return { atom: { kind: 'char', char: escaped }, end };
    }
    const end = at + 1;
    if (char === '.') return { atom: { kind: 'other' }, end };
    if (char === '^') return { atom: { kind: 'start' }, end };
    if (char === '$') return { atom: { kind: 'end' }, end };
    if (char === ' ') return { atom: { kind: 'space' }, end };
    if (char === '|' || char === ')' || char === '*' || char === '+' || char === '?' || char === '{') throw new Unsupported();
    return { atom: { kind: 'char', char }, end };
  }

  /** Reads an optional quantifier at `at`. */
  private quantifier(at: number): { min: number; max: number; end: number } {
    const source = this.source;
    const char = source[at];
    let min = 1;
    let max = 1;
    let end = at;
    if (char === '?') [min, max, end] = [0, 1, at + 1];
    else if (char === '*') [min, max, end] = [0, Infinity, at + 1];
    else if (char === '+') [min, max, end] = [1, Infinity, at + 1];
    else if (char === '{') {
      const close = source.indexOf('}', at);
      const m = close < 0 ? null : /^(\d+)(,(\d*))?$/.exec(source.slice(at + 1, close));
      if (m) [min, max, end] = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]), close + 1];
    }
    if (end > at && source[end] === '?') end++;
    return { min, max, end };
  }

  /** The alternatives of [start, end), split at the `|` that belong to this level. */
  private alternatives(start: number, end: number): Array<[number, number]> {
    const source = this.source;
    const result: Array<[number, number]> = [];
    let from = start;
    for (let at = start; at < end; at++) {
      const char = source[at];
      if (char === '\\') at++;
      else if (char === '[') at = this.classEnd(at) - 1;
      else if (char === '(') at = this.groupEnd(at) - 1;
      else if (char === '|') {
        result.push([from, at]);
        from = at + 1;
      }
    }
    result.push([from, end]);
    return result;
  }

  spellAlternatives(start: number, end: number, spellings: Spelling[]): Spelling[] {
    const out: Spelling[] = [];
    for (const [from, to] of this.alternatives(start, end)) out.push(...this.spellSequence(from, to, spellings));
    return unique(out);
  }

  private spellSequence(start: number, end: number, spellings: Spelling[]): Spelling[] {
    let current = spellings;
    let at = start;
    while (at < end) {
      if (current.every((s) => s.done)) return current;
      const { atom, end: atomEnd } = this.atom(at);
      const { min, max, end: next } = this.quantifier(atomEnd);
      at = next;
      current = this.repeat(atom, min, max, current);
    }
    return current;
  }

  private repeat(atom: Atom, min: number, max: number, spellings: Spelling[]): Spelling[] {
    if (min === 1 && max === 1) return this.once(atom, spellings);
    const results: Spelling[] = min === 0 ? [...spellings] : [];
    let current = spellings;
    for (let repeat = 1; repeat <= max; repeat++) {
      current = unique(this.once(atom, current));
      if (current.every((s) => s.done)) {
        results.push(...current);
        break;
      }
      if (repeat >= min) results.push(...current);
      // A word that could grow without bound has no fixed spelling.
      if (repeat >= 6) throw new Unsupported();
    }
    return unique(results);
  }

  private once(atom: Atom, spellings: Spelling[]): Spelling[] {
    const out: Spelling[] = [];
    for (const s of spellings) {
      if (s.done) {
        out.push(s);
        continue;
      }
      switch (atom.kind) {
        case 'char':
          if (WORD_CHAR.test(atom.char)) out.push(append(s, atom.char));
          // A match that starts with punctuation has no first word.
          else if (s.word === '') throw new Unsupported();
          else out.push({ ...s, done: true });
          break;
        case 'letters':
          for (const letter of atom.letters) out.push(append(s, letter));
          break;
        case 'space':
        case 'end':
          if (s.word === '') throw new Unsupported();
          out.push({ ...s, done: true });
          break;
        case 'boundary':
          out.push(s.word === '' ? { ...s, anchored: true } : { ...s, done: true });
          break;
        case 'start':
          // "^" after a letter never matches.
          if (s.word === '') out.push({ ...s, anchored: true });
          break;
        case 'group':
          out.push(...this.spellAlternatives(atom.bodyStart, atom.bodyEnd, [s]));
          break;
        case 'look':
          if (atom.negative && !atom.behind && s.word !== '' && /^\[[^\]]*\\w/.test(this.source.slice(atom.bodyStart, atom.bodyEnd))) {
            // (?![\w'-]): no word character follows, so the word ends here.
            out.push({ ...s, done: true });
          } else if (atom.behind && !atom.negative && s.word === '' && this.alternatives(atom.bodyStart, atom.bodyEnd).every(([from, to]) => this.endsWithSpace(from, to))) {
            // (?<=, ) and (?<=\bthen ): preceded by a space, so a word starts here.
            out.push({ ...s, anchored: true });
          } else {
            // Any other look-around only narrows what matches; it adds no letters.
            out.push(s);
          }
          break;
        case 'other':
          throw new Unsupported();
      }
    }
    return out;
  }

  /** Whether the sequence [start, end) always ends with a space. */
  private endsWithSpace(start: number, end: number): boolean {
    const source = this.source;
    return source.endsWith(' ', end) || source.startsWith('\\s', end - 2) || source.startsWith('\\s+', end - 3);
  }
}

function append(s: Spelling, letter: string): Spelling {
  if (s.word === '' && !s.anchored) throw new Unsupported();
  return { word: s.word + letter, done: false, anchored: s.anchored };
}

function unique(spellings: Spelling[]): Spelling[] {
  if (spellings.length < 2) return spellings;
  const seen = new Map<string, Spelling>();
  for (const s of spellings) seen.set(`${s.word}\u0000${s.done ? 1 : 0}${s.anchored ? 1 : 0}`, s);
  if (seen.size > MAX_SPELLINGS) throw new Unsupported();
  return seen.size === spellings.length ? spellings : [...seen.values()];
}

/**
 * Every word a match of `source` can start with, or undefined when that cannot be read from the
 * source (the pattern must then always be tried).
 */
export function leadingWords(source: string): Set<string> | undefined {
  try {
    const spellings = new Speller(source).spellAlternatives(0, source.length, [{ word: '', done: false, anchored: false }]);
    // A spelling still open at the end could continue into a longer word of the text.
    if (spellings.some((s) => !s.done || s.word === '')) return undefined;
    return new Set(spellings.map((s) => s.word));
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
