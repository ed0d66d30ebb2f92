// A plain stand-in for the HTML report: the same signature and contract as the full renderer
// (one self-contained file, relative note links, no remote resource).
import type { Report } from './types';

export interface RenderReportOptions {
  title?: string;
  /** Inside a VS Code webview: its CSP source and a nonce for the one script, which posts `{type: 'open', file}` on a note link. */
  webview?: { cspSource: string; nonce: string };
}

/** The report as one HTML document. */
export function renderReportHtml(report: Report, options: RenderReportOptions = {}): string {
  const title = options.title ?? 'Coaching report';
  const csp = options.webview
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.webview.cspSource} 'nonce-${options.webview.nonce}'; script-src 'nonce-${options.webview.nonce}';">`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">`;
  const rate = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
  const rows = report.groups
    .map((group) => `<tr><th scope="row">${escapeHtml(group.key)}</th><td>${group.notes}</td><td>${group.withObjective}</td><td>${group.selfFocused}</td><td>${group.weakOutcomes}</td><td>${group.reviewed}</td><td>${group.advances}</td><td>${rate(group.advanceRate)}</td></tr>`)
    .join('\n');
  const notes = report.notesList.map((note) => `<li>${link(note.file)}</li>`).join('\n');
  const stale = report.stale.map((client) => `<li>${escapeHtml(client.client)}: ${escapeHtml(client.reason)}, ${client.daysSince} days, ${link(client.lastFile)}</li>`).join('\n');
  const script = options.webview
    ? `<script nonce="${options.webview.nonce}">const vscode = acquireVsCodeApi(); document.addEventListener('click', (event) => { const a = event.target.closest('a[data-file]'); if (a) { event.preventDefault(); vscode.postMessage({ type: 'open', file: a.dataset.file }); } });</script>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${csp}
<title>${escapeHtml(title)}</title>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(report.from ?? '')} – ${escapeHtml(report.to ?? '')}: ${report.totals.notes} notes, advance rate ${rate(report.totals.advanceRate)}</p>
<table>
<thead><tr><th scope="col">${escapeHtml(report.by)}</th><th scope="col">notes</th><th scope="col">with objective</th><th scope="col">self-focused</th><th scope="col">weak outcomes</th><th scope="col">reviewed</th><th scope="col">advances</th><th scope="col">advance rate</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Stale clients</h2>
<ul>
${stale}
</ul>
<h2>Notes</h2>
<ul>
${notes}
</ul>
${script}
</body>
</html>
`;
}

function link(file: string): string {
  return `<a href="${escapeHtml(encodeURI(file).replace(/[#?]/g, encodeURIComponent))}" data-file="${escapeHtml(file)}">${escapeHtml(file)}</a>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
