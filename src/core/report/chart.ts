/**
 * The coaching report's charts as plain inline SVG: no library, no script, no canvas. The text a
 * chart shows (labels, values) is real SVG text a screen reader and a printer both get, every
 * chart is `role="img"` with a `<title>` and a `<desc>`, and the page beside it holds the same
 * numbers as a table. Colours come from CSS classes (so they follow light, dark, the editor's
 * theme and print); every series also differs by pattern, dash or marker shape, and its value is
 * printed, so colour is never the only cue.
 */
import { coord, escapeHtml, shorten } from './markup';

/** Patterns shared by every chart on the page (ids are unique in the document). */
export const CHART_PATTERNS =
  '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>' +
  '<pattern id="p-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  '<rect class="pat-bg" width="6" height="6"/><rect class="pat-fg" width="2.5" height="6"/></pattern>' +
  '<pattern id="p-grey" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">' +
  '<rect class="pat-bg" width="6" height="6"/><rect class="pat-fg" width="2" height="6"/></pattern>' +
  '<pattern id="p-dots" width="6" height="6" patternUnits="userSpaceOnUse">' +
  '<rect class="pat-bg" width="6" height="6"/><circle class="pat-fg" cx="3" cy="3" r="1.4"/></pattern>' +
  '</defs></svg>';

/** How a bar or segment is filled: the CSS class gives the colour, the pattern the second cue. */
export type Fill = 'quality' | 'advance' | 'muted' | 'weak' | 'missing' | 'continuation' | 'pending';

function fillAttr(fill: Fill): string {
  if (fill === 'muted') return 'class="f-muted" fill="url(#p-grey)"';
  if (fill === 'weak' || fill === 'continuation') return `class="f-${fill}" fill="url(#p-hatch)"`;
  if (fill === 'missing' || fill === 'pending') return `class="f-${fill}" fill="url(#p-dots)"`;
  return `class="f-${fill}"`;
}

/** A small square in the fill of a series, for legends in the HTML around a chart. */
export function swatch(fill: Fill): string {
  return `<svg class="swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><rect ${fillAttr(fill)} x="0.5" y="0.5" width="13" height="13"/></svg>`;
}

/** The opening of a chart: role, accessible name and description. */
function openChart(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg class="chart" id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>`
  );
}

export interface Bar {
  label: string;
  /** 0..1, or null when there is no value to draw (the `valueText` says why). */
  value: number | null;
  valueText: string;
  muted: boolean;
}

const BAR_WIDTH = 560;
const BAR_LABEL = 130;
const BAR_SPAN = 250;
const BAR_ROW = 28;

/** Horizontal bars from 0 to 100%, one row per group, the value printed after each bar. */
export function barChart(id: string, title: string, desc: string, fill: Fill, bars: Bar[]): string {
  const top = 22;
  const height = top + bars.length * BAR_ROW + 6;
  const x0 = BAR_LABEL;
  const parts: string[] = [openChart(id, BAR_WIDTH, height, title, desc)];
  for (const tick of [0, 0.5, 1]) {
    const x = coord(x0 + tick * BAR_SPAN);
    parts.push(
      `<line class="grid" x1="${x}" x2="${x}" y1="${top - 4}" y2="${height - 4}"/>` +
        `<text class="tick" x="${x}" y="12" text-anchor="middle">${tick * 100}%</text>`,
    );
  }
  bars.forEach((bar, i) => {
    const y = top + i * BAR_ROW;
    const textY = coord(y + BAR_ROW / 2 + 4);
    const width = bar.value === null ? 0 : Math.max(bar.value * BAR_SPAN, 1);
    parts.push(
      `<g class="row${bar.muted ? ' muted' : ''}"><title>${escapeHtml(`${bar.label}: ${bar.valueText}`)}</title>` +
        `<text class="label" x="${x0 - 8}" y="${textY}" text-anchor="end">${escapeHtml(shorten(bar.label, 18))}</text>` +
        (bar.value === null ? '' : `<rect ${fillAttr(bar.muted ? 'muted' : fill)} x="${x0}" y="${y + 5}" width="${coord(width)}" height="${BAR_ROW - 10}"/>`) +
        `<text class="value" x="${coord(x0 + width + 6)}" y="${textY}">${escapeHtml(bar.valueText)}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface Segment {
  label: string;
  count: number;
  fill: Fill;
}

export interface StackedRow {
  label: string;
  segments: Segment[];
}

/** One 100% bar per row, its segments in order, each count printed where it fits. */
export function stackedBarChart(id: string, title: string, desc: string, rows: StackedRow[]): string {
  const width = 720;
  const span = width - BAR_LABEL - 10;
  const rowHeight = 40;
  const height = rows.length * rowHeight + 8;
  const parts: string[] = [openChart(id, width, height, title, desc)];
  rows.forEach((row, i) => {
    const y = 4 + i * rowHeight;
    const total = row.segments.reduce((sum, s) => sum + s.count, 0);
    parts.push(`<text class="label" x="${BAR_LABEL - 8}" y="${y + 21}" text-anchor="end">${escapeHtml(row.label)}</text>`);
    let x = BAR_LABEL;
    for (const segment of row.segments) {
      if (segment.count === 0 || total === 0) continue;
      const width = (segment.count / total) * span;
      parts.push(
        `<g><title>${escapeHtml(`${row.label}, ${segment.label}: ${segment.count} of ${total}`)}</title>` +
          `<rect ${fillAttr(segment.fill)} x="${coord(x)}" y="${y + 4}" width="${coord(width)}" height="26"/>` +
          (width >= 30 ? `<text class="in-bar" x="${coord(x + width / 2)}" y="${y + 22}" text-anchor="middle">${segment.count}</text>` : '') +
          '</g>',
      );
      x += width;
    }
    parts.push(`<rect class="outline" x="${BAR_LABEL}" y="${y + 4}" width="${span}" height="26"/>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface LineSeries {
  name: string;
  /** One value (0..1) per x label; null leaves a gap. */
  values: (number | null)[];
  /** `solid` + circles, or `dashed` + squares: the line's shape tells the series apart too. */
  style: 'solid' | 'dashed';
  fill: Fill;
}

/** A trend over the weeks: 0..100% on the y axis, a gap where a week has no value. */
export function lineChart(id: string, title: string, desc: string, xLabels: string[], series: LineSeries[]): string {
  const width = 900;
  const height = 260;
  const left = 44;
  const right = 180;
  const top = 14;
  const bottom = 46;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (xLabels.length === 1 ? plotW / 2 : (i / (xLabels.length - 1)) * plotW);
  const y = (v: number) => top + (1 - v) * plotH;
  const parts: string[] = [openChart(id, width, height, title, desc)];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line class="grid" x1="${left}" x2="${left + plotW}" y1="${coord(y(tick))}" y2="${coord(y(tick))}"/>` +
        `<text class="tick" x="${left - 6}" y="${coord(y(tick) + 4)}" text-anchor="end">${tick * 100}%</text>`,
    );
  }
  // Every label when they fit, else every second or third: a label is about 40 units wide.
  const step = Math.max(1, Math.ceil((xLabels.length * 44) / plotW));
  xLabels.forEach((label, i) => {
    if (i % step !== 0 && i !== xLabels.length - 1) return;
    parts.push(`<text class="tick" x="${coord(x(i))}" y="${height - bottom + 18}" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  parts.push(`<text class="tick" x="${left + plotW / 2}" y="${height - 8}" text-anchor="middle">ISO week</text>`);
  for (const s of series) {
    let path = '';
    let penDown = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        penDown = false;
        return;
      }
      path += `${penDown ? 'L' : 'M'}${coord(x(i))} ${coord(y(v))}`;
      penDown = true;
    });
    const cls = `line l-${s.fill}${s.style === 'dashed' ? ' dashed' : ''}`;
    parts.push(`<g><path class="${cls}" d="${path}"/>`);
    s.values.forEach((v, i) => {
      if (v === null) return;
      const cx = coord(x(i));
      const cy = coord(y(v));
      const tip = `<title>${escapeHtml(`${s.name}, ${xLabels[i]}: ${Math.round(v * 100)}%`)}</title>`;
      parts.push(
        s.style === 'solid'
          ? `<circle class="mark f-${s.fill}" cx="${cx}" cy="${cy}" r="4">${tip}</circle>`
          : `<rect class="mark f-${s.fill}" x="${coord(x(i) - 3.5)}" y="${coord(y(v) - 3.5)}" width="7" height="7">${tip}</rect>`,
      );
    });
    parts.push('</g>');
  }
  // The name and latest value at the end of each line: the legend is on the line itself. Labels
  // that would overlap are pushed apart.
  const ends = series
    .map((s) => {
      let i = s.values.length - 1;
      while (i >= 0 && s.values[i] === null) i--;
      return i < 0 ? null : { s, v: s.values[i] as number, yPos: y(s.values[i] as number) + 4 };
    })
    .filter((e): e is { s: LineSeries; v: number; yPos: number } => e !== null)
    .sort((a, b) => a.yPos - b.yPos);
  for (let i = 1; i < ends.length; i++) ends[i].yPos = Math.max(ends[i].yPos, ends[i - 1].yPos + 16);
  for (const end of ends) {
    parts.push(`<text class="end-label" x="${left + plotW + 10}" y="${coord(end.yPos)}">${escapeHtml(`${end.s.name} ${Math.round(end.v * 100)}%`)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
