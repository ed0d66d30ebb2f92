import { CST, isScalar, Lexer, Schema, type ScalarTag } from 'yaml';

/**
 * Reads the plainest front matter without building a YAML document: `key: value` lines (plain or
 * quoted values on one line), lists of one-line items under a key, comments and blank lines. That is
 * what nearly every note has. yaml's own Lexer splits the block, and each value is resolved by
 * yaml's own functions (CST.resolveAsScalar, then the core schema's tags), so the values, types and
 * ranges are the ones parseDocument gives. Anything else (nesting, anchors, tags, flow collections,
 * block scalars, values over several lines, tabs, an unusual list) returns undefined, and so does
 * anything yaml reports as a problem: the caller then parses the block in full.
 *
 * Building the document was most of the cost of a note: for the front matter of the 10,000 bench
 * notes, in a fresh process, parseDocument took about 770 ms and the lexer's reading 380-500 ms.
 * The simplest lines (readSimpleLines) are read before the lexer is tried, with one regular
 * expression a line: 80-130 ms for the same notes. test/unit/plainFrontMatter.test.ts checks, over
 * 50,000 generated blocks and 2,000 fuzzed notes, that whatever either accepts reads exactly as the
 * full parse, and `npm run fuzz` checks every note it generates.
 */

/** One scalar as parseDocument would give it; the range is relative to the YAML block. */
export interface PlainScalar {
  value: unknown;
  type: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
  range: [number, number];
}

/** One top-level `key: value`; the value is a scalar, a list of scalars (null for an empty item) or null. */
export interface PlainEntry {
  key: PlainScalar;
  value: PlainScalar | (PlainScalar | null)[] | null;
}

/** The core schema's scalar tags that a plain scalar's text selects (null, booleans, numbers). */
const SCALAR_TAGS = new Schema({}).tags.filter(
  (tag): tag is ScalarTag => tag.default === true && !tag.collection && tag.test !== undefined,
);
/** Keys longer than this are left to the full parse (yaml limits implicit keys to 1024 characters). */
const MAX_KEY = 1000;

class NotPlain extends Error {}
const notPlain = (): never => {
  throw new NotPlain('not plain front matter');
};

/** The entries of a YAML block made only of plain lines, or undefined when it needs the full parse. */
export function readPlainEntries(yaml: string): PlainEntry[] | undefined {
  try {
    return readSimpleLines(yaml) ?? new PlainReader(yaml).read();
  } catch {
    // NotPlain, or anything yaml's functions threw: the full parse is the reference either way.
    return undefined;
  }
}

// The simplest lines, read without the lexer: `key: value`, `key:` and `  - item`, where the key
// is a bare word and the value a plain scalar of printable characters with nothing YAML reads
// specially (no quote or indicator first, no ": ", " #" or tab inside, no ":" last).
const SIMPLE_VALUE = '[^\\s\\-?:,[\\]{}#&*!|>\'"%@`\\p{C}\\p{Z}](?:(?!: | #)[^\\t\\p{C}\\p{Zl}\\p{Zp}])*?(?<![:\\s])';
const SIMPLE_ENTRY = new RegExp(`^([A-Za-z_][A-Za-z0-9_-]*):(?:( +)(${SIMPLE_VALUE}))? *$`, 'u');
const SIMPLE_ITEM = new RegExp(`^( *)-(?: (${SIMPLE_VALUE}))?$`, 'u');

/** The entries when every line is one of the simplest kinds, else undefined (and PlainReader decides). */
export function readSimpleLines(yaml: string): PlainEntry[] | undefined {
  const entries: PlainEntry[] = [];
  let list: (PlainScalar | null)[] | undefined;
  let listIndent = -1;
  for (let start = 0; start <= yaml.length; ) {
    let end = yaml.indexOf('\n', start);
    if (end === -1) end = yaml.length;
    // A \r belongs to the line break only right before a \n; any other is for the full reader.
    const line = yaml.slice(start, end < yaml.length && end > start && yaml.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (line.includes('\r')) return undefined;
    const item = list !== undefined ? SIMPLE_ITEM.exec(line) : null;
    if (item && (listIndent < 0 || item[1].length === listIndent)) {
      listIndent = item[1].length;
      list!.push(item[2] === undefined ? null : simpleScalar(item[2], start + item[1].length + 2));
    } else if (/^ *$/.test(line) || line.charCodeAt(0) === 35 /* # */) {
      // A blank line or a comment ends a list: an item after it is for the full reader to judge.
      list = undefined;
    } else {
      const entry = SIMPLE_ENTRY.exec(line);
      if (!entry || entry[1].length > MAX_KEY) return undefined;
      const key = simpleScalar(entry[1], start);
      if (entry[3] === undefined) {
        list = [];
        listIndent = -1;
        entries.push({ key, value: null });
      } else {
        list = undefined;
        entries.push({ key, value: simpleScalar(entry[3], start + entry[1].length + 1 + entry[2].length) });
      }
    }
    // A key with items under it holds them; one with none stays null.
    if (list !== undefined && list.length > 0) entries[entries.length - 1].value = list;
    start = end + 1;
  }
  return entries;
}

function simpleScalar(text: string, at: number): PlainScalar {
  return { value: resolvePlain(text), type: 'PLAIN', range: [at, at + text.length] };
}

/** A plain scalar's value as the composer gives it: the first of the core schema's tags whose test the text passes. */
function resolvePlain(text: string): unknown {
  const tag = SCALAR_TAGS.find((candidate) => candidate.test!.test(text));
  if (!tag) return text;
  const result: unknown = tag.resolve(text, notPlain, {});
  return isScalar(result) ? result.value : result;
}

class PlainReader {
  /** Tokens lexed so far: the lexer runs only as far as the reading gets, so a block that is not plain stops early. */
  private readonly tokens: string[] = [];
  /** Each token's type (null: a plain scalar's text). */
  private readonly types: (string | null)[] = [];
  private readonly lexer: Iterator<string>;
  private index = 0;
  /** Offset in the block of the token at `index`. */
  private offset = 0;

  constructor(yaml: string) {
    this.lexer = new Lexer().lex(yaml);
  }

  read(): PlainEntry[] {
    const entries: PlainEntry[] = [];
    while (this.type() !== undefined) {
      const type = this.type();
      if (type === 'newline' || type === 'doc-mode') this.take();
      else if (type === 'comment') this.lineEnd();
      // A line of only blanks, or an indented comment.
      else if (type === 'space') this.lineTail();
      else entries.push(this.entry());
    }
    return entries;
  }

  private entry(): PlainEntry {
    const key = this.scalar();
    if (key.range[1] - key.range[0] > MAX_KEY) notPlain();
    if (this.type() !== 'map-value-ind') notPlain();
    this.take();
    const spaced = this.type() === 'space';
    if (spaced) this.space();
    const type = this.type();
    if (type === 'comment' || type === 'newline' || type === undefined) {
      this.lineEnd();
      return { key, value: this.list() };
    }
    if (!spaced) notPlain();
    const value = this.scalar();
    this.lineTail();
    return { key, value };
  }

  /** Items at one indentation right after `key:`, or null when the next line is no list item. */
  private list(): (PlainScalar | null)[] | null {
    const indent = this.type() === 'space' ? this.tokens[this.index].length : 0;
    if (this.type(indent > 0 ? 1 : 0) !== 'seq-item-ind') return null;
    const items: (PlainScalar | null)[] = [];
    for (;;) {
      if (indent > 0) {
        if (this.type() !== 'space' || this.tokens[this.index].length !== indent) break;
        if (this.type(1) !== 'seq-item-ind') notPlain();
        this.space();
      } else if (this.type() !== 'seq-item-ind') break;
      this.take();
      const type = this.type();
      if (type === 'newline' || type === undefined) {
        items.push(null);
      } else {
        if (type !== 'space') notPlain();
        this.space();
        if (this.type() === 'comment') notPlain();
        items.push(this.scalar());
      }
      this.lineTail();
    }
    // An item deeper or shallower than the first, or a blank line inside the list: the full parse decides.
    if (this.type() === 'space' && this.type(1) === 'seq-item-ind') notPlain();
    return items;
  }

  /** A one-line plain or quoted scalar, resolved as parseDocument resolves it. */
  private scalar(): PlainScalar {
    const type = this.type();
    let token: CST.FlowScalar;
    if (type === 'scalar') {
      this.take();
      if (this.type() !== undefined && this.type() !== null) notPlain();
      token = { type: 'scalar', offset: this.offset, indent: 0, source: this.tokens[this.index] };
    } else if (type === 'single-quoted-scalar' || type === 'double-quoted-scalar') {
      token = { type, offset: this.offset, indent: 0, source: this.tokens[this.index] };
    } else return notPlain();
    if (/[\r\n]/.test(token.source)) notPlain();
    this.take();
    const resolved = CST.resolveAsScalar(token, false, notPlain);
    if (resolved === null) return notPlain();
    const value = token.type === 'scalar' ? resolvePlain(resolved.value) : resolved.value;
    return { value, type: resolved.type as PlainScalar['type'], range: [resolved.range[0], resolved.range[1]] };
  }

  /** Only spaces: a tab in indentation or separation is left to the full parse. */
  private space(): void {
    if (this.tokens[this.index].includes('\t')) notPlain();
    this.take();
  }

  /** What may follow a value: blanks, a comment, then the end of the line. */
  private lineTail(): void {
    if (this.type() === 'space') this.space();
    this.lineEnd();
  }

  /** The end of a line: an optional comment, then a line break or the end of the block. */
  private lineEnd(): void {
    const type = this.type();
    if (type === undefined) return;
    if (type !== 'newline' && type !== 'comment') notPlain();
    if (type === 'comment') {
      this.take();
      if (this.type() !== undefined && this.type() !== 'newline') notPlain();
      if (this.type() === undefined) return;
    }
    this.take();
  }

  /** The type of the token `ahead` places on (null: a plain scalar's text), or undefined past the end. */
  private type(ahead = 0): string | null | undefined {
    while (this.tokens.length <= this.index + ahead) {
      const next = this.lexer.next();
      if (next.done) return undefined;
      this.tokens.push(next.value);
      this.types.push(CST.tokenType(next.value));
    }
    return this.types[this.index + ahead];
  }

  private take(): void {
    const type = this.types[this.index];
    const token = this.tokens[this.index++];
    // The lexer's markers (document start, scalar start) are not in the text.
    if (type !== 'doc-mode' && type !== 'scalar' && type !== 'flow-error-end') this.offset += token.length;
  }
}
