/**
 * Loads the judge's labelled sets: `<field>.<part>.txt`, one `label | industry | text` per line,
 * `#` comments. Labels: objectives `self`/`client`, outcomes `weak`/`strong`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Field = 'objectives' | 'outcomes';
export type Part = 'dev' | 'holdout' | 'holdout2' | 'holdout3' | 'trades' | 'second-language' | 'narrative' | 'dictated' | 'households';

export interface LabelledItem {
  readonly text: string;
  /** true = should be flagged (self-focused objective, weak outcome). */
  readonly positive: boolean;
  readonly industry: string;
  readonly line: number;
}

/** The folder holding the data files, found from the compiled or the source location. */
export function dataDir(): string {
  for (const dir of [path.join(__dirname, '../../../test/judge'), path.join(__dirname), path.join(process.cwd(), 'test/judge')]) {
    if (fs.existsSync(path.join(dir, 'objectives.dev.txt'))) return dir;
  }
  throw new Error('cannot find test/judge/objectives.dev.txt');
}

const POSITIVE: Record<Field, string> = { objectives: 'self', outcomes: 'weak' };
const NEGATIVE: Record<Field, string> = { objectives: 'client', outcomes: 'strong' };

/** Read one labelled part of one field. */
export function loadItems(field: Field, part: Part): LabelledItem[] {
  const file = path.join(dataDir(), `${field}.${part}.txt`);
  const items: LabelledItem[] = [];
  fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [label, industry, ...rest] = raw.split(' | ');
    const text = rest.join(' | ');
    if (label !== POSITIVE[field] && label !== NEGATIVE[field]) throw new Error(`${file}:${i + 1}: bad label ${label}`);
    items.push({ text, positive: label === POSITIVE[field], industry: industry.trim(), line: i + 1 });
  });
  return items;
}

export interface Confusion { tp: number; fp: number; fn: number; tn: number }

/** Precision and recall of the positive class (1 when nothing was predicted / expected). */
export function scores(c: Confusion): { precision: number; recall: number } {
  return {
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  };
}

/** Targets from issue 4. */
export const TARGETS: Record<Field, { precision: number; recall: number }> = {
  objectives: { precision: 0.95, recall: 0.9 },
  outcomes: { precision: 0.95, recall: 0.95 },
};

/** One labelled line of any source: a corpus writer's file or one of the project's own sets. */
export interface SourcedItem extends LabelledItem {
  /** The writer: `w1`…`w8` from the shared corpus, `own` for test/judge/. */
  readonly writer: string;
  /** `hard` in the corpus: a shallow cue points to the wrong label. Never true for own sets. */
  readonly hard: boolean;
  /** Where the line is, without its text: `w3.objectives:17`, `own.objectives.dev:42`. */
  readonly id: string;
}

/** The corpus writers, in order. */
export const CORPUS_WRITERS = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'] as const;
export const OWN_PARTS: readonly Part[] = ['dev', 'holdout', 'holdout2', 'holdout3', 'trades', 'second-language', 'narrative', 'dictated', 'households'];

/**
 * The shared corpus folder: `$OO_CORPUS_DIR`, else `../shared/corpus` beside the project, else
 * beside the local repository this one was cloned from (a fresh clone in a temporary folder). It
 * is read where it is and never copied into the project.
 */
export function corpusDir(): string {
  const root = path.resolve(dataDir(), '..', '..');
  const candidates = [process.env.OO_CORPUS_DIR, path.join(root, '..', 'shared', 'corpus')];
  const origin = localOrigin(root);
  if (origin) candidates.push(path.join(origin, '..', 'shared', 'corpus'));
  const found = candidates.filter((d): d is string => !!d);
  for (const dir of found) if (fs.existsSync(path.join(dir, 'LABELS.md'))) return dir;
  throw new Error(`cannot find the labelled corpus (LABELS.md) in ${found.join(' or ')}: set OO_CORPUS_DIR`);
}

/** The `origin` remote of the repository at `root` when it is a folder on this machine. */
function localOrigin(root: string): string | undefined {
  let config: string;
  try {
    config = fs.readFileSync(path.join(root, '.git', 'config'), 'utf8');
  } catch {
    return undefined;
  }
  const section = /\[remote "origin"\]([^[]*)/.exec(config)?.[1] ?? '';
  const url = /^\s*url\s*=\s*(.+?)\s*$/m.exec(section)?.[1];
  if (!url) return undefined;
  const local = url.startsWith('file://') ? url.slice('file://'.length) : url;
  return path.isAbsolute(local) && fs.existsSync(local) ? local : undefined;
}

const CORPUS_POSITIVE: Record<Field, string> = { objectives: 'self', outcomes: 'weak' };
const CORPUS_NEGATIVE: Record<Field, string> = { objectives: 'client', outcomes: 'advance' };

/** One corpus writer's labelled lines of one field. */
export function loadWriter(field: Field, writer: string): SourcedItem[] {
  const file = path.join(corpusDir(), `${writer}.${field}.jsonl`);
  const items: SourcedItem[] = [];
  fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const x = JSON.parse(raw) as { text: string; label: string; industry?: string; hard?: boolean };
    if (x.label !== CORPUS_POSITIVE[field] && x.label !== CORPUS_NEGATIVE[field]) throw new Error(`${file}:${i + 1}: bad label ${x.label}`);
    items.push({
      text: x.text, positive: x.label === CORPUS_POSITIVE[field], industry: x.industry ?? '', line: i + 1,
      writer, hard: x.hard === true, id: `${writer}.${field}:${i + 1}`,
    });
  });
  return items;
}

/** Every labelled line of a field: the corpus writers, then the project's own sets as writer `own`. */
export function loadAll(field: Field): SourcedItem[] {
  const out: SourcedItem[] = [];
  for (const w of CORPUS_WRITERS) out.push(...loadWriter(field, w));
  for (const part of OWN_PARTS) {
    for (const item of loadItems(field, part)) out.push({ ...item, writer: 'own', hard: false, id: `own.${field}.${part}:${item.line}` });
  }
  return out;
}
