import { isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import type { FrontMatter } from '../parse';
import { lineBreakOf, lineStartOf } from './text';
import type { TextEdit } from './types';

/** One top-level `key: value` of the front matter, with note offsets. */
export interface TopLevelPair {
  /** The key as written (without quotes). */
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Offset of the value's first character, or just past the `:` when there is no value. */
  valueStart: number;
  /** Offset just past the value (before a trailing comment), equal to `valueStart` when there is none. */
  valueEnd: number;
  /** Offset of the start of the key's line. */
  lineStart: number;
  /** The whitespace before the key on its line. */
  indent: string;
  value: Node | null;
}

/** The top-level block map of the front matter, or undefined when a fix cannot safely edit it. */
export interface BlockFrontMatter {
  frontMatter: FrontMatter;
  /** Empty when the block holds no keys (only comments or nothing). */
  pairs: TopLevelPair[];
  /**
   * Where a new last line goes: the start of the `...` line that ends the YAML document when it has
   * one (a key after it would be outside the document), else the closing `---`.
   */
  linesEnd: number;
}

/**
 * Reads the front matter's top-level keys for editing. Undefined when the front matter is missing,
 * unclosed, not YAML, broken, or written in a style a line-based edit could break (a flow `{...}` map,
 * `? complex` keys).
 */
export function blockFrontMatter(text: string, frontMatter: FrontMatter | undefined): BlockFrontMatter | undefined {
  const document = frontMatter?.document;
  if (!frontMatter || !document || frontMatter.closeStart === undefined || document.errors.length > 0) return undefined;
  // Only under a plain `---` (or `---yaml`) fence: after `---{` an empty block passes for YAML, but
  // the same fence around the fields a fix writes is refused as another language.
  if (!isYamlFence(text, frontMatter.openStart, frontMatter.openEnd)) return undefined;
  const contents = document.contents;
  const linesEnd = documentEndMarker(text, frontMatter) ?? frontMatter.closeStart;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { frontMatter, pairs: [], linesEnd };
  if (!isMap(contents) || (contents as YAMLMap).flow) return undefined;
  const base = frontMatter.yamlStart;
  const pairs: TopLevelPair[] = [];
  for (const pair of contents.items as Pair<unknown, unknown>[]) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) return undefined;
    const keyStart = base + key.range[0];
    const keyEnd = base + key.range[1];
    const lineStart = lineStartOf(text, keyStart);
    const indent = text.slice(lineStart, keyStart);
    if (!/^[ \t]*$/.test(indent)) return undefined;
    const value = (pair.value ?? null) as Node | null;
    const colon = text.indexOf(':', keyEnd);
    if (colon === -1 || colon > frontMatter.yamlEnd) return undefined;
    // `!!str` with nothing after it is empty too; an anchor or tag (`&o`, `!!str`) stays before what is written.
    const isEmpty = value === null || (isScalar(value) && value.range?.[0] === value.range?.[1]);
    const valueStart = isEmpty ? endOfProperties(text, colon + 1) : base + value.range![0];
    const valueEnd = isEmpty ? valueStart : base + value.range![1];
    pairs.push({ key: String(key.value), keyStart, keyEnd, valueStart, valueEnd, lineStart, indent, value });
  }
  return { frontMatter, pairs, linesEnd };
}

/**
 * The edit that adds a line as the last of the YAML document, and where the line starts in its
 * new text. Before a `...` marker; otherwise at the end of the block, on the line already there
 * when the block ends with a line break (a blank line, a `|+` block scalar), so that no value above
 * gains a line break.
 */
export function appendLineEdit(text: string, layout: BlockFrontMatter, line: string): { edit: TextEdit; at: number } {
  const eol = lineBreakOf(text);
  const { frontMatter, linesEnd } = layout;
  if (linesEnd !== frontMatter.closeStart) return { edit: { start: linesEnd, end: linesEnd, newText: `${line}${eol}` }, at: 0 };
  const end = frontMatter.yamlEnd;
  if (text.charAt(end - 1) === '\n') return { edit: { start: end, end, newText: line }, at: 0 };
  return { edit: { start: end, end, newText: `${eol}${line}` }, at: eol.length };
}

/** Just past the anchors and tags (`&o`, `!!str`) that follow a colon on its line, or `from` when there are none. */
function endOfProperties(text: string, from: number): number {
  let end = from;
  for (let at = from; at < text.length; ) {
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (text[at] !== '&' && text[at] !== '!') break;
    while (at < text.length && !/\s/.test(text[at])) at++;
    end = at;
  }
  return end;
}

/** The start of the line holding the YAML document end marker `...`, if the block has one. */
function documentEndMarker(text: string, frontMatter: FrontMatter): number | undefined {
  for (let at = frontMatter.yamlStart; at < frontMatter.yamlEnd; ) {
    const lineStart = text.charAt(at) === '\n' ? at + 1 : at;
    if (text.startsWith('...', lineStart) && /^(?:[ \t#\r\n]|$)/.test(text.charAt(lineStart + 3))) return lineStart;
    const next = text.indexOf('\n', lineStart);
    if (next === -1 || next >= frontMatter.yamlEnd) break;
    at = next;
  }
  return undefined;
}

/** Whether the opening fence line is `---`, `---yaml` or `---yml` (spaces aside). */
export function isYamlFence(text: string, openStart: number, openEnd: number): boolean {
  const tail = text.slice(openStart + 3, openEnd).trim().toLowerCase();
  return tail === '' || tail === 'yaml' || tail === 'yml';
}

/** The pair whose key is one of `names` (case-insensitive), the first one when repeated. */
export function pairNamed(layout: BlockFrontMatter, names: readonly string[]): TopLevelPair | undefined {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  return layout.pairs.find((pair) => wanted.has(pair.key.trim().toLowerCase()));
}

/** Whether a value is a block sequence (`- item` lines). */
export function isBlockSeq(value: Node | null): boolean {
  return isSeq(value) && !value.flow;
}
