import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildModel, MODEL_FILE, VERDICTS_FILE } from '../../scripts/train';

test('the committed model is byte for byte what training produces from the committed code and data', () => {
  const { model, verdicts } = buildModel();
  assert.ok(fs.readFileSync(MODEL_FILE, 'utf8') === model, 'src/core/judge/model.json is stale: run npm run train and commit it');
  assert.ok(fs.readFileSync(VERDICTS_FILE(), 'utf8') === verdicts, 'test/judge/verdicts.snapshot is stale: run npm run train and commit it');
});
