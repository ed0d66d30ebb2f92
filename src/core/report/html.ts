/**
 * The coaching report as one self-contained HTML file: inline CSS, inline SVG charts, no script
 * (except the one-line link handler in the editor's webview), nothing loaded from anywhere. It
 * opens offline, prints, follows the light or dark scheme (and the editor's theme in the webview),
 * and links each note by a path relative to the report. Pure: no I/O, runs in Node and a browser.
 */
import { barChart, CHART_PATTERNS, lineChart, stackedBarChart, swatch, type Bar, type Fill } from './chart';
import { escapeHtml, noteLink, percent } from './markup';
import type { Report, ReportGroup, ReportNote, ReportNumbers, StaleClient } from './types';

export interface RenderOptions {
  /** The page's title and heading; "Coaching report" when not given. */
  title?: string;
  /**
   * For a VS Code webview: adds its Content-Security-Policy, puts the CSS under the nonce, and a
   * script that asks the extension to open a note (`{ type: 'open', file }`) instead of following
   * the link.
   */
  webview?: { cspSource: string; nonce: string };
}

/** The same options under the name the report's first callers used. */
export type RenderReportOptions = RenderOptions;

/** The share of objectives that are not self-focused, or null when no note has an objective. */
export function objectiveQuality(numbers: ReportNumbers): number | null {
  return numbers.withObjective === 0 ? null : (numbers.withObjective - numbers.selfFocused) / numbers.withObjective;
}

/**
 * The groups in the order the report shows them: ranked ones first by advance rate, then by
 * objective quality (best first); the small ones after them, by name, never ranked.
 */
export function orderGroups(groups: readonly ReportGroup[]): ReportGroup[] {
  const rate = (v: number | null) => (v === null ? -1 : v);
  const byKey = (a: ReportGroup, b: ReportGroup) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const ranked = groups
    .filter((g) => !g.small)
    .sort((a, b) => rate(b.advanceRate) - rate(a.advanceRate) || rate(objectiveQuality(b)) - rate(objectiveQuality(a)) || byKey(a, b));
  const small = groups.filter((g) => g.small).sort(byKey);
  return [...ranked, ...small];
}

/** The key of notes without a rep or client (as the report's builder names it). */
const NO_KEY = '(none)';

const BY_LABEL: Record<Report['by'], { one: string; heading: string }> = {
  rep: { one: 'rep', heading: 'By rep' },
  client: { one: 'client', heading: 'By client' },
  folder: { one: 'folder', heading: 'By folder' },
};

/** Renders the whole report as an HTML document. */
export function renderReportHtml(report: Report, options: RenderOptions = {}): string {
  const title = options.title ?? 'Coaching report';
  const webview = options.webview;
  const nonceAttr = webview ? ` nonce="${escapeHtml(webview.nonce)}"` : '';
  const groups = orderGroups(report.groups);
  const notesByGroup = groupNotes(report, groups);
  const head = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    webview
      ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${escapeHtml(webview.cspSource)} data:; style-src ${escapeHtml(webview.cspSource)} 'nonce-${escapeHtml(webview.nonce)}'; script-src 'nonce-${escapeHtml(webview.nonce)}';">`
      : // The file runs no script and loads nothing; the policy makes sure of it even if a browser
        // were ever fooled by a note's text.
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    // An empty icon: without it a browser asks the server (or the disk) for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style${nonceAttr}>${reportCss(webview !== undefined)}</style>`,
    '</head>',
  ];
  const body = [
    `<body${webview ? ' class="webview"' : ''}>`,
    CHART_PATTERNS,
    '<main>',
    renderHeader(report, title),
    renderGroups(report, groups),
    renderTrend(report),
    renderOutcomeMix(report),
    renderStale(report.stale),
    renderUndated(report.undated),
    renderNotesBehind(report, groups, notesByGroup),
    '</main>',
    '<footer><p>Made by Objective &amp; Outcome from your notes. This file loads nothing from the network; the links open the notes beside it.</p></footer>',
    webview ? `<script${nonceAttr}>${WEBVIEW_SCRIPT}</script>` : '',
    '</body>',
    '</html>',
  ];
  return `${head.join('\n')}\n${body.join('\n')}\n`;
}

/**
 * In the webview a link cannot open a file: the extension does, when asked. A link to a group's
 * notes is handled here too, since the editor scrolls to an in-page target itself (no fragment
 * navigation, so the folded list would stay folded).
 */
const WEBVIEW_SCRIPT =
  "(function(){var vscode=acquireVsCodeApi();function open(e){" +
  "var el=e.target instanceof Element?e.target:null;if(!el)return;" +
  "var a=el.closest('a[data-file]');" +
  "if(a){e.preventDefault();vscode.postMessage({type:'open',file:a.getAttribute('data-file')});return;}" +
  "var h=el.closest('a[href^=\"#\"]');var t=h&&document.getElementById(h.getAttribute('href').slice(1));" +
  "if(t){e.preventDefault();var d=t.closest('details');if(d)d.open=true;t.scrollIntoView();}}" +
  // A middle click (auxclick) would otherwise ask the editor to open the link as a web page.
  "document.addEventListener('click',open);document.addEventListener('auxclick',open);})();";

/** `2026-11-02T09:30:12.000Z` as `2026-11-02 09:30 UTC`; anything else as given. */
function formatTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function renderHeader(report: Report, title: string): string {
  const t = report.totals;
  const range =
    report.from && report.to
      ? `Notes dated <time datetime="${escapeHtml(report.from)}">${escapeHtml(report.from)}</time> to <time datetime="${escapeHtml(report.to)}">${escapeHtml(report.to)}</time>`
      : 'No note is dated';
  const quality = objectiveQuality(t);
  const stat = (name: string, value: string, detail: string, key: string) =>
    `<div class="stat" data-stat="${key}"><dt>${name}</dt><dd><span class="big">${value}</span> <span class="detail">${detail}</span></dd></div>`;
  return [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${range} · grouped by ${BY_LABEL[report.by].one} · made <time datetime="${escapeHtml(report.generatedAt)}">${escapeHtml(formatTimestamp(report.generatedAt))}</time></p>`,
    '<dl class="totals">',
    stat('Notes', String(t.notes), `${t.withObjective} with an objective, ${t.withOutcome} with an outcome`, 'notes'),
    stat('Objective quality', percent(quality), quality === null ? 'no objectives written' : `${t.withObjective - t.selfFocused} of ${t.withObjective} objectives about the client`, 'quality'),
    stat('Advance rate', percent(t.advanceRate), advanceDetail(t, report.minNotes), 'advance'),
    stat('Weak outcomes', String(t.weakOutcomes), weakDetail(t), 'weak'),
    stat('Clients gone quiet', String(report.stale.length), 'see the list below', 'stale'),
    stat('Undated notes', String(report.undated.length), 'counted, but in no week', 'undated'),
    '</dl>',
    '</header>',
  ].join('\n');
}

/** Weak outcomes count the missing ones too (no outcome is no commitment): say how many. */
function weakDetail(n: ReportNumbers): string {
  const missing = n.notes - n.withOutcome;
  return missing > 0 && missing <= n.weakOutcomes
    ? `no commitment from the client; ${missing} of them not written at all`
    : 'outcomes with no commitment from the client';
}

/** What an advance rate stands on, or why there is none. */
function advanceDetail(n: ReportNumbers, minNotes: number): string {
  if (n.advanceRate !== null) return `${n.advances} advances of ${n.reviewed} reviewed notes`;
  return n.reviewed === 0
    ? `no reviewed notes yet (no <code>result</code> written)`
    : `only ${n.reviewed} reviewed ${n.reviewed === 1 ? 'note' : 'notes'}, fewer than ${minNotes}: too few for a rate`;
}

/** `— (why)` for an advance rate that is null, the rate otherwise. */
function advanceCell(n: ReportNumbers, minNotes: number): string {
  if (n.advanceRate !== null) return percent(n.advanceRate);
  return `<span aria-hidden="true">—</span> <span class="why">${n.reviewed === 0 ? 'no reviewed notes' : `${n.reviewed} reviewed, fewer than ${minNotes}`}</span>`;
}

function renderGroups(report: Report, groups: ReportGroup[]): string {
  const by = BY_LABEL[report.by];
  if (groups.length === 0) return `<section id="groups"><h2>${by.heading}</h2><p>No notes in this report.</p></section>`;
  let rank = 0;
  const ranks = groups.map((g) => (g.small ? null : ++rank));
  const label = (g: ReportGroup, i: number) => (ranks[i] === null ? g.key : `${ranks[i]}. ${g.key}`);
  const smallSuffix = ', not ranked';
  const qualityBars: Bar[] = groups.map((g, i) => {
    const q = objectiveQuality(g);
    return {
      label: label(g, i),
      value: q,
      valueText: q === null ? '— no objectives' : `${percent(q)} (${g.withObjective - g.selfFocused} of ${g.withObjective})${g.small ? smallSuffix : ''}`,
      muted: g.small,
    };
  });
  const advanceBars: Bar[] = groups.map((g, i) => ({
    label: label(g, i),
    value: g.advanceRate,
    valueText: g.advanceRate === null ? `— too few reviewed (${g.reviewed} of ${report.minNotes})` : `${percent(g.advanceRate)} (${g.advances} of ${g.reviewed})`,
    muted: g.small,
  }));
  const describe = (bars: Bar[]) => bars.map((b) => `${b.label}: ${b.valueText}`).join('; ');
  const rows = groups.map((g, i) => {
    const q = objectiveQuality(g);
    return (
      `<tr${g.small ? ' class="small"' : ''}>` +
      `<td>${ranks[i] ?? '<span aria-hidden="true">—</span> <span class="sr">not ranked</span>'}</td>` +
      `<th scope="row"><a href="#notes-${i}">${escapeHtml(g.key)}</a>${g.small ? ' <span class="small-label">too few reviewed notes</span>' : ''}</th>` +
      `<td>${g.notes}</td><td>${percent(q)}</td><td>${g.selfFocused}</td><td>${g.reviewed}</td><td>${g.advances}</td>` +
      `<td>${advanceCell(g, report.minNotes)}</td><td>${g.weakOutcomes}</td></tr>`
    );
  });
  return [
    '<section id="groups">',
    `<h2>${by.heading}</h2>`,
    `<p class="lead">Ranked by advance rate, then objective quality. A ${by.one} with fewer than ${report.minNotes} reviewed notes (a <code>result</code> written after the meeting) is greyed out, hatched, listed last and not ranked: too few to compare.</p>`,
    '<div class="charts">',
    '<figure>',
    '<figcaption><h3>Objective quality</h3><p>Share of objectives about the client, not self-focused.</p></figcaption>',
    barChart('chart-quality', `Objective quality by ${by.one}`, describe(qualityBars), 'quality', qualityBars),
    '</figure>',
    '<figure>',
    '<figcaption><h3>Advance rate</h3><p>Share of reviewed meetings that ended in an advance: the client agreed to a specific next step.</p></figcaption>',
    barChart('chart-advance', `Advance rate by ${by.one}`, describe(advanceBars), 'advance', advanceBars),
    '</figure>',
    '</div>',
    `<table class="numbers" id="groups-table"><caption>The numbers by ${by.one}</caption>`,
    `<thead><tr><th scope="col">Rank</th><th scope="col">${escapeHtml(by.one[0].toUpperCase() + by.one.slice(1))}</th><th scope="col">Notes</th><th scope="col">Objective quality</th><th scope="col">Self-focused</th><th scope="col">Reviewed</th><th scope="col">Advances</th><th scope="col">Advance rate</th><th scope="col">Weak outcomes</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    `<tfoot><tr><td></td><th scope="row">All notes</th><td>${report.totals.notes}</td><td>${percent(objectiveQuality(report.totals))}</td><td>${report.totals.selfFocused}</td><td>${report.totals.reviewed}</td><td>${report.totals.advances}</td><td>${advanceCell(report.totals, report.minNotes)}</td><td>${report.totals.weakOutcomes}</td></tr></tfoot>`,
    '</table>',
    '</section>',
  ].join('\n');
}

function renderTrend(report: Report): string {
  const weeks = report.totals.weeks;
  const heading = '<h2>Week by week</h2>';
  if (weeks.length === 0) return `<section id="trend">${heading}<p>No dated notes, so no weeks to show.</p></section>`;
  const advance = weeks.map((w) => w.advanceRate);
  const quality = weeks.map((w) => objectiveQuality(w));
  const labels = weeks.map((w) => w.week.replace(/^\d{4}-/, ''));
  const describe = weeks
    .map((w, i) => `${w.week}: advance rate ${percent(advance[i])}, objective quality ${percent(quality[i])}`)
    .join('; ');
  const gaps = advance.some((v) => v === null);
  const noLine = advance.every((v) => v === null);
  const rows = weeks.map(
    (w, i) =>
      `<tr><th scope="row">${escapeHtml(w.week)}</th><td>${w.notes}</td><td>${percent(quality[i])}</td><td>${w.reviewed}</td><td>${w.advances}</td><td>${advanceCell(w, report.minNotes)}</td></tr>`,
  );
  return [
    '<section id="trend">',
    heading,
    '<p class="lead">All notes, per ISO week (Monday to Sunday).' +
      (noLine
        ? ` No week has ${report.minNotes} reviewed notes yet, so there is no advance-rate line.`
        : gaps
          ? ` A gap in the advance-rate line is a week with fewer than ${report.minNotes} reviewed notes.`
          : '') +
      '</p>',
    '<ul class="legend" aria-hidden="true">' +
      `<li>${legendLine('solid', 'advance')} Advance rate (solid line, circles)</li>` +
      `<li>${legendLine('dashed', 'quality')} Objective quality (dashed line, squares)</li></ul>`,
    '<figure>',
    lineChart('chart-trend', 'Advance rate and objective quality per ISO week', describe, labels, [
      { name: 'Advance rate', values: advance, style: 'solid', fill: 'advance' },
      { name: 'Objective quality', values: quality, style: 'dashed', fill: 'quality' },
    ]),
    '</figure>',
    '<details class="data"><summary>The weekly numbers as a table</summary>',
    '<table class="numbers" id="weeks-table"><caption>Per ISO week, all notes</caption>',
    '<thead><tr><th scope="col">Week</th><th scope="col">Notes</th><th scope="col">Objective quality</th><th scope="col">Reviewed</th><th scope="col">Advances</th><th scope="col">Advance rate</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</details>',
    '</section>',
  ].join('\n');
}

function legendLine(style: 'solid' | 'dashed', fill: Fill): string {
  const mark =
    style === 'solid' ? `<circle class="mark f-${fill}" cx="14" cy="7" r="4"/>` : `<rect class="mark f-${fill}" x="10.5" y="3.5" width="7" height="7"/>`;
  return `<svg class="swatch" width="28" height="14" viewBox="0 0 28 14" focusable="false"><path class="line l-${fill}${style === 'dashed' ? ' dashed' : ''}" d="M0 7L28 7"/>${mark}</svg>`;
}

/** The outcome mix of every note: what was planned (the outcome) and what happened (the result). */
export function outcomeMix(notes: readonly ReportNote[]): { planned: { commitment: number; weak: number; missing: number }; result: { advances: number; continuations: number; pending: number } } {
  const planned = { commitment: 0, weak: 0, missing: 0 };
  const result = { advances: 0, continuations: 0, pending: 0 };
  for (const n of notes) {
    if (!n.hasOutcome) planned.missing++;
    else if (n.weakOutcome) planned.weak++;
    else planned.commitment++;
    if (!n.reviewed || n.advance === null) result.pending++;
    else if (n.advance) result.advances++;
    else result.continuations++;
  }
  return { planned, result };
}

function renderOutcomeMix(report: Report): string {
  const heading = '<h2>Outcome mix</h2>';
  const total = report.notesList.length;
  if (total === 0) return `<section id="mix">${heading}<p>No notes in this report.</p></section>`;
  const { planned, result } = outcomeMix(report.notesList);
  const plannedSegments = [
    { label: 'Outcome with a commitment', count: planned.commitment, fill: 'quality' as Fill },
    { label: 'Weak outcome', count: planned.weak, fill: 'weak' as Fill },
    { label: 'Missing outcome', count: planned.missing, fill: 'missing' as Fill },
  ];
  const resultSegments = [
    { label: 'Advance', count: result.advances, fill: 'advance' as Fill },
    { label: 'Continuation', count: result.continuations, fill: 'continuation' as Fill },
    { label: 'No result yet', count: result.pending, fill: 'pending' as Fill },
  ];
  const share = (count: number) => `${Math.round((count / total) * 100)}%`;
  const describe = (segments: typeof plannedSegments) => segments.map((s) => `${s.label} ${s.count} (${share(s.count)})`).join(', ');
  const legend = (segments: typeof plannedSegments) =>
    `<ul class="legend">${segments.map((s) => `<li>${swatch(s.fill)} ${s.label}: <strong>${s.count}</strong> (${share(s.count)})</li>`).join('')}</ul>`;
  const row = (s: { label: string; count: number }, group: string) =>
    `<tr><th scope="row">${group}: ${s.label.toLowerCase()}</th><td>${s.count}</td><td>${share(s.count)}</td></tr>`;
  return [
    '<section id="mix">',
    heading,
    `<p class="lead">Of all ${total} notes: the outcome set before the meeting, and the result written after it. An <em>advance</em> is a specific step the client agreed to; a <em>continuation</em> is a meeting that ended with nothing specific agreed.</p>`,
    '<figure>',
    stackedBarChart(
      'chart-mix',
      'Outcome mix of all notes',
      `Planned outcome: ${describe(plannedSegments)}. Result: ${describe(resultSegments)}.`,
      [
        { label: 'Planned outcome', segments: plannedSegments },
        { label: 'Result', segments: resultSegments },
      ],
    ),
    '</figure>',
    '<div class="legends">',
    `<div><h3>Planned outcome</h3>${legend(plannedSegments)}</div>`,
    `<div><h3>Result</h3>${legend(resultSegments)}</div>`,
    '</div>',
    '<details class="data"><summary>The outcome mix as a table</summary>',
    '<table class="numbers" id="mix-table"><caption>Outcome mix of all notes</caption><thead><tr><th scope="col">Kind</th><th scope="col">Notes</th><th scope="col">Share</th></tr></thead>',
    `<tbody>${plannedSegments.map((s) => row(s, 'Planned')).join('')}${resultSegments.map((s) => row(s, 'Result')).join('')}</tbody></table>`,
    '</details>',
    '</section>',
  ].join('\n');
}

function staleReason(s: StaleClient): string {
  return s.reason === 'quiet'
    ? `Quiet: no note for ${s.daysSince} ${s.daysSince === 1 ? 'day' : 'days'}`
    : `The last three results were continuations (latest ${s.daysSince} ${s.daysSince === 1 ? 'day' : 'days'} ago)`;
}

function renderStale(stale: readonly StaleClient[]): string {
  const heading = '<h2>Clients gone quiet</h2>';
  if (stale.length === 0) return `<section id="stale">${heading}<p>No client has gone quiet.</p></section>`;
  const rows = stale.map(
    (s) =>
      `<tr><th scope="row">${escapeHtml(s.client)}</th><td><time datetime="${escapeHtml(s.lastDate)}">${escapeHtml(s.lastDate)}</time></td><td>${noteLink(s.lastFile)}</td><td>${staleReason(s)}</td></tr>`,
  );
  return [
    '<section id="stale">',
    heading,
    '<p class="lead">Clients whose latest note is old, or whose last three meetings ended without a specific next step.</p>',
    '<table class="list" id="stale-table"><caption>Clients gone quiet</caption><thead><tr><th scope="col">Client</th><th scope="col">Latest note</th><th scope="col">File</th><th scope="col">Why</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function renderUndated(undated: readonly string[]): string {
  const heading = '<h2>Notes without a date</h2>';
  if (undated.length === 0) return `<section id="undated">${heading}<p>Every note has a date.</p></section>`;
  return [
    '<section id="undated">',
    heading,
    '<p class="lead">Counted in the numbers above, but in no week: give them a <code>date</code> field or a <code>YYYY-MM-DD</code> in the file name.</p>',
    `<ul class="files">${undated.map((f) => `<li>${noteLink(f)}</li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

/** Which group a note is counted in, matching how the groups were keyed. */
function groupNotes(report: Report, groups: readonly ReportGroup[]): Map<string, ReportNote[]> {
  const keys = new Set(groups.map((g) => g.key));
  const out = new Map<string, ReportNote[]>(groups.map((g) => [g.key, []]));
  for (const note of report.notesList) {
    const key = groupKeyOf(note, report.by, keys);
    if (key !== null) out.get(key)?.push(note);
  }
  for (const list of out.values()) {
    list.sort((a, b) => (a.date ?? '9999') .localeCompare(b.date ?? '9999') || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
  return out;
}

function groupKeyOf(note: ReportNote, by: Report['by'], keys: ReadonlySet<string>): string | null {
  if (by === 'rep') return note.rep ?? NO_KEY;
  if (by === 'client') return note.client ?? NO_KEY;
  return folderKeyOf(note.file, keys);
}

/**
 * The folder group of a note: its folder (`.` at the top). The links may have been made relative
 * to where the report is written (`../notes/rep-07/…` for the group `notes/rep-07`, or `rep-07/…`
 * when the report sits in `notes/`), so a key that ends the path, or a path that ends the key,
 * matches too; the longest such key wins.
 */
function folderKeyOf(file: string, keys: ReadonlySet<string>): string | null {
  const segments = file.split('/').slice(0, -1).filter((s) => s !== '' && s !== '.' && s !== '..');
  const folder = segments.join('/');
  if (folder === '') return keys.has('.') ? '.' : null;
  if (keys.has(folder)) return folder;
  let best: string | null = null;
  for (const key of keys) {
    if (key !== '.' && (folder.endsWith(`/${key}`) || key.endsWith(`/${folder}`)) && (best === null || key.length > best.length)) best = key;
  }
  return best;
}

function objectiveWord(n: ReportNote): string {
  if (!n.hasObjective) return '<span class="st-missing">missing</span>';
  return n.selfFocused ? '<span class="st-warn">self-focused</span>' : '<span class="st-ok">about the client</span>';
}

function outcomeWord(n: ReportNote): string {
  if (!n.hasOutcome) return '<span class="st-missing">missing</span>';
  return n.weakOutcome ? '<span class="st-warn">weak</span>' : '<span class="st-ok">commitment</span>';
}

function resultWord(n: ReportNote): string {
  if (!n.reviewed || n.advance === null) return '<span class="st-missing">not yet</span>';
  return n.advance ? '<span class="st-ok">advance</span>' : '<span class="st-warn">continuation</span>';
}

function renderNotesBehind(report: Report, groups: readonly ReportGroup[], notesByGroup: Map<string, ReportNote[]>): string {
  if (groups.length === 0) return '';
  const by = BY_LABEL[report.by].one;
  const blocks = groups.map((g, i) => {
    const notes = notesByGroup.get(g.key) ?? [];
    const rows = notes.map(
      (n) =>
        `<tr><td>${n.date ? `<time datetime="${escapeHtml(n.date)}">${escapeHtml(n.date)}</time>` : 'no date'}</td><td>${escapeHtml((report.by === 'client' ? n.rep : n.client) ?? '—')}</td><td>${noteLink(n.file)}</td><td>${objectiveWord(n)}</td><td>${outcomeWord(n)}</td><td>${resultWord(n)}</td></tr>`,
    );
    return (
      `<details class="group${g.small ? ' small' : ''}" id="group-${i}"><summary>${escapeHtml(g.key)}: ${g.notes} ${g.notes === 1 ? 'note' : 'notes'}, ${g.selfFocused} self-focused, ${g.reviewed === 0 ? 'none reviewed yet' : `${g.advances} of ${g.reviewed} reviewed advanced`}${g.small ? ' <span class="small-label">too few reviewed notes</span>' : ''}</summary>` +
      // The group's link points inside the fold: following it opens the <details> (no script needed).
      `<table class="list" id="notes-${i}"><caption>Notes of ${escapeHtml(g.key)}</caption><thead><tr><th scope="col">Date</th><th scope="col">${report.by === 'client' ? 'Rep' : 'Client'}</th><th scope="col">Note</th><th scope="col">Objective</th><th scope="col">Outcome</th><th scope="col">Result</th></tr></thead>` +
      `<tbody>${rows.join('')}</tbody></table></details>`
    );
  });
  return [
    '<section id="notes">',
    '<h2>Notes behind the numbers</h2>',
    `<p class="lead">Every note counted, by ${by}. Open a ${by} to see each note and what the judge said about it; the links open the notes.</p>`,
    ...blocks,
    '</section>',
  ].join('\n');
}

/**
 * The page's CSS. Colours are custom properties: light by default, dark under
 * `prefers-color-scheme: dark`, the editor's theme colours in the webview, black on white printed.
 * Light pairs meet WCAG AA (4.5:1 for text, 3:1 for chart marks).
 */
function reportCss(webview: boolean): string {
  const light =
    '--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--link:#0550ae;' +
    '--quality:#0969da;--advance:#1a7f37;--warn:#9a6700;--bad:#cf222e;--small:#818b98;--pat-bg:#fff;';
  const dark =
    '--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--link:#4493f8;' +
    '--quality:#4493f8;--advance:#3fb950;--warn:#d29922;--bad:#f85149;--small:#656c76;--pat-bg:#0d1117;';
  const editor = webview
    ? '@media screen{:root{--fg:var(--vscode-foreground,#1f2328);--muted:var(--vscode-descriptionForeground,#59636e);' +
      '--bg:var(--vscode-editor-background,#fff);--panel:var(--vscode-editorWidget-background,#f6f8fa);' +
      '--line:var(--vscode-panel-border,#d1d9e0);--link:var(--vscode-textLink-foreground,#0550ae);' +
      '--quality:var(--vscode-charts-blue,#0969da);--advance:var(--vscode-charts-green,#1a7f37);' +
      '--warn:var(--vscode-charts-yellow,#9a6700);--bad:var(--vscode-charts-red,#cf222e);' +
      '--pat-bg:var(--vscode-editor-background,#fff);}' +
      'body{font-family:var(--vscode-font-family,system-ui,sans-serif);}}'
    : '';
  return (
    `:root{${light}color-scheme:light dark;}` +
    `@media screen and (prefers-color-scheme:dark){:root{${dark}}}` +
    editor +
    '*{box-sizing:border-box}' +
    'body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;}' +
    'main,footer{max-width:1180px;margin:0 auto;padding:0 24px}' +
    'header{padding:20px 0 8px}h1{margin:0 0 4px;font-size:1.7em}h2{margin:32px 0 8px;font-size:1.3em;border-bottom:1px solid var(--line);padding-bottom:4px}h3{margin:0;font-size:1em}' +
    '.meta,.lead,figcaption p,.detail,.why,footer{color:var(--muted)}figcaption p{margin:0 0 6px;font-size:.9em}' +
    'a{color:var(--link)}code{font-size:.92em}' +
    '.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:10px;margin:14px 0 0}' +
    '.stat{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px}.stat dt{font-size:.85em;color:var(--muted)}' +
    '.stat dd{margin:0}.big{display:block;font-size:1.8em;font-weight:600;line-height:1.2}.detail{font-size:.8em}' +
    '.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:8px 24px}figure{margin:8px 0}' +
    '.chart{max-width:100%;height:auto;display:block}.defs{position:absolute;width:0;height:0;overflow:hidden}' +
    '.chart text{fill:var(--fg);font-size:12px}.chart .tick{fill:var(--muted);font-size:11px}.chart .value{font-variant-numeric:tabular-nums}' +
    '.chart .in-bar{fill:var(--fg);font-weight:600;paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}' +
    '.grid{stroke:var(--line);stroke-width:1}.outline{fill:none;stroke:var(--fg);stroke-width:1}' +
    '.f-quality{fill:var(--quality)}.f-advance{fill:var(--advance)}' +
    '.f-weak,.f-continuation,.f-missing,.f-pending,.f-muted{stroke:var(--fg);stroke-width:.5}' +
    '#p-hatch .pat-fg{fill:var(--warn)}#p-grey .pat-fg{fill:var(--small)}#p-dots .pat-fg{fill:var(--muted)}.pat-bg{fill:var(--pat-bg)}' +
    '.row.muted text{fill:var(--muted)}' +
    '.line{fill:none;stroke-width:2.5}.l-quality{stroke:var(--quality)}.l-advance{stroke:var(--advance)}.dashed{stroke-dasharray:7 4}' +
    '.mark{stroke:var(--bg);stroke-width:1.5}.end-label{font-weight:600}' +
    '.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 18px;font-size:.92em}.legend li{display:flex;align-items:center;gap:6px}' +
    '.swatch{flex:none}.legends{display:flex;flex-wrap:wrap;gap:8px 48px}' +
    'table{border-collapse:collapse;margin:12px 0;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:4px 0}' +
    'th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}' +
    '.numbers td{text-align:right}.numbers td:first-child{text-align:left}thead th{font-size:.85em;color:var(--muted)}' +
    'tr.small,tr.small a,details.small>summary{color:var(--muted)}.small-label{font-size:.8em;font-weight:normal;border:1px dashed var(--muted);border-radius:4px;padding:0 4px;margin-left:6px;white-space:nowrap}' +
    '.why{font-size:.85em}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '.st-warn{color:var(--warn);font-weight:600}.st-missing{color:var(--muted);font-style:italic}' +
    'details{margin:6px 0}summary{cursor:pointer;padding:2px 0}details.group{border:1px solid var(--line);border-radius:6px;padding:4px 10px}' +
    '.files{columns:2 320px}footer{padding:24px;font-size:.85em}' +
    // Printed: black on white, every folded list unfolded, no chart split over two pages.
    '@media print{:root{--fg:#000;--muted:#444;--bg:#fff;--panel:#fff;--line:#999;--link:#000;--quality:#1f4e99;--advance:#1a6b30;--warn:#7a5200;--small:#888;--pat-bg:#fff}' +
    'body{font-size:11pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}main,footer{max-width:none;padding:0}' +
    'details::details-content{content-visibility:visible;display:block}summary{list-style:none}' +
    'figure,tr,.stat{break-inside:avoid}h2,h3{break-after:avoid}.charts{grid-template-columns:1fr}}'
  );
}
