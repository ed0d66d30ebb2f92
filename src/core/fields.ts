import { isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar } from 'yaml';
import type { FrontMatter } from './parse';

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

/** Values that mean "nothing written yet". */
const PLACEHOLDER = /^\s*(?:|~|null|tbd|todo|tba|n\/?a|none|-+|\.{2,}|…|\?+|x{2,}|<[^>]*>|\[[^\]]*\]|\{[^}]*\})\s*$/i;

/** Whether a value is empty or only a placeholder. */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** Finds the field named `names[0]` (or any alias in `names`) at the top level of the front matter. */
export function findField(frontMatter: FrontMatter | undefined, text: string, names: readonly string[]): Field {
  const field: Field = { shape: 'absent', texts: [], duplicates: [] };
  const document = frontMatter?.document;
  if (!frontMatter || !document || !isMap(document.contents)) return field;
  const base = frontMatter.yamlStart;
  const wanted = new Set(names.map((name) => name.toLowerCase()));

  for (const pair of document.contents.items as Pair<unknown, unknown>[]) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string' || !wanted.has(key.value.trim().toLowerCase())) continue;
    const [keyFrom, keyTo] = key.range ?? [0, 0];
    if (field.key !== undefined) {
      field.duplicates.push({ key: key.value, start: base + keyFrom, end: base + keyTo });
      continue;
    }
    field.key = key.value;
    field.keyStart = base + keyFrom;
    field.keyEnd = base + keyTo;
    field.pairStart = base + keyFrom;
    const valueNode = pair.value as Node | null;
    field.pairEnd = base + (valueNode?.range?.[1] ?? keyTo);
    readValue(field, valueNode, document, base, text);
  }
  return field;
}

function readValue(field: Field, node: Node | null, document: FrontMatter['document'], base: number, text: string): void {
  const resolved = isAlias(node) ? (node.resolve(document!) as Node | undefined) : node;
  if (resolved === undefined || resolved === null) {
    field.shape = 'empty';
    return;
  }
  if (isScalar(resolved)) {
    const item = scalarText(resolved, base, text);
    if (item === undefined || isPlaceholder(item.text)) field.shape = 'empty';
    else {
      field.shape = 'text';
      field.texts.push(item);
    }
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

function scalarText(scalar: Scalar, base: number, text: string): FieldText | undefined {
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
