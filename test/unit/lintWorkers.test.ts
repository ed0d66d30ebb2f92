import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workersFor } from '../../src/cli/parallel';

test('the CLI starts only as many lint workers as the files need, whatever --concurrency allows', () => {
  assert.equal(workersFor(1, 64), 0, 'one note is linted on the main thread: no worker at all');
  assert.equal(workersFor(399, 64), 0, 'below 400 files a worker costs more than it saves');
  assert.equal(workersFor(450, 64), 8, 'one worker per batch of 64 files at most');
  assert.equal(workersFor(10_000, 2), 1, 'never more than the threads allowed, the main thread being one');
  assert.equal(workersFor(10_000, 1), 0);
});
