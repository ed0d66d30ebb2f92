import { test } from 'node:test';
import { fuzzNotes } from '../fuzz/noteProperties';

// Fixed, so `npm test` gives the same answer every run; `npm run fuzz` picks a new seed each time.
const SEED = 20261127;

test('2,000 random, note-shaped and mutated notes: no throw, every range inside, same result twice', { timeout: 120_000 }, (context) => {
  context.diagnostic(`seed ${SEED} (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=2000 npm run fuzz)`);
  fuzzNotes(2_000, SEED);
});
