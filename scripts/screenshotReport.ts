/**
 * `npm run screenshot:report`: renders the browser tests' fixture report (no hostile names) and
 * saves the top of it, 1200 px wide, as docs/images/coaching-report.png for the README.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReportHtml } from '../src/core/report/html';
import { launchChromium } from '../test/browser/chromium';
import { buildFixtureReport } from '../test/browser/reportFixture';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const out = process.argv[2] ?? path.join(root, 'docs', 'images', 'coaching-report.png');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-report-shot-'));
  const browser = await launchChromium();
  try {
    const file = path.join(dir, 'objective-outcome-report.html');
    fs.writeFileSync(file, renderReportHtml(buildFixtureReport({ hostile: false })));
    const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, colorScheme: 'light' });
    await page.goto(pathToFileURL(file).href);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    process.stdout.write(`${path.relative(process.cwd(), out)}: ${fs.statSync(out).size} bytes\n`);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
