/**
 * Loads the judge's labelled sets: `<field>.<part>.txt`, one `label | industry | text` per line,
 * `#` comments. Labels: objectives `self`/`client`, outcomes `weak`/`strong`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Field = 'objectives' | 'outcomes';
export type Part = 'dev' | 'holdout' | 'holdout2' | 'holdout3';

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
