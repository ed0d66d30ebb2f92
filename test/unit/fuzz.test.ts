import { test } from 'node:test';
import { fuzzNotes } from '../fuzz/noteProperties';

test('2,000 random, note-shaped and mutated notes: no throw, every range inside, same result twice', { timeout: 120_000 }, () => {
  fuzzNotes(2_000);
});
