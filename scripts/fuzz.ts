// `npm run fuzz`: the core's properties over 100,000 random, note-shaped and mutated notes
// (FUZZ_RUNS and FUZZ_SEED change the count and replay a failure). See test/fuzz/noteProperties.ts.
import { fuzzNotes } from '../test/fuzz/noteProperties';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.FUZZ_SEED);
const started = Date.now();
const batch = 10_000;
for (let done = 0; done < runs; done += batch) {
  // Batches of 10,000 with derived seeds, so progress shows and a failure names a seed to replay.
  const size = Math.min(batch, runs - done);
  const batchSeed = (seed + done) | 0;
  try {
    fuzzNotes(size, batchSeed);
  } catch (error) {
    console.error(`fuzz: a property failed (replay with FUZZ_SEED=${batchSeed} FUZZ_RUNS=${size})`);
    throw error;
  }
  console.log(`fuzz: ${done + size} of ${runs} cases passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(`fuzz: ${runs} cases, no throw, every range inside the text, deterministic, judging deferred as on many threads gives the same findings (seed ${seed}).`);
