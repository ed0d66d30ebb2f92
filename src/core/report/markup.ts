/**
 * The few HTML helpers the coaching report needs. Everything a note gives us (file names, client,
 * rep) is hostile input: it goes through `escapeHtml` or `noteHref`, never into the page as is.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML or SVG text node and for a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

/**
 * The relative link to a note from a report written in the notes' base folder: each path segment
 * URL-encoded, so `#`, `?`, `%`, spaces and `:` (a would-be `javascript:` scheme) stay part of the
 * file name. A path that would start with `/` (absolute, or `//host` for a protocol-relative URL)
 * is kept relative with a leading `.`.
 */
export function noteHref(file: string): string {
  const href = file.split('/').map(encodeURIComponent).join('/');
  return href.startsWith('/') ? `.${href}` : href;
}

/** A link to a note: `data-file` carries the path itself for the editor's webview to open. */
export function noteLink(file: string, text: string = file): string {
  return `<a href="${escapeHtml(noteHref(file))}" data-file="${escapeHtml(file)}">${escapeHtml(text)}</a>`;
}

/** `0.8234` as `"82%"`; `null` as an em dash. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** Cuts a label that would not fit beside a chart; the full text stays in the chart's `<title>`. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Rounds a coordinate to one decimal: shorter SVG, no visible difference. */
export function coord(n: number): string {
  return String(Math.round(n * 10) / 10);
}
