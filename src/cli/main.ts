import { parseArgs } from 'node:util';
import { isUsableFileSize, parseSize } from '../core';
import { collectFiles } from './collectFiles';
import { ConfigFinder } from './configFinder';
import { jsonReporter, printable, Reporter, RunStats, sarifReporter, textReporter } from './formatters';
import { autoThreads, lintInOrder } from './parallel';
import { explainFile } from './explain';
import { reportMain } from './report';

/** Where the CLI writes; a test passes its own. */
export interface CliIo {
  cwd: string;
  /** Writes text to standard output as is (callers add line breaks). */
  stdout: (text: string) => void;
  /** Writes one line to standard error. */
  stderr: (text: string) => void;
  /** Whether stdout is a terminal that shows colour. */
  colorTerminal: boolean;
  env: Record<string, string | undefined>;
  /** The script lint workers run (the CLI bundle); without it every file is linted on the main thread. */
  workerScript?: string;
}

const USAGE = `Usage: objective-outcome lint [files, folders or globs ...] [options]
       objective-outcome report [files, folders or globs ...] [options]   (see report --help)

Checks that every Markdown meeting note has an objective about the client and an outcome about you.
Folders are searched for *.md and *.markdown files; what .gitignore ignores is skipped.

Options:
  --format text|json|sarif  Output format (default: text). sarif is SARIF 2.1.0, for GitHub code scanning
  --summary                 After the findings, a table for managers: notes missing an objective,
                            an outcome, self-focused or weak, by folder (text format)
  --quiet                   Report errors only: warnings, info and hints are neither shown nor counted
  --max-warnings N          Exit with 1 when there are more than N warnings (default: any warning fails)
  --config FILE             Use this config instead of the nearest .objective-outcome.yaml
  --no-ignore               Also check files that .gitignore ignores
  --only-notes              Check a file named on the command line only if it is a meeting note, as
                            in a folder (for pre-commit hooks, which name every staged file)
  --max-file-size SIZE      Skip notes bigger than this (e.g. 2MB, 500KB), with an info message
                            (default: maxFileSize in the config, else 2MB)
  --concurrency N|auto      Threads that lint, 1 to 64 (default: auto, one per core)
  --explain                 Under each note, show what decided the judge's verdict on each objective
                            and outcome: its score, the named signals and the largest features (text format)
  --color, --no-color       Force colour on or off (default: on for a terminal; honours NO_COLOR and FORCE_COLOR)
  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no warnings or errors, 1 warnings or errors found, 2 usage or I/O error.`;

const FORMATS = ['text', 'json', 'sarif'] as const;
/** Each thread holds its own heap and copy of the judge: hundreds of them ran the machine out of memory. */
const MAX_THREADS = 64;

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  // The report has options of its own (src/cli/report.ts).
  if (argv[0] === 'report') return reportMain(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        concurrency: { type: 'string', default: 'auto' },
        quiet: { type: 'boolean' },
        summary: { type: 'boolean' },
        explain: { type: 'boolean' },
        'no-ignore': { type: 'boolean' },
        'only-notes': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`objective-outcome: ${error instanceof Error ? error.message : String(error)}\nRun “objective-outcome --help” for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'lint') {
    io.stderr(command === undefined ? USAGE : `objective-outcome: unknown command “${command}” (try “lint” or “report”).`);
    return 2;
  }
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr(`objective-outcome: unknown format “${format}” (use ${FORMATS.join(', ')}).`);
    return 2;
  }
  if (values.explain && format !== 'text') {
    io.stderr('objective-outcome: --explain goes with --format text.');
    return 2;
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    // Digits only: Number('') and Number(' ') are 0, which would make an empty value mean "no warnings allowed".
    maxWarnings = /^\d{1,9}$/.test(values['max-warnings']) ? Number(values['max-warnings']) : -1;
    if (maxWarnings < 0) {
      io.stderr(`objective-outcome: --max-warnings needs a whole number of 0 or more, not “${values['max-warnings']}”.`);
      return 2;
    }
  }
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    maxFileSize = parseSize(values['max-file-size']);
    if (maxFileSize === undefined || !isUsableFileSize(maxFileSize)) {
      io.stderr(`objective-outcome: --max-file-size needs a size from 1 byte to 1GB such as 2MB or 500KB, not “${values['max-file-size']}”.`);
      return 2;
    }
  }
  const concurrency = values.concurrency === 'auto' ? autoThreads() : /^\d{1,4}$/.test(values.concurrency as string) ? Number(values.concurrency) : 0;
  if (concurrency < 1 || concurrency > MAX_THREADS) {
    io.stderr(`objective-outcome: --concurrency needs auto or a whole number from 1 to ${MAX_THREADS}, not “${values.concurrency}”.`);
    return 2;
  }

  const problems = new Set<string>();
  if (values.config !== undefined) {
    try {
      for (const problem of ConfigFinder.load(values.config, io.cwd).problems) problems.add(problem);
    } catch (error) {
      io.stderr(`objective-outcome: ${(error as Error).message}`);
      return 2;
    }
  }
  const stats = new RunStats();
  const errors: string[] = [];
  const collected = await collectFiles(paths, io.cwd, { gitignore: !values['no-ignore'], namedFilesAreNotes: !values['only-notes'] });

  const output = bufferedWriter(io.stdout);
  let explainConfigs: ConfigFinder | undefined;
  const reporter: Reporter =
    format === 'json'
      ? jsonReporter(output.write)
      : format === 'sarif'
        ? sarifReporter(output.write, { cwd: io.cwd, version })
        : textReporter(output.write, { color: useColor(values, io), summary: values.summary === true });
  errors.push(...collected.errors);
  const outcomes = lintInOrder(collected.files, {
    cwd: io.cwd,
    configFile: values.config,
    maxFileSize,
    threads: concurrency,
    workerScript: io.workerScript,
    onConfigProblem: (problem) => problems.add(problem),
  });
  for await (const outcome of outcomes) {
    if (outcome.kind === 'error') errors.push(outcome.message);
    if (outcome.kind !== 'result') continue;
    const all = outcome.result.messages;
    const shown = values.quiet ? all.filter((message) => message.severity === 'error') : all;
    stats.add(outcome.result.filePath, shown, all, outcome.result.disabledRules);
    reporter.file(shown === all ? outcome.result : { ...outcome.result, messages: shown });
    if (values.explain) output.write(explainFile(outcome.result.filePath, io.cwd, explainConfigs ??= new ConfigFinder(io.cwd, values.config ? ConfigFinder.load(values.config, io.cwd).found : undefined)));
  }
  reporter.end(stats, errors);
  output.flush();

  for (const problem of problems) io.stderr(`objective-outcome: warning: ${printable(problem)}`);
  for (const error of errors) io.stderr(`objective-outcome: ${printable(error)}`);

  if (errors.length > 0) return 2;
  if (stats.counts.error > 0) return 1;
  if (maxWarnings >= 0) return stats.counts.warning > maxWarnings ? 1 : 0;
  return stats.counts.warning > 0 ? 1 : 0;
}

/** Colour: the flags first, then FORCE_COLOR, then NO_COLOR (https://no-color.org), then whether stdout is a terminal. */
function useColor(values: { color?: boolean; 'no-color'?: boolean }, io: CliIo): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.colorTerminal && io.env.TERM !== 'dumb';
}

/** Gathers small writes into blocks of about 64 KB, so streaming thousands of results stays cheap. */
function bufferedWriter(write: (text: string) => void): { write: (text: string) => void; flush: () => void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length === 0) return;
    write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 64 * 1024) flush();
    },
    flush,
  };
}
