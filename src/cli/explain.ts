import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainNote, formatExplanation } from '../core';
import type { ConfigFinder } from './configFinder';

/** The most `--explain` reads of a note: the judge reads only the front matter's first fields anyway. */
const MAX_EXPLAINED_BYTES = 2 * 1024 * 1024;

/**
 * The `--explain` lines for a linted note (read again: explaining is for tracing one verdict, not
 * for speed). Nothing for a file that cannot be read again or is too large.
 */
export function explainFile(displayPath: string, cwd: string, configs: ConfigFinder): string {
  const file = path.resolve(cwd, displayPath);
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_EXPLAINED_BYTES) return '';
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const lines = explainNote(text, configs.forFile(file).config).flatMap(formatExplanation);
  return lines.length > 0 ? `${lines.join('\n')}\n\n` : '';
}
