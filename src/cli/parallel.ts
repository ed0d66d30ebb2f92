import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileToLint } from './collectFiles';
import { ConfigFinder } from './configFinder';
import { FileOutcome, finishFile, lintBytes, lintFile, ReadFile, readFile, ReadScratch } from './lintFiles';

/** What a worker (or the main thread) needs to lint files exactly as `main` would. */
export interface LintSetup {
  cwd: string;
  /** The --config file, loaded again by each worker. */
  configFile?: string;
  maxFileSize?: number;
}

export interface LintStreamOptions extends LintSetup {
  /** How many threads lint; 1 lints on the main thread. */
  threads: number;
  /** The script a worker runs (the CLI bundle itself); required when threads > 1. */
  workerScript?: string;
  /** Workers started before the files were known (see LintWorkers); used, or closed when there are few files. */
  workers?: LintWorkers;
  /** Receives each config-file problem once. */
  onConfigProblem: (problem: string) => void;
}

/** Marks the worker's `workerData`, so the CLI bundle knows to serve batches instead of running `main`. */
export const WORKER_MARK = 'objective-outcome-lint-worker';

interface BatchRequest {
  index: number;
  files: FileToLint[];
  /** Each file as the main thread read it: the bytes cross without a copy. */
  reads: ReadFile[];
}
interface BatchReply {
  index: number;
  outcomes: FileOutcome[];
  problems: string[];
}

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
const BATCH_SIZE = 64;
/** Batches queued per worker: enough to keep it busy, few enough that memory stays flat. */
const IN_FLIGHT_PER_WORKER = 3;
/** Bytes read ahead for the workers at most (a batch of large notes alone may pass it). */
const MAX_BYTES_IN_FLIGHT = 32 * 1024 * 1024;

/** Threads to use for `auto`: every core the process may use (the main thread is one of them). */
export function autoThreads(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Worker threads that parse notes. A thread takes about a tenth of a second to start, so the CLI
 * starts them before it walks the folders, when the arguments may name many files.
 */
export class LintWorkers {
  readonly workers: Worker[] = [];
  /** The first error a worker raised, even before anything listened. */
  failure: Error | undefined;
  onFailure: (() => void) | undefined;

  constructor(count: number, setup: LintSetup, script: string) {
    for (let index = 0; index < count; index++) {
      // A smaller young generation than V8's default (new space 16 MB instead of 32 MB): the
      // worker's short-lived garbage stays in the caches. In 4 interleaved runs over 10,000 notes
      // the CLI took 1.62 s instead of 1.70 s, and 140 MB at peak instead of 161 MB; 96 MB took 1.83 s.
      const worker = new Worker(script, { workerData: { mark: WORKER_MARK, setup }, resourceLimits: { maxYoungGenerationSizeMb: 24 } });
      worker.on('error', (error) => {
        this.failure ??= error;
        this.onFailure?.();
      });
      this.workers.push(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Lints files and yields each outcome in the files' order, on worker threads when there are many
 * files; only a few batches are ever held, so memory does not grow with the number of notes.
 *
 * With workers, the work is split by stage: the main thread reads the files, the workers parse them
 * and run the other rules, and the main thread judges the fields and prints. Each thread then warms
 * up only the code it runs. When every thread did everything for its share of the files, each
 * compiled the parser and the judge for itself, and on two cores two threads were no faster than
 * one (docs/judge.md, "The CLI on two cores").
 */
export async function* lintInOrder(files: readonly FileToLint[], options: LintStreamOptions): AsyncGenerator<FileOutcome> {
  const many = options.threads > 1 && files.length >= MIN_FILES_FOR_WORKERS;
  let workers = options.workers;
  if (!many || (!workers && !options.workerScript)) {
    await workers?.close();
    yield* lintHere(files, options);
    return;
  }
  const setup: LintSetup = { cwd: options.cwd, configFile: options.configFile, maxFileSize: options.maxFileSize };
  workers ??= new LintWorkers(Math.min(options.threads - 1, Math.ceil(files.length / BATCH_SIZE)), setup, options.workerScript!);
  try {
    yield* lintOnWorkers(files, workers, options);
  } finally {
    await workers.close();
  }
}

async function* lintHere(files: readonly FileToLint[], options: LintStreamOptions): AsyncGenerator<FileOutcome> {
  const configs = createConfigFinder(options);
  const scratch = new ReadScratch();
  let reported = 0;
  for (const file of files) {
    yield lintFile(file, { cwd: options.cwd, configs, maxFileSize: options.maxFileSize, scratch });
    while (reported < configs.problems.length) options.onConfigProblem(configs.problems[reported++]);
  }
}

async function* lintOnWorkers(files: readonly FileToLint[], pool: LintWorkers, options: LintStreamOptions): AsyncGenerator<FileOutcome> {
  const batchCount = Math.ceil(files.length / BATCH_SIZE);
  const done = new Map<number, FileOutcome[]>();
  let nextToSend = 0;
  let wake: (() => void) | undefined;
  const { workers } = pool;
  pool.onFailure = () => wake?.();

  const inFlight = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
  const batchBytes = new Map<number, number>();
  let bytesInFlight = 0;
  let nextToYield = 0;
  const configs = createConfigFinder(options);
  let reported = 0;
  const windowEnd = () => Math.min(batchCount, nextToYield + (workers.length + 1) * IN_FLIGHT_PER_WORKER * 2);
  // Reads and sends work to every worker with room, never running further ahead of the output
  // than a window. This thread reads the files: the workers only parse, the larger share.
  const pump = () => {
    const limit = windowEnd();
    for (const worker of workers) {
      while (nextToSend < limit && inFlight.get(worker)! < IN_FLIGHT_PER_WORKER && (bytesInFlight < MAX_BYTES_IN_FLIGHT || batchBytes.size === 0)) {
        const index = nextToSend++;
        const batch = files.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE);
        const reads = batch.map((file) => readFile(file, { cwd: options.cwd, configs, maxFileSize: options.maxFileSize }));
        while (reported < configs.problems.length) options.onConfigProblem(configs.problems[reported++]);
        const buffers = reads.flatMap((read) => (read.kind === 'read' ? [read.bytes.buffer as ArrayBuffer] : []));
        const bytes = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
        batchBytes.set(index, bytes);
        bytesInFlight += bytes;
        inFlight.set(worker, inFlight.get(worker)! + 1);
        worker.postMessage({ index, files: batch, reads } satisfies BatchRequest, buffers);
      }
    }
  };
  for (const worker of workers) {
    worker.on('message', (reply: BatchReply) => {
      inFlight.set(worker, inFlight.get(worker)! - 1);
      bytesInFlight -= batchBytes.get(reply.index) ?? 0;
      batchBytes.delete(reply.index);
      done.set(reply.index, reply.outcomes);
      for (const problem of reply.problems) options.onConfigProblem(problem);
      pump();
      wake?.();
    });
  }
  pump();

  for (let index = 0; index < batchCount; index++) {
    while (!done.has(index)) {
      if (pool.failure) throw pool.failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const outcomes = done.get(index)!;
    done.delete(index);
    nextToYield = index + 1;
    pump();
    // The workers left the judging to this thread.
    for (const outcome of outcomes) yield finishFile(outcome);
  }
}

function createConfigFinder(setup: LintSetup): ConfigFinder {
  if (setup.configFile === undefined) return new ConfigFinder(setup.cwd);
  // main() has already loaded this file once and reported its problems.
  return new ConfigFinder(setup.cwd, ConfigFinder.load(setup.configFile, setup.cwd).found);
}

/** The body of a lint worker: lints each batch it is sent, from the bytes read for it, and replies with the outcomes. */
export function serveLintBatches(port: { on(event: 'message', listener: (request: BatchRequest) => void): void; postMessage(reply: BatchReply): void }, setup: LintSetup): void {
  const configs = createConfigFinder(setup);
  const options = { cwd: setup.cwd, configs, maxFileSize: setup.maxFileSize, deferJudging: true };
  let reported = 0;
  port.on('message', (request) => {
    const outcomes = request.files.map((file, index) => {
      const read = request.reads[index];
      return read.kind === 'error' ? read : lintBytes(file, read, options);
    });
    const problems = configs.problems.slice(reported);
    reported = configs.problems.length;
    port.postMessage({ index: request.index, outcomes, problems });
  });
}
