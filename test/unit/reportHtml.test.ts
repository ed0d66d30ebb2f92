import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReportHtml } from '../../src/core/report/html';
import { noteHref } from '../../src/core/report/markup';
import type { Report, ReportGroup, ReportNote, ReportNumbers } from '../../src/core/report/types';
import { buildFixtureReport, FIXTURE_HOSTILE_CLIENT, FIXTURE_HOSTILE_FILE, FIXTURE_HOSTILE_REP } from '../browser/reportFixture';

const WEBVIEW = { cspSource: 'vscode-webview-resource:', nonce: 'N0nce123' };

function numbers(partial: Partial<ReportNumbers> = {}): ReportNumbers {
  return { notes: 0, withObjective: 0, withOutcome: 0, selfFocused: 0, weakOutcomes: 0, reviewed: 0, advances: 0, advanceRate: null, ...partial };
}

function group(key: string, partial: Partial<ReportNumbers>, small: boolean): ReportGroup {
  return { key, small, weeks: [], ...numbers(partial) };
}

function note(file: string, rep: string, partial: Partial<ReportNote> = {}): ReportNote {
  return { file, rep, client: 'Acme Dental', date: '2026-11-02', week: '2026-W45', hasObjective: true, hasOutcome: true, selfFocused: false, weakOutcome: false, reviewed: true, advance: true, ...partial };
}

/** A report with three groups: "Aaron" is small but would come first by name and by rate. */
function smallReport(): Report {
  return {
    generatedAt: '2026-11-09T08:30:00.000Z',
    from: '2026-11-02',
    to: '2026-11-08',
    by: 'rep',
    minNotes: 5,
    totals: { ...numbers({ notes: 14, withObjective: 14, withOutcome: 14, selfFocused: 3, reviewed: 12, advances: 7, advanceRate: 7 / 12 }), weeks: [] },
    groups: [
      group('Zoe', { notes: 6, withObjective: 6, withOutcome: 6, selfFocused: 3, reviewed: 6, advances: 2, advanceRate: 2 / 6 }, false),
      group('Aaron', { notes: 2, withObjective: 2, withOutcome: 2, selfFocused: 0, reviewed: 2, advances: 2, advanceRate: null }, true),
      group('Maya', { notes: 6, withObjective: 6, withOutcome: 6, selfFocused: 0, reviewed: 4 + 0, advances: 3, advanceRate: null }, true),
    ],
    stale: [],
    undated: [],
    notesList: [note('rep-07/2026-11-02-acme.md', 'Zoe'), note('aaron/2026-11-03-acme.md', 'Aaron')],
  };
}

/** The rows of the "numbers by rep" table, each as its cells' text without tags. */
function groupRows(html: string): string[][] {
  const body = /<table class="numbers" id="groups-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  assert.ok(body, 'the groups table is there');
  return [...body[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()),
  );
}

const TAG = /<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<]*")?)*)\s*\/?>|<\/([a-zA-Z][a-zA-Z0-9]*)\s*>|<!DOCTYPE html>/y;
const ALLOWED_TAGS = new Set('html head meta link title style body main header h1 h2 h3 p time dl div dt dd span code section figure figcaption svg defs pattern rect circle path line text g desc table caption thead tbody tfoot tr th td a ul li em strong details summary footer script b'.split(' '));

/**
 * Every `<` in the page starts a well-formed tag of the page's own: a known name, attributes with
 * double-quoted values, no event handler, no inline style, nothing that loads. Text from a note
 * can only be text.
 */
function assertOnlyOwnMarkup(html: string): void {
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    assert.ok(m, `a stray "<" at ${i}: ${JSON.stringify(html.slice(i, i + 60))}`);
    const name = (m[1] ?? m[3] ?? 'html').toLowerCase();
    assert.ok(ALLOWED_TAGS.has(name), `an unexpected <${name}> at ${i}`);
    for (const attr of (m[2] ?? '').matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="[^"]*")?/g)) {
      assert.ok(!/^on/i.test(attr[1]), `an event handler ${attr[1]} at ${i}`);
      assert.notEqual(attr[1].toLowerCase(), 'style', `an inline style attribute (the webview's CSP blocks it) at ${i}`);
      assert.ok(!['src', 'srcset', 'action', 'formaction'].includes(attr[1].toLowerCase()), `a ${attr[1]} attribute (a load) at ${i}`);
    }
  }
}

test('hostile client, rep and file names are text, never markup', () => {
  const report = buildFixtureReport({ hostile: true });
  for (const html of [renderReportHtml(report), renderReportHtml(report, { webview: WEBVIEW, title: '</title><script>alert(1)</script>' })]) {
    assertOnlyOwnMarkup(html);
    assert.ok(html.includes('Evil &quot;Co&quot; &lt;/style&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;'), 'the client is shown, escaped');
    assert.ok(html.includes('Mallory &#39;Rep&#39; &lt;/title&gt;&lt;b&gt;'), 'the rep is shown, escaped');
    assert.equal(html.split('</style>').length, 2, 'one </style>: the page’s own');
    assert.ok(!html.includes(FIXTURE_HOSTILE_CLIENT) && !html.includes(FIXTURE_HOSTILE_REP) && !html.includes(FIXTURE_HOSTILE_FILE));
  }
  assert.ok(renderReportHtml(report, { title: '</title><script>alert(1)</script>' }).includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
});

test('a note link is relative to the report, each path segment URL-encoded, its text escaped', () => {
  const html = renderReportHtml(smallReport());
  assert.ok(html.includes('<a href="rep-07/2026-11-02-acme.md" data-file="rep-07/2026-11-02-acme.md">rep-07/2026-11-02-acme.md</a>'));
  assert.equal(noteHref('rep 07/2026-11-02 acme #1?50%.md'), 'rep%2007/2026-11-02%20acme%20%231%3F50%25.md');
  assert.equal(noteHref('javascript:alert(1)'), 'javascript%3Aalert(1)', 'a colon never makes a scheme');
  assert.equal(noteHref('//evil.example/x.md'), './/evil.example/x.md', 'never a protocol-relative URL');
  assert.equal(noteHref('/etc/passwd'), './etc/passwd');
  assert.equal(noteHref('Zoë/café.md'), 'Zo%C3%AB/caf%C3%A9.md');

  const hostile = renderReportHtml(buildFixtureReport({ hostile: true }));
  const links = [...hostile.matchAll(/<a href="([^"]*)" data-file="([^"]*)">/g)];
  assert.ok(links.length > 80, `every note is linked (${links.length} links)`);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const [, href, file] of links) {
    assert.doesNotMatch(href, /^[a-z][a-z0-9+.-]*:|^\//i, `${href} is relative`);
    assert.equal(unescape(href).split('/').map(decodeURIComponent).join('/'), unescape(file), `${href} points at ${file}`);
  }
  assert.ok(hostile.includes(`href="${'mallory/2026-10-21%20%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%20%231%20%3F50%25.md'}"`));
});

test('the webview gets its Content-Security-Policy and nonce; the file on disk gets no script', () => {
  const report = smallReport();
  const page = renderReportHtml(report);
  assert.ok(!page.includes('<script'), 'no script outside the webview');
  assert.ok(!page.includes('nonce') && !page.includes('acquireVsCodeApi'));
  assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`), 'the file forbids every load too');

  const webview = renderReportHtml(report, { webview: WEBVIEW });
  assert.ok(
    webview.includes(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src vscode-webview-resource: data:; style-src vscode-webview-resource: 'nonce-N0nce123'; script-src 'nonce-N0nce123';">`,
    ),
  );
  assert.equal(webview.match(/<meta http-equiv="Content-Security-Policy"/g)?.length, 1);
  assert.equal(webview.match(/<style nonce="N0nce123">/g)?.length, 1, 'all CSS under the nonce');
  assert.equal(webview.match(/<style/g)?.length, 1);
  assert.equal(webview.match(/<script nonce="N0nce123">/g)?.length, 1, 'one script, under the nonce');
  assert.equal(webview.match(/<script/g)?.length, 1);
  assert.match(webview, /postMessage\(\{type:'open',file:a\.getAttribute\('data-file'\)\}\)/);
  assert.match(webview, /var\(--vscode-foreground,/, 'the editor theme’s colours, with fallbacks');
  assert.ok(!page.includes('--vscode-'), 'the file on disk does not need the editor');
});

test('nothing in the report points at the network', () => {
  for (const html of [renderReportHtml(buildFixtureReport({ hostile: true })), renderReportHtml(smallReport(), { webview: WEBVIEW })]) {
    assert.ok(!/https?:\/\//i.test(html), 'no http:// or https:// anywhere');
    assert.ok(!/@import|url\((?!#)/i.test(html), 'no stylesheet or font is fetched (only url(#pattern) fills)');
    assertOnlyOwnMarkup(html); // which allows no element with a `src`
  }
});

test('small groups are greyed out, listed last, labelled and not ranked', () => {
  const html = renderReportHtml(smallReport());
  const rows = groupRows(html);
  assert.deepEqual(
    rows.map((r) => [r[0], r[1]]),
    [
      ['1', 'Zoe'],
      ['— not ranked', 'Aaron too few reviewed notes'],
      ['— not ranked', 'Maya too few reviewed notes'],
    ],
  );
  assert.equal(html.match(/<tr class="small">/g)?.length, 2);
  const qualityChart = /<svg class="chart" id="chart-quality"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  const labels = [...qualityChart.matchAll(/<g class="row( muted)?"><title>([^<]*)<\/title>/g)].map((m) => [m[2].split(':')[0], Boolean(m[1])]);
  assert.deepEqual(labels, [['1. Zoe', false], ['Aaron', true], ['Maya', true]], 'the bars follow the same order; small ones muted, without a rank');
  assert.match(qualityChart, /<g class="row muted"><title>Aaron[^<]*<\/title>[^]*?fill="url\(#p-grey\)"/, 'hatched, not only greyed');
});

test('an advance rate of null is shown as an em dash with the reason', () => {
  const report = smallReport();
  const rows = groupRows(renderReportHtml(report));
  assert.equal(rows[1][7], '— 2 reviewed, fewer than 5');
  assert.equal(rows[0][7], '33%');

  report.totals = { ...report.totals, reviewed: 3, advances: 2, advanceRate: null };
  const html = renderReportHtml(report);
  assert.match(html, /<div class="stat" data-stat="advance"><dt>Advance rate<\/dt><dd><span class="big">—<\/span> <span class="detail">only 3 reviewed notes, fewer than 5: too few for a rate<\/span>/);
  report.totals = { ...report.totals, reviewed: 0, advances: 0, weeks: [{ week: '2026-W45', ...numbers({ notes: 2, withObjective: 2, reviewed: 0 }) }] };
  report.groups[1] = { ...report.groups[1], reviewed: 0, advances: 0 };
  const none = renderReportHtml(report);
  assert.match(none, /<span class="big">—<\/span> <span class="detail">no reviewed notes yet/);
  assert.match(none, /No week has 5 reviewed notes yet, so there is no advance-rate line\./);
  assert.doesNotMatch(/<svg class="chart" id="chart-trend"[\s\S]*?<\/svg>/.exec(none)?.[0] ?? '', /<circle/, 'no advance-rate point is drawn');
  assert.match(none, /<svg class="chart" id="chart-trend"[^>]*>[\s\S]*?<rect class="mark f-quality"/, 'the objective-quality line is');
  assert.match(none, /<summary>Aaron: 2 notes, 0 self-focused, none reviewed yet/);
});

test('every chart has a text alternative and a table beside it', () => {
  const html = renderReportHtml(buildFixtureReport({ hostile: false }));
  const charts = [...html.matchAll(/<svg class="chart" id="([^"]+)"[^>]* role="img" aria-labelledby="([^"]+)"><title id="([^"]+)">([^<]+)<\/title><desc id="([^"]+)">([^<]+)<\/desc>/g)];
  assert.deepEqual(charts.map((c) => c[1]), ['chart-quality', 'chart-advance', 'chart-trend', 'chart-mix']);
  for (const c of charts) assert.equal(c[2], `${c[3]} ${c[5]}`);
  assert.equal(html.match(/<svg class="chart"/g)?.length, 4, 'no chart without its text');
  assert.match(charts[1][6], /^1\. Chloé Martin: 86% \(18 of 21\); 2\. Ana López/);
  for (const table of ['groups-table', 'weeks-table', 'mix-table']) assert.ok(html.includes(`id="${table}"`), table);
  const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  headings.forEach((level, i) => assert.ok(i === 0 ? level === 1 : level <= headings[i - 1] + 1, `heading levels never skip (${headings.join(',')})`));
});

test('a report with no notes still renders and says so', () => {
  const empty: Report = { generatedAt: '2026-11-09T08:30:00.000Z', from: null, to: null, by: 'client', minNotes: 5, totals: { ...numbers(), weeks: [] }, groups: [], stale: [], undated: [], notesList: [] };
  const html = renderReportHtml(empty);
  assert.match(html, /No note is dated/);
  assert.match(html, /<h2>By client<\/h2><p>No notes in this report\.<\/p>/);
  assert.doesNotMatch(html, /<svg class="chart"/);
  assertOnlyOwnMarkup(html);
});

test('by folder, each note is listed under its folder even when its link was made relative to the report', () => {
  const keys = ['notes/rep-07', 'notes/rep-08', 'notes/rep-08/archive', '.'];
  /** The files under each group's folded list, in the groups' order (all small: by name). */
  const listed = (files: string[]) => {
    const report: Report = {
      ...smallReport(),
      by: 'folder',
      groups: keys.map((key) => group(key, { notes: 1 }, true)),
      notesList: files.map((file) => note(file, 'Zoe')),
    };
    const html = renderReportHtml(report);
    return Object.fromEntries(
      [...html.matchAll(/<details class="group small" id="group-\d+"><summary>([^:]+):[\s\S]*?<\/details>/g)].map((m) => [m[1], [...m[0].matchAll(/data-file="([^"]+)"/g)].map((f) => f[1])]),
    );
  };
  const expected = (prefix: string) => ({
    '.': [`${prefix}top.md`],
    'notes/rep-07': [`${prefix}notes/rep-07/a.md`],
    'notes/rep-08': [`${prefix}notes/rep-08/b.md`],
    'notes/rep-08/archive': [`${prefix}notes/rep-08/archive/c.md`],
  });
  const files = ['top.md', 'notes/rep-07/a.md', 'notes/rep-08/b.md', 'notes/rep-08/archive/c.md'];
  assert.deepEqual(listed(files), expected(''));
  assert.deepEqual(listed(files.map((f) => `../${f}`)), expected('../'), 'the report written in a sibling folder');
  assert.deepEqual(listed(['../top.md', 'rep-07/a.md', 'rep-08/b.md', 'rep-08/archive/c.md'])['notes/rep-08/archive'], ['rep-08/archive/c.md'], 'the report written in notes/');
});
