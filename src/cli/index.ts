import { main } from './main';

declare const PACKAGE_VERSION: string;

main(
  process.argv.slice(2),
  {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    colorTerminal: process.stdout.isTTY === true,
    env: process.env,
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
