import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { judgeNoteFacts, type NoteFacts } from '../core/report/build';
import type { JudgeVocabulary } from '../core/judge';
import type { ReportNote } from '../core/report/types';

/** Marks the worker's `workerData`, so the CLI bundle knows to judge report batches instead of running `main`. */
export const REPORT_WORKER_MARK = 'objective-outcome-report-worker';
/** Below this many files, starting a thread costs more than it saves. */
export const MIN_FILES_FOR_REPORT_WORKERS = 400;
const BATCH_SIZE = 128;
/** More judging threads than this only fight over the cores with the thread that reads. */
const MAX_WORKERS = 3;

/** How many judging threads to start: one per spare core, none on one core. */
export function reportWorkerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores - 1, MAX_WORKERS));
}

/**
 * Judges notes' facts on worker threads while the main thread reads and parses the next files:
 * judging is the larger share of the report's work (three fields a note), so on two cores the two
 * halves run side by side instead of one after the other.
 */
export class ReportJudges {
  private readonly workers: Worker[] = [];
  private readonly inFlight: number[] = [];
  private batch: NoteFacts[] = [];
  private readonly judged: ReportNote[] = [];
  private outstanding = 0;
  private failure: Error | undefined;
  private settle: (() => void) | undefined;

  constructor(count: number, script: string) {
    for (let index = 0; index < count; index++) {
      // The same small young generation as the lint workers (src/cli/parallel.ts): less memory, as fast.
      const worker = new Worker(script, { workerData: { mark: REPORT_WORKER_MARK }, resourceLimits: { maxYoungGenerationSizeMb: 24 } });
      worker.on('message', (notes: ReportNote[]) => {
        for (const note of notes) this.judged.push(note);
        this.inFlight[index]--;
        this.outstanding--;
        if (this.outstanding === 0) this.settle?.();
      });
      worker.on('error', (error) => {
        this.failure ??= error;
        this.settle?.();
      });
      this.workers.push(worker);
      this.inFlight.push(0);
    }
  }

  /** Queues one note's facts; they are sent in batches to the least busy thread. */
  add(facts: NoteFacts): void {
    this.batch.push(facts);
    if (this.batch.length >= BATCH_SIZE) this.send();
  }

  /** Every judged note (in no particular order), once all are back; the threads are then stopped. */
  async finish(): Promise<ReportNote[]> {
    this.send();
    try {
      while (this.outstanding > 0 && !this.failure) await new Promise<void>((resolve) => (this.settle = resolve));
      if (this.failure) throw this.failure;
      return this.judged;
    } finally {
      await Promise.all(this.workers.map((worker) => worker.terminate()));
    }
  }

  private send(): void {
    if (this.batch.length === 0) return;
    let target = 0;
    for (let index = 1; index < this.workers.length; index++) if (this.inFlight[index] < this.inFlight[target]) target = index;
    this.inFlight[target]++;
    this.outstanding++;
    this.workers[target].postMessage(this.batch);
    this.batch = [];
  }
}

/** The body of a report worker: judges each batch of facts it is sent and replies with the notes. */
export function serveReportJudging(port: { on(event: 'message', listener: (batch: NoteFacts[]) => void): void; postMessage(notes: ReportNote[]): void }): void {
  // Each batch arrives as a copy, phrases included; the judge compiles a team's phrases once per
  // phrases object, so every copy of the same phrases is swapped for one shared object.
  const shared = new Map<string, JudgeVocabulary>();
  port.on('message', (batch) => {
    port.postMessage(
      batch.map((facts) => {
        if (facts.phrases) {
          const key = JSON.stringify(facts.phrases);
          const phrases = shared.get(key) ?? facts.phrases;
          shared.set(key, phrases);
          facts.phrases = phrases;
        }
        return judgeNoteFacts(facts);
      }),
    );
  });
}
