import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './main';
import { LintSetup, serveLintBatches, WORKER_MARK } from './parallel';
import { REPORT_WORKER_MARK, serveReportJudging } from './reportWorkers';

declare const PACKAGE_VERSION: string;

const asWorker = workerData as { mark?: string; setup?: LintSetup } | undefined;
if (!isMainThread && parentPort && asWorker?.mark === WORKER_MARK) {
  // The same bundle is each lint worker: serve batches, never run the command line.
  serveLintBatches(parentPort, asWorker.setup!);
} else if (!isMainThread && parentPort && asWorker?.mark === REPORT_WORKER_MARK) {
  // Or a report worker: judge the notes' facts it is sent.
  serveReportJudging(parentPort);
} else {
  // A reader that stops early (`lint | head -1`) closes the pipe: the rest of the output is not
  // wanted, which is no error. Writing stops quietly and the exit code still tells what was found.
  const closed = { stdout: false, stderr: false };
  const onWriteError = (stream: keyof typeof closed) => (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed[stream] = true;
  };
  process.stdout.on('error', onWriteError('stdout'));
  process.stderr.on('error', onWriteError('stderr'));
  main(
    process.argv.slice(2),
    {
      cwd: process.cwd(),
      stdout: (text) => {
        if (!closed.stdout) process.stdout.write(text);
      },
      stderr: (text) => {
        if (!closed.stderr) process.stderr.write(`${text}\n`);
      },
      colorTerminal: process.stdout.isTTY === true,
      env: process.env,
      workerScript: __filename,
    },
    PACKAGE_VERSION,
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Only a bug gets here: say so plainly, with the stack for the report.
      process.stderr.write(`objective-outcome: internal error, please report it: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
