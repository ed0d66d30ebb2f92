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
 * notes, in a fresh process, parseDocument took about 770 ms and this reading 380 ms (docs/judge.md,
 * "The CLI on two cores"). test/unit/plainFrontMatter.test.ts checks, over 20,000 generated blocks
 * and 2,000 fuzzed notes, that whatever this accepts reads exactly as the full parse.
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
    return new PlainReader(yaml).read();
  } catch {
    // NotPlain, or anything yaml's functions threw: the full parse is the reference either way.
    return undefined;
  }
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
    let value: unknown = resolved.value;
    if (token.type === 'scalar') {
      // As the composer does: the first of the core schema's tags whose test the text passes.
      const tag = SCALAR_TAGS.find((candidate) => candidate.test!.test(resolved.value));
      if (tag) {
        const result: unknown = tag.resolve(resolved.value, notPlain, {});
        value = isScalar(result) ? result.value : result;
      }
    }
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
