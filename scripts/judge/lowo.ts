/**
 * Leave-one-writer-out: for each writer, train without their lines and score them. What this
 * measures is what a new rep's notes will get.
 */
import { loadAll, type Field, type SourcedItem } from '../../test/judge/dataset';
import type { JudgedField } from '../../src/core/judge/model';
import { readField } from '../../src/core/judge/clauses';
import { normalise } from '../../src/core/judge/normalize';
import { asFieldModel, featurise, trainField, FIELD_OPTIONS, type TrainOptions } from './trainer';

/** A held-out verdict: the item, its score, and the threshold it is held to. */
export interface HeldOut {
  readonly item: SourcedItem;
  readonly score: number;
  readonly threshold: number;
}

export const JUDGED: Record<Field, JudgedField> = { objectives: 'objective', outcomes: 'outcome' };

/** Scores every labelled line of a field by a model trained without its writer. */
export function leaveOneWriterOut(
  field: Field,
  { options = FIELD_OPTIONS[JUDGED[field]], signals = true, items = loadAll(field) }: { options?: TrainOptions; signals?: boolean; items?: readonly SourcedItem[] } = {},
): HeldOut[] {
  const features = featurise(items, JUDGED[field], signals);
  const writers = [...new Set(items.map((i) => i.writer))];
  const out: HeldOut[] = [];
  for (const writer of writers) {
    const train = items.map((_, i) => i).filter((i) => items[i].writer !== writer);
    const model = asFieldModel(trainField(train.map((i) => features[i]), train.map((i) => items[i].positive), options));
    const test = items.map((_, i) => i).filter((i) => items[i].writer === writer);
    // Scored as the judge reads a field: with its deciding clause (clauses.ts).
    for (const i of test) out.push({ item: items[i], score: readField(model, normalise(items[i].text), JUDGED[field], signals), threshold: model.threshold });
  }
  return out;
}
