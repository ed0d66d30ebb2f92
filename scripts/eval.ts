/**
 * `npm run eval`: runs the judge over the labelled dev, holdout, holdout2 and holdout3 sets in test/judge/ and
 * prints each part's confusion matrix, precision and recall. Misjudged items are listed for the DEV
 * part only (the holdouts are never looked at while tuning: only their totals are printed). Exits 1 when dev is below the targets.
 * Flags: --dev (skip the holdout), --quiet (no list of misjudged items), --bench (speed only).
 */
import { judgeObjective, judgeOutcome } from '../src/core/judge';
import { loadItems, scores, TARGETS, type Confusion, type Field, type Part } from '../test/judge/dataset';

function evaluate(field: Field, part: Part): { c: Confusion; wrong: string[] } {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const wrong: string[] = [];
  for (const item of loadItems(field, part)) {
    let flagged: boolean;
    let detail = '';
    if (field === 'objectives') {
      const j = judgeObjective(item.text);
      flagged = j.selfFocused;
      detail = j.phrases.map((p) => `[${item.text.slice(p.start, p.end)}]`).join(' ');
    } else {
      const j = judgeOutcome(item.text);
      flagged = j.weak;
      detail = j.kind ?? '';
    }
    if (flagged && item.positive) c.tp++;
    else if (flagged) { c.fp++; wrong.push(`  FP  line ${item.line}: ${item.text}   ${detail}`); }
    else if (item.positive) { c.fn++; wrong.push(`  FN  line ${item.line}: ${item.text}`); }
    else c.tn++;
  }
  return { c, wrong };
}

const f3 = (x: number): string => x.toFixed(3);

/** `--bench`: median and p99 milliseconds per judgement over the dev texts (after a warm-up). */
function bench(): void {
  const objectives = loadItems('objectives', 'dev').map((i) => i.text);
  const outcomes = loadItems('outcomes', 'dev').map((i) => i.text);
  const measure = (judge: (t: string) => unknown, texts: string[]): string => {
    for (let i = 0; i < 30; i++) texts.forEach((t) => judge(t));
    const times: number[] = [];
    for (let r = 0; r < 20; r++) {
      for (const t of texts) {
        const start = performance.now();
        judge(t);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    return `median ${times[times.length >> 1].toFixed(4)} ms, p99 ${times[Math.floor(times.length * 0.99)].toFixed(4)} ms`;
  };
  console.log(`judgeObjective: ${measure(judgeObjective, objectives)}`);
  // Long fields as reps paste them: several dev objectives joined into one ~600-1,000 character note.
  const long: string[] = [];
  for (let i = 0; i + 8 <= objectives.length; i += 8) long.push(objectives.slice(i, i + 8).join('. '));
  console.log(`judgeObjective (long, ~${Math.round(long.reduce((a, t) => a + t.length, 0) / long.length)} chars): ${measure(judgeObjective, long)}`);
  console.log(`judgeOutcome:   ${measure(judgeOutcome, outcomes)}`);
}

if (process.argv.includes('--bench')) {
  bench();
  process.exit(0);
}
let failed = false;
const showAll = !process.argv.includes('--quiet');
// `--dev` skips the holdout entirely (used while tuning, so not even its totals steer the rules).
const parts: readonly Part[] = process.argv.includes('--dev') ? ['dev'] : ['dev', 'holdout', 'holdout2', 'holdout3'];
for (const field of ['objectives', 'outcomes'] as const) {
  for (const part of parts) {
    const { c, wrong } = evaluate(field, part);
    const s = scores(c);
    const name = field === 'objectives' ? 'self-focused objectives' : 'weak outcomes';
    console.log(`${part.padEnd(8)} ${name.padEnd(24)} n=${c.tp + c.fp + c.fn + c.tn}  TP=${c.tp} FP=${c.fp} FN=${c.fn} TN=${c.tn}  precision=${f3(s.precision)} recall=${f3(s.recall)}`);
    if (part === 'dev') {
      if (showAll && wrong.length > 0) console.log(wrong.join('\n'));
      const t = TARGETS[field];
      if (s.precision < t.precision || s.recall < t.recall) {
        failed = true;
        console.log(`  below target (precision ≥ ${t.precision}, recall ≥ ${t.recall})`);
      }
    }
  }
}
process.exitCode = failed ? 1 : 0;
