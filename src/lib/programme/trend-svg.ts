// Line charts drawn on the server as SVG: no JavaScript, scales to a phone's width (viewBox), each
// series in its own colour AND dash pattern and marker so it reads without colour. Pure: the same
// data gives the same markup. Every text is escaped; the numbers also go in a table beside it.

export type TrendPoint = { x: number; y: number };
export type TrendSeries = { label: string; points: TrendPoint[] };
export type TrendChartOptions = {
  /** Unique on the page: the title and description ids derive from it. */
  id: string;
  title: string;
  description: string;
  series: TrendSeries[];
  /** The x range (ms); defaults to the points' own. */
  xMin?: number;
  xMax?: number;
  /** Labels for x (a day) and y (a percentage by default). */
  xTick: (x: number) => string;
  yTick?: (y: number) => string;
  width?: number;
  height?: number;
};

const COLOURS = ['#1f3a5f', '#a8843a', '#17663a', '#a61b1b', '#6b3fa0', '#0f766e', '#9a3412', '#475569'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A series with more points than this is drawn as a line alone. */
export const MAX_MARKERS = 24;

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** An SVG line chart of percentages (0–100) over time, with axes, gridlines and a legend. */
export function renderTrendSvg(o: TrendChartOptions): string {
  // about a phone's width in CSS pixels, so 11-unit text reads at 11 px there; a legend line per series
  const width = o.width ?? 400;
  const legendRows = o.series.length;
  const height = (o.height ?? 220) + legendRows * 18;
  const pad = { left: 44, right: 16, top: 14, bottom: 30 + legendRows * 18 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const xs = o.series.flatMap((s) => s.points.map((p) => p.x));
  const xMin = o.xMin ?? (xs.length ? Math.min(...xs) : 0);
  const xMax = o.xMax ?? (xs.length ? Math.max(...xs) : 1);
  const span = xMax - xMin || 1;
  const px = (x: number) => pad.left + ((x - xMin) / span) * plotW;
  const py = (y: number) => pad.top + plotH - (Math.max(0, Math.min(100, y)) / 100) * plotH;
  const yTick = o.yTick ?? ((y: number) => `${y}%`);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${escapeXml(o.id)}-t ${escapeXml(o.id)}-d" class="trend-chart" preserveAspectRatio="xMidYMid meet">`);
  out.push(`<title id="${escapeXml(o.id)}-t">${escapeXml(o.title)}</title><desc id="${escapeXml(o.id)}-d">${escapeXml(o.description)}</desc>`);
  for (const y of [0, 25, 50, 75, 100]) {
    out.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${fmt(py(y))}" y2="${fmt(py(y))}" stroke="#d3d9e0" stroke-width="1"/>`);
    out.push(`<text x="${pad.left - 6}" y="${fmt(py(y) + 4)}" text-anchor="end" font-size="11" fill="#5f6b78">${escapeXml(yTick(y))}</text>`);
  }
  const ticks = xMin === xMax ? [xMin] : [xMin, xMin + span / 2, xMax];
  ticks.forEach((x, i) => {
    const anchor = ticks.length === 1 ? 'middle' : ['start', 'middle', 'end'][i];
    out.push(`<text x="${fmt(px(x))}" y="${pad.top + plotH + 18}" text-anchor="${anchor}" font-size="11" fill="#5f6b78">${escapeXml(o.xTick(x))}</text>`);
  });
  o.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const dash = DASHES[i % DASHES.length]!;
    const points = [...s.points].sort((a, b) => a.x - b.x);
    if (points.length > 1) {
      const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${fmt(px(p.x))} ${fmt(py(p.y))}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    }
    // markers (each with its value as a tooltip) while they stay apart; a dense line is read from the table
    if (points.length <= MAX_MARKERS) for (const p of points) out.push(marker(i, px(p.x), py(p.y), colour, `${s.label}: ${o.xTick(p.x)}, ${yTick(Math.round(p.y))}`));
    const lx = pad.left;
    const ly = pad.top + plotH + 36 + i * 18;
    out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    out.push(marker(i, lx + 11, ly - 4, colour, null));
    out.push(`<text x="${lx + 28}" y="${ly}" font-size="11" fill="#1d2733">${escapeXml(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/** A marker whose shape also tells the series apart: circle, square, triangle, diamond. */
function marker(i: number, x: number, y: number, colour: string, title: string | null): string {
  const t = title ? `<title>${escapeXml(title)}</title>` : '';
  const [cx, cy] = [fmt(x), fmt(y)];
  switch (i % 4) {
    case 1: return `<rect x="${fmt(x - 3.5)}" y="${fmt(y - 3.5)}" width="7" height="7" fill="${colour}">${t}</rect>`;
    case 2: return `<path d="M${cx} ${fmt(y - 4.5)} L${fmt(x + 4.5)} ${fmt(y + 3.5)} L${fmt(x - 4.5)} ${fmt(y + 3.5)} Z" fill="${colour}">${t}</path>`;
    case 3: return `<path d="M${cx} ${fmt(y - 5)} L${fmt(x + 5)} ${cy} L${cx} ${fmt(y + 5)} L${fmt(x - 5)} ${cy} Z" fill="${colour}">${t}</path>`;
    default: return `<circle cx="${cx}" cy="${cy}" r="4" fill="${colour}">${t}</circle>`;
  }
}
