// `npm run fuzz`: the core's properties over 100,000 random, note-shaped, mutated and long-run
// notes, every fix applied to each, and 10,000 hostile configs, each lint within a time budget
// (FUZZ_RUNS, FUZZ_SEED, FUZZ_BUDGET_MS change the count, replay a failure, set the budget;
// FUZZ_OUTCOME_RUNS=0 leaves long runs out of the outcome). See test/fuzz/noteProperties.ts.
import { fuzzConfigs, fuzzNotes } from '../test/fuzz/noteProperties';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.FUZZ_SEED);
const budgetMs = Number(process.env.FUZZ_BUDGET_MS ?? 1_000);
const outcomeRuns = process.env.FUZZ_OUTCOME_RUNS !== '0';
const started = Date.now();
const batch = 10_000;
for (let done = 0; done < runs; done += batch) {
  // Batches of 10,000 with derived seeds, so progress shows and a failure names a seed to replay.
  const size = Math.min(batch, runs - done);
  const batchSeed = (seed + done) | 0;
  try {
    fuzzNotes(size, batchSeed, { budgetMs, outcomeRuns });
  } catch (error) {
    console.error(`fuzz: a property failed (replay with FUZZ_SEED=${batchSeed} FUZZ_RUNS=${size})`);
    throw error;
  }
  console.log(`fuzz: ${done + size} of ${runs} notes passed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
const configRuns = Math.max(1, Math.round(runs / 10));
try {
  fuzzConfigs(configRuns, seed, { budgetMs });
} catch (error) {
  console.error(`fuzz: a config property failed (replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs})`);
  throw error;
}
console.log(
  `fuzz: ${runs} notes and ${configRuns} configs, none over ${budgetMs} ms; no throw, every range inside the text, deterministic, ` +
    `lintFile from bytes and from text gives the same findings, front matter read as plain lines reads as the full parse, every fix keeps valid YAML, comments, anchors and tags (seed ${seed}).`,
);
