import PDFDocument from 'pdfkit';
import { t, type Locale } from '../../i18n/index.ts';
import type { LogHead } from '../log/current-log-head.ts';
import { PDF_LOG_HEAD_KEY, pdfLogHeadValue } from '../log/pdf-log-head.ts';
import { cjkFont } from './fonts.ts';
import { addSignaturePlaceholder, type AddSignaturePlaceholderOptions } from './sign-pdf.ts';

// The one layout toolkit for audit reports and certificates. Every string is drawn with
// doc.text(), which never interprets markup, so names and notes appear exactly as typed.

export type PdfDocument = PDFKit.PDFDocument;
export type Tone = 'good' | 'warning' | 'bad' | 'neutral' | 'accent';

export const palette = {
  ink: '#1d2733',
  muted: '#5f6b78',
  rule: '#d3d9e0',
  faint: '#f5f7f9',
  accent: '#1f3a5f',
  accentSoft: '#e9eef4',
  gold: '#a8843a',
};

const tones: Record<Tone, { fg: string; bg: string }> = {
  good: { fg: '#17663a', bg: '#ddf3e4' },
  warning: { fg: '#8a5300', bg: '#fcefd2' },
  bad: { fg: '#a61b1b', bg: '#fbe0e0' },
  neutral: { fg: '#4b5563', bg: '#e7eaee' },
  accent: { fg: palette.accent, bg: palette.accentSoft },
};

const FONT = 'NotoSansSC';

export type CreatePdfDocumentOptions = {
  locale: Locale;
  title: string;
  author: string;
  subject?: string;
  /** Becomes CreationDate and ModDate, and seeds the file ID: same input, same bytes. */
  createdAt: Date;
  layout?: 'portrait' | 'landscape';
  margins?: { top: number; bottom: number; left: number; right: number };
};

/** Creates a buffered A4 document set in Noto Sans SC, deterministic for a given `createdAt`. */
export function createPdfDocument(options: CreatePdfDocumentOptions): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margins: options.margins ?? { top: 64, bottom: 66, left: 54, right: 54 },
    bufferPages: true,
    autoFirstPage: false,
    // PDF 1.3 (pdfkit's default) writes no XMP; pdfkit's XMP would embed the title unescaped.
    font: null as unknown as string, // skip loading Helvetica, which we never use
    lang: options.locale === 'zh-cn' ? 'zh-CN' : 'en',
    displayTitle: true,
    info: {
      Title: options.title,
      Author: options.author,
      Subject: options.subject ?? options.title,
      Creator: 'Compliance LMS',
      Producer: 'Compliance LMS (PDFKit)',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  doc.registerFont(FONT, cjkFont() as unknown as string); // pdfkit accepts a parsed fontkit font
  doc.font(FONT);
  doc.addPage();
  doc.fillColor(palette.ink);
  return doc;
}

/** Width between the left and right margins of the current page. */
export function contentWidth(doc: PdfDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomOf(doc: PdfDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: PdfDocument, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
  doc.x = doc.page.margins.left;
}

/** Replaces control characters (other than line breaks and tabs) that would otherwise draw as boxes. */
export function plain(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ');
}

export type StrongTextOptions = PDFKit.Mixins.TextOptions & { colour: string };

/** Draws text with a hairline outline in its own colour: a faux bold, since only the regular CJK weight is embedded. */
export function strongText(doc: PdfDocument, text: string, x: number, y: number, options: StrongTextOptions): void {
  const { colour, ...textOptions } = options;
  doc.save();
  doc.lineWidth(Math.max(0.2, doc.currentLineHeight() * 0.022)).strokeColor(colour).fillColor(colour);
  doc.text(plain(text), x, y, { ...textOptions, fill: true, stroke: true });
  doc.restore();
  doc.fillColor(colour);
}

export type HeadingOptions = { level?: 1 | 2 | 3 };

/** A section heading; level 2 gets a rule beneath it. Keeps the heading with at least a few lines of what follows. */
export function heading(doc: PdfDocument, text: string, options: HeadingOptions = {}): void {
  const level = options.level ?? 2;
  const size = level === 1 ? 20 : level === 2 ? 13.5 : 11;
  ensureSpace(doc, size * 2 + 110); // room for the heading and the start of what follows (a table header and a row)
  if (level === 2 && doc.y > doc.page.margins.top + 1) doc.y += 10;
  const x = doc.page.margins.left;
  doc.font(FONT).fontSize(size);
  strongText(doc, text, x, doc.y, { width: contentWidth(doc), colour: level === 3 ? palette.ink : palette.accent });
  if (level === 2) {
    doc.y += 3;
    doc.moveTo(x, doc.y).lineTo(x + contentWidth(doc), doc.y).lineWidth(0.8).strokeColor(palette.accent).stroke();
  }
  doc.y += level === 1 ? 6 : 7;
  doc.x = x;
}

export type ParagraphOptions = { size?: number; colour?: string; align?: 'left' | 'center' | 'right' | 'justify'; after?: number };

/** A block of running text that flows onto following pages as needed. */
export function paragraph(doc: PdfDocument, text: string, options: ParagraphOptions = {}): void {
  doc.font(FONT).fontSize(options.size ?? 9.5).fillColor(options.colour ?? palette.ink);
  doc.text(plain(text), doc.page.margins.left, doc.y, { width: contentWidth(doc), align: options.align ?? 'left', lineGap: 2 });
  doc.y += options.after ?? 6;
}

export type KeyValueRowsOptions = { labelWidth?: number; size?: number; x?: number; width?: number };

/** Label–value pairs in two columns, labels muted; a row never splits across pages. */
export function keyValueRows(doc: PdfDocument, rows: Array<[string, string]>, options: KeyValueRowsOptions = {}): void {
  const size = options.size ?? 9.5;
  const x = options.x ?? doc.page.margins.left;
  const width = options.width ?? contentWidth(doc);
  const labelWidth = options.labelWidth ?? Math.min(150, width * 0.32);
  doc.font(FONT).fontSize(size);
  for (const [label, value] of rows) {
    const valueOptions = { width: width - labelWidth, lineGap: 1.5 };
    const height = Math.max(doc.heightOfString(plain(label), { width: labelWidth - 8 }), doc.heightOfString(plain(value), valueOptions));
    ensureSpace(doc, height + 4);
    const y = doc.y;
    doc.fillColor(palette.muted).text(plain(label), x, y, { width: labelWidth - 8, height: height + 1 });
    doc.fillColor(palette.ink).text(plain(value), x + labelWidth, y, { ...valueOptions, height: height + 1 });
    doc.y = y + height + 4;
  }
  doc.x = doc.page.margins.left;
}

export type BadgeOptions = { x: number; y: number; size?: number };

/** A small rounded label in the tone's colours (pass/fail, severity); returns its width. */
export function badge(doc: PdfDocument, text: string, tone: Tone, options: BadgeOptions): number {
  const size = options.size ?? 7.5;
  doc.font(FONT).fontSize(size);
  const width = doc.widthOfString(plain(text)) + size * 1.3;
  const height = size * 1.75;
  doc.roundedRect(options.x, options.y, width, height, height / 2).fill(tones[tone].bg);
  doc.fillColor(tones[tone].fg).text(plain(text), options.x, options.y + size * 0.2, { width, align: 'center', lineBreak: false });
  return width;
}

/** The foreground colour of a tone, for text and rules. */
export function toneColour(tone: Tone): string {
  return tones[tone].fg;
}

/** The tone of a checklist result. */
export function resultTone(result: string): Tone {
  return result === 'pass' ? 'good' : result === 'partial' ? 'warning' : result === 'fail' ? 'bad' : 'neutral';
}

/** The tone of a finding's severity. */
export function severityTone(severity: string): Tone {
  return severity === 'critical' || severity === 'high' ? 'bad' : severity === 'medium' ? 'warning' : 'neutral';
}

export type TableColumn = { header: string; width: number; align?: 'left' | 'center' | 'right' };
export type TableCell = string | { text: string; badge: Tone };
export type TableRow = TableCell[] | { group: string };
export type TableOptions = { columns: TableColumn[]; rows: TableRow[]; size?: number };

const PAD_X = 5;
const PAD_Y = 4;

/**
 * A table with a header row repeated on every page it spans. Column widths are relative weights.
 * A row moves to the next page whole unless it is taller than a page, in which case its text is split.
 */
export function table(doc: PdfDocument, options: TableOptions): void {
  const size = options.size ?? 8.5;
  const left = doc.page.margins.left;
  const total = options.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = options.columns.map((column) => (column.width / total) * contentWidth(doc));
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const textOptions = (i: number) => ({ width: widths[i]! - 2 * PAD_X, align: options.columns[i]!.align ?? 'left', lineGap: 1.5 });
  const badgeHeight = size * 1.75;
  doc.font(FONT).fontSize(size);
  const cellHeight = (cell: TableCell, i: number) =>
    typeof cell === 'string' ? (cell ? doc.heightOfString(cell, textOptions(i)) : 0) : badgeHeight;
  const rowHeight = (cells: TableCell[]) => Math.max(size, ...cells.map(cellHeight)) + 2 * PAD_Y;
  const headerHeight = rowHeight(options.columns.map((column) => column.header));
  const freshRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - headerHeight;
  let stripe = false;

  const drawHeader = () => {
    const y = doc.y;
    doc.rect(left, y, contentWidth(doc), headerHeight).fill(palette.accent);
    doc.fillColor('#ffffff');
    options.columns.forEach((column, i) => {
      doc.text(plain(column.header), xs[i]! + PAD_X, y + PAD_Y, { ...textOptions(i), height: headerHeight });
    });
    doc.y = y + headerHeight;
  };
  const newPage = () => {
    doc.addPage();
    doc.font(FONT).fontSize(size);
    drawHeader();
  };
  const drawRow = (cells: TableCell[], height: number) => {
    const y = doc.y;
    if (stripe) doc.rect(left, y, contentWidth(doc), height).fill(palette.faint);
    cells.forEach((cell, i) => {
      if (typeof cell === 'string') {
        doc.fillColor(palette.ink).text(cell, xs[i]! + PAD_X, y + PAD_Y, { ...textOptions(i), height: height });
      } else {
        badge(doc, cell.text, cell.badge, { x: xs[i]! + PAD_X, y: y + PAD_Y - 0.5, size: size * 0.9 });
        doc.fontSize(size);
      }
    });
    doc.moveTo(left, y + height).lineTo(left + contentWidth(doc), y + height).lineWidth(0.4).strokeColor(palette.rule).stroke();
    doc.y = y + height;
  };

  const clean = (row: TableCell[]): TableCell[] => row.map((cell) => (typeof cell === 'string' ? plain(cell) : { ...cell, text: plain(cell.text) }));
  // Room a row needs to start a page or follow a group heading without being orphaned.
  const keepHeight = (row: TableRow | undefined) => (Array.isArray(row) ? Math.min(rowHeight(clean(row)), freshRoom / 3) : 0);

  ensureSpace(doc, headerHeight + keepHeight(options.rows.find(Array.isArray)) + size * 3);
  drawHeader();
  options.rows.forEach((row, index) => {
    if (!Array.isArray(row)) {
      const height = doc.heightOfString(plain(row.group), { width: contentWidth(doc) - 2 * PAD_X }) + 2 * PAD_Y + 2;
      if (doc.y + height + keepHeight(options.rows[index + 1]) > bottomOf(doc)) newPage();
      const y = doc.y;
      doc.rect(left, y, contentWidth(doc), height).fill(palette.accentSoft);
      doc.fillColor(palette.accent).text(plain(row.group), left + PAD_X, y + PAD_Y + 1, { width: contentWidth(doc) - 2 * PAD_X, height });
      doc.y = y + height;
      stripe = false;
      return;
    }
    let cells = clean(row);
    for (;;) {
      const height = rowHeight(cells);
      const room = bottomOf(doc) - doc.y;
      if (height <= room) {
        drawRow(cells, height);
        break;
      }
      if (height <= freshRoom || room < size * 5) {
        newPage();
        if (height <= freshRoom) continue;
      }
      // Taller than a whole page: fill this page with the start of each cell and carry the rest over.
      const available = bottomOf(doc) - doc.y - 2 * PAD_Y;
      const parts = cells.map((cell, i): [TableCell, TableCell] =>
        typeof cell === 'string' ? splitToFit(doc, cell, textOptions(i), available) : [cell, ''],
      );
      drawRow(parts.map((part) => part[0]), bottomOf(doc) - doc.y);
      newPage();
      cells = parts.map((part) => part[1]);
      if (cells.every((cell) => cell === '')) break;
    }
    stripe = !stripe;
  });
  doc.x = left;
  doc.y += 8;
}

/** Splits text where it stops fitting in `maxHeight`, preferring a nearby space or line break. */
function splitToFit(doc: PdfDocument, text: string, options: PDFKit.Mixins.TextOptions, maxHeight: number): [string, string] {
  if (doc.heightOfString(text, options) <= maxHeight) return [text, ''];
  let fits = 1;
  let tooLong = text.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (doc.heightOfString(text.slice(0, middle), options) <= maxHeight) fits = middle;
    else tooLong = middle;
  }
  const space = Math.max(text.lastIndexOf(' ', fits), text.lastIndexOf('\n', fits));
  const cut = space > fits - 40 && space > 0 ? space : fits;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}

export type PageFooter = { left: string; right: string };
export type FinishPagesOptions = {
  footer(pageIndex: number, pageCount: number): PageFooter;
  /** A running header for pages after the first. */
  header?(pageIndex: number, pageCount: number): string | null;
};

/** Writes the footer (and header) on every page, once the page count is known. */
export function finishPages(doc: PdfDocument, options: FinishPagesOptions): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const page = doc.page;
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0; // drawing inside the margin would otherwise make pdfkit add a page
    const left = page.margins.left;
    const width = contentWidth(doc);
    const y = page.height - bottomMargin + 24;
    doc.moveTo(left, y - 8).lineTo(left + width, y - 8).lineWidth(0.5).strokeColor(palette.rule).stroke();
    const footer = options.footer(i, count);
    doc.font(FONT).fontSize(7.5).fillColor(palette.muted);
    doc.text(plain(footer.left), left, y, { width: width * 0.68, height: 10, ellipsis: true, lineBreak: false });
    doc.text(plain(footer.right), left + width * 0.7, y, { width: width * 0.3, height: 10, align: 'right', lineBreak: false });
    const header = options.header?.(i, count);
    if (header) {
      const top = page.margins.top - 30;
      doc.text(plain(header), left, top, { width, height: 10, ellipsis: true, lineBreak: false });
      doc.moveTo(left, top + 14).lineTo(left + width, top + 14).lineWidth(0.5).strokeColor(palette.rule).stroke();
    }
    page.margins.bottom = bottomMargin;
  }
}

export type EndPdfDocumentOptions = {
  signature: AddSignaturePlaceholderOptions;
  /** The audit log's head at signing: printed at the foot of the last page and kept in the document information. */
  logHead?: { head: LogHead; locale: Locale };
};

/** Adds the log head (if given) and the signature placeholder, ends the document and returns its bytes, ready for `signPdf`. */
export function endPdfDocument(doc: PdfDocument, options: EndPdfDocumentOptions): Promise<Buffer> {
  if (options.logHead) writeLogHead(doc, options.logHead.head, options.logHead.locale);
  addSignaturePlaceholder(doc, options.signature);
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.end();
  return done;
}

/** A small line at the very bottom of the last page, below any footer, and the same head in the information dictionary. */
function writeLogHead(doc: PdfDocument, head: LogHead, locale: Locale): void {
  (doc.info as Record<string, unknown>)[PDF_LOG_HEAD_KEY] = pdfLogHeadValue(head);
  const { start, count } = doc.bufferedPageRange();
  doc.switchToPage(start + count - 1);
  const page = doc.page;
  const bottomMargin = page.margins.bottom;
  page.margins.bottom = 0; // drawing inside the margin would otherwise make pdfkit add a page
  doc.font(FONT).fontSize(5.5).fillColor(palette.muted);
  doc.text(t(locale, 'pdf.logHead', { seq: head.seq, hash: head.hash }), 30, page.height - 15, { width: page.width - 60, align: 'center', lineBreak: false });
  page.margins.bottom = bottomMargin;
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

// Building an Intl formatter costs far more than using one, and a report formats hundreds of values.
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = create()));
  return cached as T;
}

function intlLocale(locale: Locale): string {
  return locale === 'zh-cn' ? 'zh-CN' : 'en-GB';
}

/** A date as the locale writes it (12 March 2025, 2025年3月12日), in UTC so the output never depends on the server. */
export function formatDate(locale: Locale, date: Date): string {
  return formatter(`date:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}

/** A date and time in UTC, labelled as such. */
export function formatDateTime(locale: Locale, date: Date): string {
  const format = formatter(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' }),
  );
  return `${format.format(date)} UTC`;
}

/** A percentage with at most one decimal, or `fallback` when there is none. */
export function formatPercent(locale: Locale, value: number | null, fallback: string): string {
  if (value === null || !Number.isFinite(value)) return fallback;
  const format = formatter(`percent:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }));
  return `${format.format(value)}%`;
}

/** A file size in B, KB or MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
