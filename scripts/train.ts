/**
 * `npm run train`: builds the judge's model from the project's labelled sets (test/judge/) and the
 * shared corpus (../shared/corpus/, read in place) into src/core/judge/model.json, which is
 * committed and bundled. The same code and data give the same bytes.
 * `--check`: exit 1 when the committed model is not what training produces now.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir, loadAll, type Field } from '../test/judge/dataset';
import { judgeText } from '../src/core/judge/verdict';
import { decodeFieldModel } from '../src/core/judge/model';
import { BUCKET_BITS } from '../src/core/judge/features';
import type { EncodedModel, JudgedField } from '../src/core/judge/model';
import { featurise, trainField, FIELD_OPTIONS } from './judge/trainer';

const FIELDS: ReadonlyArray<[JudgedField, Field]> = [['objective', 'objectives'], ['outcome', 'outcomes']];

/** Trains both fields' models; returns the model file's text and the verdicts snapshot's. */
export function buildModel(): { model: string; verdicts: string } {
  const trainedOn: Record<string, number> = {};
  const parts: Partial<Record<JudgedField, EncodedModel['objective']>> = {};
  for (const [field, data] of FIELDS) {
    const items = loadAll(data);
    for (const item of items) trainedOn[`${item.writer}.${data}`] = (trainedOn[`${item.writer}.${data}`] ?? 0) + 1;
    parts[field] = trainField(featurise(items, field), items.map((i) => i.positive), FIELD_OPTIONS[field]);
  }
  const model: EncodedModel = { format: 1, bucketBits: BUCKET_BITS, trainedOn, objective: parts.objective!, outcome: parts.outcome! };
  // The shipped model's verdict on every labelled line (ids only): test/unit/judge.test.ts checks it.
  const verdicts = ['# verdicts of the shipped model on every labelled line: id expected got (npm run train writes it)'];
  for (const [field, data] of FIELDS) {
    const decoded = decodeFieldModel(model[field], BUCKET_BITS);
    for (const item of loadAll(data)) {
      verdicts.push(`${item.id} ${item.positive ? 'flag' : 'pass'} ${judgeText(item.text, field, undefined, decoded).flagged ? 'flag' : 'pass'}`);
    }
  }
  return { model: `${JSON.stringify(model, null, 1)}\n`, verdicts: `${verdicts.join('\n')}\n` };
}

export const VERDICTS_FILE = (): string => path.join(dataDir(), 'verdicts.snapshot');

export const MODEL_FILE = path.join(__dirname, '..', '..', 'src', 'core', 'judge', 'model.json');

if (require.main === module) {
  const started = Date.now();
  const { model, verdicts } = buildModel();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(MODEL_FILE) ? fs.readFileSync(MODEL_FILE, 'utf8') : '';
    if (committed !== model) {
      console.error(`src/core/judge/model.json is not what training produces from this code and data (trained in ${seconds} s): run npm run train and commit it`);
      process.exit(1);
    }
    console.log(`model.json is up to date (trained again in ${seconds} s, ${model.length} bytes)`);
  } else {
    fs.writeFileSync(MODEL_FILE, model);
    fs.writeFileSync(VERDICTS_FILE(), verdicts);
    console.log(`wrote src/core/judge/model.json (${model.length} bytes) and test/judge/verdicts.snapshot, trained in ${seconds} s`);
  }
}
