/**
 * The coaching report opened in a real Chromium (Debian's, through playwright-core, as in the
 * real-VS-Code tier): written to a temporary folder beside the notes it links, then checked through
 * the DOM. Nothing outside that folder is trusted.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { renderReportHtml, type RenderOptions } from '../../src/core/report/html';
import type { Report, ReportNumbers } from '../../src/core/report/types';
import { launchChromium } from './chromium';
import { buildFixtureReport, FIXTURE_HOSTILE_CLIENT, FIXTURE_HOSTILE_FILE, FIXTURE_HOSTILE_REP, FIXTURE_SEED, fixtureNoteText } from './reportFixture';

let browser: Browser;
let dir: string;
const report: Report = buildFixtureReport({ hostile: true });

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-report-browser-'));
  for (const note of report.notesList) {
    const file = path.join(dir, ...note.file.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fixtureNoteText(note));
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
}

/** Writes the report into the notes' folder and opens it, recording every request and error. */
async function openReport(name: string, options: RenderOptions = {}, context: BrowserContextOptions = {}): Promise<Opened> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, renderReportHtml(report, options));
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, ...context });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, errors };
}

const pct = (v: number | null) => (v === null ? null : `${Math.round(v * 100)}%`);
const quality = (n: ReportNumbers) => (n.withObjective === 0 ? null : (n.withObjective - n.selfFocused) / n.withObjective);

/** The order the report must show: ranked by advance rate (then quality), small ones last by name. */
function expectedOrder(): Report['groups'] {
  const ranked = report.groups.filter((g) => !g.small).sort((a, b) => (b.advanceRate ?? -1) - (a.advanceRate ?? -1) || (quality(b) ?? -1) - (quality(a) ?? -1));
  const small = report.groups.filter((g) => g.small).sort((a, b) => (a.key < b.key ? -1 : 1));
  return [...ranked, ...small];
}

const cellTexts = (page: Page, selector: string) =>
  page.$$eval(selector, (rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));

test(`the numbers on the page are the fixture's (seed ${FIXTURE_SEED})`, async () => {
  const { page } = await openReport('objective-outcome-report.html');
  const t = report.totals;
  const stat = (key: string) => page.textContent(`[data-stat="${key}"] .big`);
  assert.equal(await stat('notes'), String(t.notes));
  assert.equal(await stat('quality'), pct(quality(t)));
  assert.equal(await stat('advance'), pct(t.advanceRate));
  assert.equal(await stat('stale'), String(report.stale.length));
  assert.equal(await stat('undated'), String(report.undated.length));

  const order = expectedOrder();
  let rank = 0;
  const expectedRows = order.map((g) => [
    g.small ? '— not ranked' : String(++rank),
    g.small ? `${g.key} too few reviewed notes` : g.key,
    String(g.notes),
    pct(quality(g)) ?? '—',
    String(g.selfFocused),
    String(g.reviewed),
    String(g.advances),
    g.advanceRate === null ? `— ${g.reviewed} reviewed, fewer than ${report.minNotes}` : pct(g.advanceRate),
    String(g.weakOutcomes),
  ]);
  assert.deepEqual(await cellTexts(page, '#groups-table tbody tr'), expectedRows);
  assert.ok(order.at(-1)?.small && order.at(-2)?.small, 'the fixture has small groups, and they come last');

  // Each bar's length is its value: 250 units for 100%.
  const bars = await page.$$eval('#chart-advance g.row', (rows) =>
    rows.map((g) => ({ title: g.querySelector('title')?.textContent ?? '', width: Number(g.querySelector('rect')?.getAttribute('width') ?? NaN), muted: g.classList.contains('muted') })),
  );
  assert.equal(bars.length, order.length);
  order.forEach((g, i) => {
    assert.ok(bars[i].title.startsWith(`${g.small ? '' : `${i + 1}. `}${g.key}: `), `bar ${i} is ${g.key}: ${bars[i].title}`);
    assert.equal(bars[i].muted, g.small);
    if (g.advanceRate === null) assert.ok(Number.isNaN(bars[i].width), `${g.key} has no advance bar`);
    else assert.ok(Math.abs(bars[i].width - g.advanceRate * 250) < 0.1, `${g.key}: bar ${bars[i].width} for ${g.advanceRate}`);
  });

  // Under each group, exactly its notes.
  const perGroup = await page.$$eval('#notes details', (ds) => ds.map((d) => [(d.querySelector('summary')?.textContent ?? '').split(':')[0], d.querySelectorAll('tbody tr').length]));
  assert.deepEqual(perGroup, order.map((g) => [g.key, g.notes]));

  // A group's name in the table opens its folded list of notes.
  const fold = page.locator('#notes details').nth(1);
  assert.equal(await fold.evaluate((d) => (d as HTMLDetailsElement).open), false);
  await page.locator('#groups-table tbody tr').nth(1).locator('th a').click();
  await page.waitForFunction(() => (document.querySelectorAll('#notes details')[1] as HTMLDetailsElement).open);
  assert.equal(await fold.locator('a[data-file]').first().isVisible(), true);

  const weeks = t.weeks;
  assert.deepEqual(
    await cellTexts(page, '#weeks-table tbody tr'),
    weeks.map((w) => [w.week, String(w.notes), pct(quality(w)) ?? '—', String(w.reviewed), String(w.advances), w.advanceRate === null ? `— ${w.reviewed} reviewed, fewer than ${report.minNotes}` : pct(w.advanceRate)]),
  );
  assert.equal(await page.locator('#chart-trend circle.mark').count(), weeks.filter((w) => w.advanceRate !== null).length, 'one circle per week with an advance rate');

  const notes = report.notesList;
  const share = (n: number) => `${Math.round((n / notes.length) * 100)}%`;
  const planned = [notes.filter((n) => n.hasOutcome && !n.weakOutcome).length, notes.filter((n) => n.hasOutcome && n.weakOutcome).length, notes.filter((n) => !n.hasOutcome).length];
  const results = [notes.filter((n) => n.advance === true).length, notes.filter((n) => n.advance === false).length, notes.filter((n) => n.advance === null).length];
  assert.deepEqual(
    (await cellTexts(page, '#mix-table tbody tr')).map((r) => r.slice(1)),
    [...planned, ...results].map((n) => [String(n), share(n)]),
  );

  assert.deepEqual(
    await cellTexts(page, '#stale-table tbody tr'),
    report.stale.map((s) => [s.client, s.lastDate, s.lastFile, s.reason === 'quiet' ? `Quiet: no note for ${s.daysSince} days` : `The last three results were continuations (latest ${s.daysSince} days ago)`]),
  );
  assert.deepEqual(await page.$$eval('#undated li', (items) => items.map((li) => li.textContent)), report.undated);
  await page.close();
});

test('every note link is relative and opens a file beside the report', async () => {
  const { page } = await openReport('objective-outcome-report.html');
  const links = await page.$$eval('a[data-file]', (as) => as.map((a) => ({ raw: a.getAttribute('href') ?? '', resolved: (a as HTMLAnchorElement).href, file: a.getAttribute('data-file') ?? '' })));
  const listed = new Set(links.map((l) => l.file));
  for (const note of report.notesList) assert.ok(listed.has(note.file), `${note.file} is linked`);
  for (const s of report.stale) assert.ok(listed.has(s.lastFile));
  for (const link of links) {
    assert.doesNotMatch(link.raw, /^[a-z][a-z0-9+.-]*:|^\//i, `${link.raw} is relative`);
    const target = fileURLToPath(link.resolved);
    assert.equal(target, path.join(dir, ...link.file.split('/')), `${link.raw} resolves to ${link.file}`);
    assert.ok(fs.existsSync(target), `${target} exists`);
  }
  assert.ok(listed.has(FIXTURE_HOSTILE_FILE), 'the hostile file name is linked too');
  await page.close();
});

test('hostile names stay text: no script runs, nothing is requested, no console error', async () => {
  const { page, url, requests, errors } = await openReport('objective-outcome-report.html');
  // Open every folded list: the notes inside are drawn too.
  await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await page.evaluate(() => document.scripts.length), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  assert.equal(await page.locator('img, iframe, object, embed, link[rel=stylesheet]').count(), 0);
  assert.ok((await page.locator('#stale-table, #notes').allTextContents()).join('').includes(FIXTURE_HOSTILE_CLIENT), 'the client is shown as written');
  assert.ok(((await page.textContent('#groups-table')) ?? '').includes(FIXTURE_HOSTILE_REP));
  assert.equal(await page.locator('style').count(), 1);
  assert.deepEqual(requests, [url], 'the only request is the report itself');
  assert.deepEqual(errors, []);
  await page.close();
});

/** WCAG's contrast ratio of two `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`in the ${scheme} scheme the text has at least 4.5:1 contrast`, async () => {
    const { page, errors } = await openReport('objective-outcome-report.html', {}, { colorScheme: scheme });
    const colours = await page.evaluate(() => {
      const bg = getComputedStyle(document.body).backgroundColor;
      const of = (sel: string) => getComputedStyle(document.querySelector(sel) as Element).color;
      const fill = (sel: string) => getComputedStyle(document.querySelector(sel) as Element).fill;
      return { bg, text: of('h1'), muted: of('.lead'), link: of('a[data-file]'), smallRow: of('tr.small th'), warn: of('.st-warn'), barQuality: fill('#chart-quality rect.f-quality'), barAdvance: fill('#chart-advance rect.f-advance') };
    });
    assert.equal(colours.bg === 'rgb(255, 255, 255)', scheme === 'light', `the ${scheme} background: ${colours.bg}`);
    for (const key of ['text', 'muted', 'link', 'smallRow', 'warn'] as const) {
      assert.ok(contrast(colours[key], colours.bg) >= 4.5, `${key} ${colours[key]} on ${colours.bg}: ${contrast(colours[key], colours.bg).toFixed(2)}`);
    }
    for (const key of ['barQuality', 'barAdvance'] as const) {
      assert.ok(contrast(colours[key], colours.bg) >= 3, `${key} ${colours[key]} on ${colours.bg}: ${contrast(colours[key], colours.bg).toFixed(2)}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('printed, the report is black on white with every folded list unfolded', async () => {
  const { page, errors } = await openReport('objective-outcome-report.html', {}, { colorScheme: 'dark' });
  const hiddenLink = page.locator('#notes details a[data-file]').first();
  assert.equal(await hiddenLink.isVisible(), false, 'on screen the notes behind a number are folded');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await hiddenLink.isVisible(), true, 'printed, they are shown');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), 'rgb(0, 0, 0)');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 3, `the printed report has ${pages} pages`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in the webview a click on a note asks the editor to open it, under a strict policy', async () => {
  const nonce = 'c2VjcmV0bm9uY2U';
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { posted: unknown[]; violations: string[]; acquireVsCodeApi: () => { postMessage(m: unknown): void } };
    w.posted = [];
    w.violations = [];
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m) });
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const file = path.join(dir, 'webview.html');
  fs.writeFileSync(file, renderReportHtml(report, { webview: { cspSource: "'self'", nonce } }));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.stat') as Element).borderTopLeftRadius), '8px', 'the CSS under the nonce applies');
  const link = page.locator('#stale-table a[data-file]').first();
  const target = await link.getAttribute('data-file');
  await link.click();
  await page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length > 0);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted), [{ type: 'open', file: target }]);
  assert.equal(page.url(), url, 'the webview did not navigate');
  await page.locator('#stale-table a[data-file]').nth(1).click({ button: 'middle' });
  await page.waitForFunction(() => (window as unknown as { posted: unknown[] }).posted.length > 1);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted.at(-1)), { type: 'open', file: await page.locator('#stale-table a[data-file]').nth(1).getAttribute('data-file') });
  assert.equal(page.url(), url);
  // A group's name opens its notes here too.
  await page.locator('#groups-table tbody tr').first().locator('th a').click();
  await page.waitForFunction(() => (document.querySelector('#notes details') as HTMLDetailsElement).open);
  assert.equal(page.url(), url);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});
