import { isAlias, isMap, isNode, isScalar, isSeq, Node, Pair } from 'yaml';
import type { PlainEntry, PlainScalar } from './plainFrontMatter';
import type { FrontMatter } from './parse';
import { isSnippetExample } from './snippetExamples';

/**
 * A piece of text inside a field (the whole value, or one list item), with where it sits in the
 * note. Plain data, so the CLI can hand it to the thread that judges.
 */
export interface FieldText {
  text: string;
  /** Offsets of the value's source in the note (quotes included). */
  start: number;
  end: number;
  /** Where `text` begins inside its source: 0 when written as is, 1 inside quotes, -1 when not verbatim (folded, escaped). */
  shift: number;
  /** The value's source as written, when `shift` is -1. */
  source?: string;
}

/** Maps a phrase found in a field's text to note offsets, or undefined when the source does not hold it verbatim. */
export function locateInField(item: FieldText, from: number, to: number): { start: number; end: number } | undefined {
  if (item.shift >= 0) return { start: item.start + item.shift + from, end: item.start + item.shift + to };
  // Folded, escaped or block values: find the phrase as written, if it is written verbatim.
  const at = item.source!.indexOf(item.text.slice(from, to));
  return at === -1 ? undefined : { start: item.start + at, end: item.start + at + (to - from) };
}

export type FieldShape = 'absent' | 'empty' | 'text' | 'list' | 'other';

/** A front-matter field such as `objective`, found case-insensitively or through an alias. */
export interface Field {
  shape: FieldShape;
  /** The key as written, e.g. `Objective`. */
  key?: string;
  keyStart?: number;
  keyEnd?: number;
  /** Offsets of the whole `key: value` pair in the note. */
  pairStart?: number;
  pairEnd?: number;
  /** Texts to judge: one for a string, one per non-empty item for a list. */
  texts: FieldText[];
  /** Later pairs with the same key (ignored for judgement, reported as duplicates). */
  duplicates: { key: string; start: number; end: number }[];
}

/**
 * Values that mean "nothing written yet", tested on the trimmed value: `\s*` on both sides of the
 * alternatives backtracked over every split of a long run of spaces (100,000 took seconds).
 */
const PLACEHOLDER = /^(?:|~|null|tbd|todo|tba|n\/?a|none|-+|\.{2,}|…|\?+|x{2,}|<[^>]*>|\[[^\]]*\]|\{[^}]*\})$/i;

/** Whether a value is empty, only a placeholder, or a snippet's example left untouched. */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  return PLACEHOLDER.test(trimmed) || isSnippetExample(text);
}

/** Finds the field named `names[0]` (or any alias in `names`) at the top level of the front matter. */
export function findField(frontMatter: FrontMatter | undefined, text: string, names: readonly string[]): Field {
  const field: Field = { shape: 'absent', texts: [], duplicates: [] };
  if (!frontMatter) return field;
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const isWanted = (key: unknown): key is string => typeof key === 'string' && wanted.has(key.trim().toLowerCase());
  // Plain front matter answers without a document, unless the field is a list or an empty value
  // with a comment after it: those read from the document, whose lists and comments carry ranges
  // of their own. (An empty `result:` is the common case: parsing the document for it took the
  // report two thirds of its main thread's time.)
  const plain = frontMatter.plain;
  if (plain) {
    const base = frontMatter.yamlStart;
    const values: (PlainScalar | undefined)[] = plain.map((entry) => (isWanted(entry.key.value) ? plainValue(entry.key.range[1], entry.value, base, text) : undefined));
    if (plain.every((entry, index) => values[index] !== undefined || !isWanted(entry.key.value))) {
      plain.forEach((entry, index) => {
        if (values[index]) addPair(field, entry.key.value as string, entry.key.range, values[index]!, base, text);
      });
      return field;
    }
  }
  const document = frontMatter.document;
  if (!document || !isMap(document.contents)) return field;
  const base = frontMatter.yamlStart;

  for (const pair of document.contents.items as Pair<unknown, unknown>[]) {
    const key = pair.key;
    if (!isScalar(key) || !isWanted(key.value)) continue;
    const valueNode = pair.value as Node | null;
    if (addPair(field, key.value, key.range ?? [0, 0], valueNode, base, text)) readValue(field, valueNode, document, base, text);
  }
  return field;
}

/**
 * A plain entry's value as a scalar: itself, or for an empty value (`result:`) a null scalar where
 * the document puts it, after the colon and its spaces. Undefined for a list, or for an empty
 * value that a comment follows.
 */
function plainValue(keyEnd: number, value: PlainEntry['value'], base: number, text: string): PlainScalar | undefined {
  if (Array.isArray(value)) return undefined;
  if (value !== null) return value;
  // The colon follows the key at once in plain front matter.
  let at = base + keyEnd + 1;
  while (text.charCodeAt(at) === 32) at++;
  if (at < text.length && text[at] !== '\n' && text[at] !== '\r') return undefined;
  return { value: null, type: 'PLAIN', range: [at - base, at - base] };
}

/** Records a pair with a wanted key: the field's own (true: read its value), or a later duplicate. */
function addPair(field: Field, key: string, range: readonly number[], value: PlainScalar | Node | null, base: number, text: string): boolean {
  const [keyFrom, keyTo] = range;
  if (field.key !== undefined) {
    field.duplicates.push({ key, start: base + keyFrom, end: base + keyTo });
    return false;
  }
  field.key = key;
  field.keyStart = base + keyFrom;
  field.keyEnd = base + keyTo;
  field.pairStart = base + keyFrom;
  field.pairEnd = base + (value?.range?.[1] ?? keyTo);
  if (value !== null && !isNode(value)) readScalar(field, value, base, text);
  return true;
}

function readValue(field: Field, node: Node | null, document: FrontMatter['document'], base: number, text: string): void {
  const resolved = isAlias(node) ? (node.resolve(document!) as Node | undefined) : node;
  if (resolved === undefined || resolved === null) {
    field.shape = 'empty';
    return;
  }
  if (isScalar(resolved)) {
    readScalar(field, resolved, base, text);
    return;
  }
  if (isSeq(resolved)) {
    let nonText = 0;
    for (const element of resolved.items as Node[]) {
      const scalar = isAlias(element) ? (element.resolve(document!) as Node | undefined) : element;
      if (!isScalar(scalar)) {
        if (scalar !== null && scalar !== undefined) nonText++;
        continue;
      }
      const item = scalarText(scalar, base, text);
      if (item !== undefined && !isPlaceholder(item.text)) field.texts.push(item);
    }
    field.shape = field.texts.length > 0 ? 'list' : nonText > 0 ? 'other' : 'empty';
    return;
  }
  field.shape = 'other';
}

function readScalar(field: Field, scalar: ScalarLike, base: number, text: string): void {
  const item = scalarText(scalar, base, text);
  if (item === undefined || isPlaceholder(item.text)) field.shape = 'empty';
  else {
    field.shape = 'text';
    field.texts.push(item);
  }
}

/** A scalar from the document or from plain front matter. */
interface ScalarLike {
  value: unknown;
  type?: string;
  range?: readonly number[] | null;
}

function scalarText(scalar: ScalarLike, base: number, text: string): FieldText | undefined {
  if (scalar.value === null || scalar.value === undefined) return undefined;
  const value = typeof scalar.value === 'string' ? scalar.value : String(scalar.value);
  const [from, to] = scalar.range ?? [0, 0];
  const start = base + from;
  const end = base + to;
  const source = text.slice(start, end);
  const shift =
    source === value ? 0 : (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && source.slice(1, -1) === value ? 1 : -1;
  return shift >= 0 ? { text: value, start, end, shift } : { text: value, start, end, shift, source };
}
