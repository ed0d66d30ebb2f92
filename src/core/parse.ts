import { Document, parseDocument, visit } from 'yaml';
import { readPlainEntries, type PlainEntry } from './plainFrontMatter';

/** Where the front matter sits in a note and what it holds. */
export interface FrontMatter {
  /** Offset of the opening `---`. */
  openStart: number;
  /** Offset just past the opening fence line's text (before its line break). */
  openEnd: number;
  /** Offset of the first character of the YAML block (the line break after the opening fence). */
  yamlStart: number;
  /** Offset just past the YAML block (where the closing line break + `---` begins), or the end of the text. */
  yamlEnd: number;
  /** Offset of the closing `---`, or undefined when the block is never closed. */
  closeStart?: number;
  /** The language named after the opening fence (`---yaml`), lower-cased; `yaml` for a bare `---`. */
  language: string;
  /**
   * The parsed YAML, with source ranges relative to `yamlStart`. Undefined when the block is not
   * YAML. When `plain` is set, the document is only parsed the first time this is read.
   */
  document?: Document.Parsed;
  /** The top-level entries, when the block is plain `key: value` lines (see plainFrontMatter.ts). */
  plain?: PlainEntry[];
}

/** A problem with the front matter itself: it is not YAML, not closed, or not valid. */
export interface FrontMatterProblem {
  message: string;
  start: number;
  end: number;
}

export interface ParsedNote {
  text: string;
  /** Undefined when the note has no front matter. */
  frontMatter?: FrontMatter;
  problems: FrontMatterProblem[];
}

const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

/**
 * Splits a note into front matter and body and parses the front matter as YAML, never running code:
 * a fence that names another language (`---js`, `---toml`) is refused, whatever the block holds.
 */
export function parseNote(text: string): ParsedNote {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom) || text.charAt(bom + 3) === '-') return { text, problems: [] };

  const lineEnd = indexOfLineEnd(text, bom);
  const openStart = bom;
  const openEnd = lineEnd;
  const yamlStart = lineEnd;
  const closeMatch = findClosingFence(text, yamlStart);
  const yamlEnd = closeMatch ?? text.length;

  const frontMatter: FrontMatter = {
    openStart,
    openEnd,
    yamlStart,
    yamlEnd,
    closeStart: closeMatch === undefined ? undefined : closeMatch + (text.charAt(closeMatch) === '\r' ? 2 : 1),
    language: languageAfterFence(text, bom) || 'yaml',
  };
  const problems: FrontMatterProblem[] = [];

  if (!YAML_LANGUAGES.has(frontMatter.language)) {
    problems.push({
      message: `Front matter in “${frontMatter.language}” is refused: only YAML is read, and code in a note is never run. Use --- on its own line and YAML keys.`,
      start: openStart,
      end: openEnd,
    });
    return { text, frontMatter, problems };
  }
  if (closeMatch === undefined) {
    problems.push({
      message: 'The front matter is never closed: add a line with --- after the last field.',
      start: openStart,
      end: openEnd,
    });
    return { text, frontMatter, problems };
  }

  const yamlText = text.slice(yamlStart, yamlEnd);
  // The parser recurses once per level: hundreds of levels take seconds and then overflow the stack.
  if (nestsDeeperThan(yamlText, MAX_NESTING)) {
    problems.push({
      message: `The front matter nests more than ${MAX_NESTING} levels deep, so it was not read. A note needs only a few plain fields.`,
      start: openStart,
      end: openEnd,
    });
    return { text, frontMatter, problems };
  }
  // The YAML parser takes about a second per megabyte of lines (blank ones too), and the fields'
  // patterns run on the values: real front matter is a few hundred bytes, so a huge block is not read.
  if (yamlText.length > MAX_FRONT_MATTER) {
    problems.push({
      message: `The front matter is ${Math.round(yamlText.length / 1024)} KB, more than ${MAX_FRONT_MATTER / 1024} KB, so it was not read. A note needs only a few plain fields.`,
      start: openStart,
      end: openEnd,
    });
    return { text, frontMatter, problems };
  }
  const plain = readPlainEntries(yamlText);
  if (plain !== undefined) {
    // Valid by construction, with no aliases: the fields are read from the entries, and a fix or a
    // completion that wants the document gets it then.
    frontMatter.plain = plain;
    let parsed: Document.Parsed | undefined;
    Object.defineProperty(frontMatter, 'document', { enumerable: true, configurable: true, get: () => (parsed ??= parseYaml(yamlText)) });
    return { text, frontMatter, problems };
  }
  const document = parseYaml(yamlText);
  frontMatter.document = document;
  for (const error of document.errors.slice(0, MAX_YAML_ERRORS)) {
    const explained = explainYamlError(error.code, error.message, error.pos[0], yamlText);
    problems.push({
      message: explained.message,
      ...lineAround(text, yamlStart + Math.min(explained.at, yamlText.length), frontMatter),
    });
  }
  const aliases = yamlText.includes('*') ? countAliases(document) : 0;
  if (aliases > MAX_ALIASES) {
    // Aliases are never expanded here, but a tool that loads this note might be: say so rather than trust it.
    problems.push({
      message: `The front matter repeats YAML aliases (*name) ${aliases} times, more than ${MAX_ALIASES}: that is how a “billion laughs” bomb is built, so it was not expanded. Write the values out.`,
      start: openStart,
      end: openEnd,
    });
  }
  return { text, frontMatter, problems };
}

// uniqueKeys off: duplicate keys are reported by the caller, case-insensitively, with both places.
function parseYaml(yamlText: string): Document.Parsed {
  return parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, strict: false });
}

/** Larger front matter is refused before parsing (see parseNote). */
const MAX_FRONT_MATTER = 64 * 1024;
/** Deeper front matter is refused before parsing (real notes nest two or three levels). */
const MAX_NESTING = 64;
/** More aliases than any note needs; the same bound the config file uses. */
const MAX_ALIASES = 50;
/** A broken block can hold thousands of errors; the first few say what is wrong. */
const MAX_YAML_ERRORS = 5;

/**
 * Whether YAML nests deeper than `limit`, estimated in one pass without parsing: flow brackets,
 * plus one level per deeper indentation (a `- ` counts as indentation).
 */
function nestsDeeperThan(yaml: string, limit: number): boolean {
  let flow = 0;
  const indents: number[] = [];
  for (let lineStart = 0; lineStart < yaml.length; ) {
    let lineEnd = yaml.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = yaml.length;
    let at = lineStart;
    let indent = 0;
    let dashes = false;
    for (; at < lineEnd; at++) {
      const char = yaml.charCodeAt(at);
      if (char === 0x20 || char === 0x09) indent++;
      else if (char === 0x2d && (yaml.charCodeAt(at + 1) === 0x20 || at + 1 === lineEnd)) {
        indent += 2;
        dashes = true;
      } else break;
    }
    if (dashes || (at < lineEnd && yaml.charCodeAt(at) !== 0x23 /* # */ && yaml.charCodeAt(at) !== 0x0d)) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > limit) return true;
    }
    for (; at < lineEnd; at++) {
      const char = yaml.charCodeAt(at);
      if (char === 0x5b || char === 0x7b) {
        if (++flow > limit) return true;
      } else if ((char === 0x5d || char === 0x7d) && flow > 0) flow--;
    }
    lineStart = lineEnd + 1;
  }
  return false;
}

function countAliases(document: Document.Parsed): number {
  let count = 0;
  visit(document, {
    Alias() {
      count++;
    },
  });
  return count;
}

/** The text of the line holding `offset`, or of the opening fence when that line is blank. */
function lineAround(text: string, offset: number, frontMatter: FrontMatter): { start: number; end: number } {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = indexOfLineEnd(text, start);
  if (offset >= frontMatter.yamlEnd || text.slice(start, end).trim() === '') {
    start = frontMatter.openStart;
    end = frontMatter.openEnd;
  }
  return { start, end };
}

function indexOfLineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  if (newline === -1) return text.length;
  return newline > from && text.charAt(newline - 1) === '\r' ? newline - 1 : newline;
}

function languageAfterFence(text: string, bom: number): string {
  return text.slice(bom + 3, indexOfLineEnd(text, bom)).trim().toLowerCase();
}

/** The offset of the line break before the closing `---`: the first line that starts with `---`. */
function findClosingFence(text: string, from: number): number | undefined {
  const index = text.indexOf('\n---', from);
  if (index === -1) return undefined;
  return index > from && text.charAt(index - 1) === '\r' ? index - 1 : index;
}

/**
 * A YAML error in a rep's words, and where the rep has to look: for an unclosed quote the parser
 * points at the end of the front matter, but the fix belongs on the line where the quote opened.
 */
export function explainYamlError(code: string, message: string, at: number, yamlText: string): { message: string; at: number } {
  switch (code) {
    case 'MISSING_CHAR': {
      const quote = /quote/i.test(message) ? unclosedQuoteAt(yamlText) : undefined;
      if (quote !== undefined) return { message: `This value's ${quote.mark === '"' ? 'double' : 'single'} quote is never closed: add ${quote.mark} at its end, or remove the opening one.`, at: quote.at };
      break;
    }
    case 'BAD_INDENT':
    case 'MISSING_FLOW_END':
    case 'UNEXPECTED_TOKEN':
      if (/flow (?:sequence|collection|mapping)|\]|\}/i.test(message)) {
        const bracket = /^[^#\n]*?:\s*([[{])[^\n\]}]*$/m.exec(yamlText);
        const mark = bracket?.[1] ?? '[';
        return { message: `A “${mark}” opened here is never closed with “${mark === '[' ? ']' : '}'}”: close it, or put the value in quotes.`, at: bracket ? bracket.index : at };
      }
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: 'This value holds “: ”, which reads as a second field on the same line: put the whole value in quotes.', at };
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: 'This line is indented under the one before, so it cannot be read as a field: start it at the left edge.', at };
    case 'TAB_AS_INDENT':
      return { message: 'A tab indents this line: front matter is indented with spaces only.', at };
    case 'DUPLICATE_KEY':
      return { message: 'This field is given twice: keep one.', at };
    default:
      break;
  }
  return { message: `The front matter cannot be read here: ${firstLine(message)}.`, at };
}

/** The line whose value opens a quote it never closes (the first one), with the quote mark. */
function unclosedQuoteAt(yamlText: string): { at: number; mark: string } | undefined {
  let offset = 0;
  for (const line of yamlText.split('\n')) {
    const value = /^(\s*(?:-\s+|[^#:\s][^:]*:\s+))(["'])/.exec(line);
    if (value) {
      const mark = value[2];
      const rest = line.slice(value[0].length);
      // Inside double quotes a backslash escapes; inside single quotes '' is a quote.
      const closed = mark === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest) : /'(?!')|^'$/.test(rest.replace(/''/g, ''));
      if (!closed) return { at: offset + value[1].length, mark };
    }
    offset += line.length + 1;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/[.:]$/, '');
}
