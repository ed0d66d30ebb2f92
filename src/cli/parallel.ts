import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileToLint } from './collectFiles';
import { ConfigFinder } from './configFinder';
import { FileOutcome, lintFile, ReadScratch } from './lintFiles';

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
  /** Receives each config-file problem once. */
  onConfigProblem: (problem: string) => void;
}

/** Marks the worker's `workerData`, so the CLI bundle knows to serve batches instead of running `main`. */
export const WORKER_MARK = 'objective-outcome-lint-worker';

interface BatchRequest {
  index: number;
  files: FileToLint[];
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

/** Threads to use for `auto`: every core the process may use (the main thread is one of them). */
export function autoThreads(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Lints files and yields each outcome in the files' order, on worker threads when there are many
 * files; only a few batches are ever held, so memory does not grow with the number of notes.
 */
export async function* lintInOrder(files: readonly FileToLint[], options: LintStreamOptions): AsyncGenerator<FileOutcome> {
  const threads = Math.min(options.threads, Math.ceil(files.length / BATCH_SIZE));
  if (threads <= 1 || files.length < MIN_FILES_FOR_WORKERS || !options.workerScript) {
    const configs = createConfigFinder(options);
    const scratch = new ReadScratch();
    let reported = 0;
    for (const file of files) {
      yield lintFile(file, { cwd: options.cwd, configs, maxFileSize: options.maxFileSize, scratch });
      while (reported < configs.problems.length) options.onConfigProblem(configs.problems[reported++]);
    }
    return;
  }
  yield* lintOnWorkers(files, threads, options);
}

async function* lintOnWorkers(files: readonly FileToLint[], threads: number, options: LintStreamOptions): AsyncGenerator<FileOutcome> {
  const setup: LintSetup = { cwd: options.cwd, configFile: options.configFile, maxFileSize: options.maxFileSize };
  const batchCount = Math.ceil(files.length / BATCH_SIZE);
  const done = new Map<number, FileOutcome[]>();
  let nextToSend = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const workers: Worker[] = [];

  const inFlight = new Map<Worker, number>();
  let nextToYield = 0;
  const windowEnd = () => Math.min(batchCount, nextToYield + threads * IN_FLIGHT_PER_WORKER * 2);
  // Sends work to every worker with room, never running further ahead of the output than a window.
  const pump = () => {
    const limit = windowEnd();
    for (const worker of workers) {
      while (nextToSend < limit && inFlight.get(worker)! < IN_FLIGHT_PER_WORKER) {
        const index = nextToSend++;
        const request: BatchRequest = { index, files: files.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE) };
        inFlight.set(worker, inFlight.get(worker)! + 1);
        worker.postMessage(request);
      }
    }
  };
  // The main thread lints too (it would only wait otherwise): one thread fewer to start and warm up.
  for (let thread = 1; thread < threads; thread++) {
    const worker = new Worker(options.workerScript!, { workerData: { mark: WORKER_MARK, setup } });
    inFlight.set(worker, 0);
    worker.on('message', (reply: BatchReply) => {
      inFlight.set(worker, inFlight.get(worker)! - 1);
      done.set(reply.index, reply.outcomes);
      for (const problem of reply.problems) options.onConfigProblem(problem);
      pump();
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    workers.push(worker);
  }
  pump();
  const configs = createConfigFinder(options);
  const scratch = new ReadScratch();
  let reported = 0;
  const lintHere = (index: number) => {
    const outcomes = files.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE).map((file) => lintFile(file, { cwd: options.cwd, configs, maxFileSize: options.maxFileSize, scratch }));
    while (reported < configs.problems.length) options.onConfigProblem(configs.problems[reported++]);
    return outcomes;
  };

  try {
    for (let index = 0; index < batchCount; index++) {
      while (!done.has(index)) {
        if (failure) throw failure;
        if (nextToSend < windowEnd()) {
          // Nothing to print yet: lint the next unsent batch here, then let the workers' replies in.
          const own = nextToSend++;
          done.set(own, lintHere(own));
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else {
          await new Promise<void>((resolve) => (wake = resolve));
        }
      }
      const outcomes = done.get(index)!;
      done.delete(index);
      nextToYield = index + 1;
      pump();
      yield* outcomes;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function createConfigFinder(setup: LintSetup): ConfigFinder {
  if (setup.configFile === undefined) return new ConfigFinder(setup.cwd);
  // main() has already loaded this file once and reported its problems.
  return new ConfigFinder(setup.cwd, ConfigFinder.load(setup.configFile, setup.cwd).found);
}

/** The body of a lint worker: lints each batch it is sent and replies with the outcomes. */
export function serveLintBatches(port: { on(event: 'message', listener: (request: BatchRequest) => void): void; postMessage(reply: BatchReply): void }, setup: LintSetup): void {
  const configs = createConfigFinder(setup);
  const scratch = new ReadScratch();
  let reported = 0;
  port.on('message', (request) => {
    const outcomes = request.files.map((file) => lintFile(file, { cwd: setup.cwd, configs, maxFileSize: setup.maxFileSize, scratch }));
    const problems = configs.problems.slice(reported);
    reported = configs.problems.length;
    port.postMessage({ index: request.index, outcomes, problems });
  });
}
