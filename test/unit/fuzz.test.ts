import { test } from 'node:test';
import { fuzzConfigs, fuzzNotes } from '../fuzz/noteProperties';

// A fixed seed, printed, so a failure here replays with FUZZ_SEED in `npm run fuzz`; `npm run fuzz`
// picks a new seed each time. No time budget: speed is measured by `npm run bench`, never asserted
// in the unit tests.
const SEED = 20261201;

test(`2,000 random, note-shaped, mutated and long-run notes, every fix applied: no throw, every range inside, same result twice (seed ${SEED})`, { timeout: 300_000 }, (context) => {
  context.diagnostic(`seed ${SEED} (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=2000 npm run fuzz)`);
  fuzzNotes(2_000, SEED);
});

test(`200 hostile configs: never a throw, only usable values kept (seed ${SEED})`, { timeout: 120_000 }, (context) => {
  context.diagnostic(`seed ${SEED}`);
  fuzzConfigs(200, SEED);
});
