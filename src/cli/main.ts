import { parseArgs } from 'node:util';
import { collectFiles } from './collectFiles';
import { ConfigFinder, FoundConfig } from './configFinder';
import { countSeverities, formatJson, formatText } from './formatters';
import { lintFiles } from './lintFiles';

/** Where the CLI writes; a test passes its own. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal that shows colour. */
  colorTerminal: boolean;
  env: Record<string, string | undefined>;
}

const USAGE = `Usage: objective-outcome lint [files, folders or globs ...] [options]

Checks that every Markdown meeting note has an objective about the client and an outcome about you.

Options:
  --format text|json   Output format (default: text)
  --config FILE        Use this config instead of the nearest .objective-outcome.yaml
  --max-warnings N     Exit with 1 when there are more than N warnings (default: any warning fails)
  --color, --no-color  Force colour on or off (default: on for a terminal, off when NO_COLOR is set)
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 no warnings or errors, 1 warnings or errors found, 2 usage or I/O error.`;

const FORMATS = ['text', 'json'] as const;

/** Runs the command line and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
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
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(version);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'lint') {
    io.stderr(command === undefined ? USAGE : `objective-outcome: unknown command “${command}” (try “lint”).`);
    return 2;
  }
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr(`objective-outcome: unknown format “${format}” (use ${FORMATS.join(' or ')}).`);
    return 2;
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      io.stderr(`objective-outcome: --max-warnings needs a whole number of 0 or more, not “${values['max-warnings']}”.`);
      return 2;
    }
  }

  let explicitConfig: FoundConfig | undefined;
  const problems: string[] = [];
  if (values.config !== undefined) {
    try {
      const loaded = ConfigFinder.load(values.config, io.cwd);
      explicitConfig = loaded.found;
      problems.push(...loaded.problems);
    } catch (error) {
      io.stderr(`objective-outcome: ${(error as Error).message}`);
      return 2;
    }
  }
  const configs = new ConfigFinder(io.cwd, explicitConfig);
  const collected = await collectFiles(paths, io.cwd);
  const run = lintFiles(collected.files, configs, io.cwd);
  problems.push(...configs.problems);

  const color = values['no-color'] ? false : values.color ? true : io.colorTerminal && !io.env.NO_COLOR;
  io.stdout(format === 'json' ? formatJson(run.results) : formatText(run.results, { color }));
  for (const problem of problems) io.stderr(`objective-outcome: warning: ${problem}`);
  const errors = [...collected.errors, ...run.errors];
  for (const error of errors) io.stderr(`objective-outcome: ${error}`);

  if (errors.length > 0) return 2;
  const counts = countSeverities(run.results);
  if (counts.error > 0) return 1;
  if (maxWarnings >= 0) return counts.warning > maxWarnings ? 1 : 0;
  return counts.warning > 0 ? 1 : 0;
}
