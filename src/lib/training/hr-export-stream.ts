// The completions export as a stream: pages of rows are read from the database only as the
// client takes them, so memory stays flat whether the firm has ten people or ten thousand.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { csvLine, UTF8_BOM } from '../reports/csv.ts';
import type { Db } from '../db/client.ts';
import { assertCan, type Actor } from '../auth/permissions.ts';
import type { HrFilters } from './hr-filters.ts';
import { exportColumns, exportRow, pageExportRows, pageExportTextRows, type ExportCursor, type ExportTextTuple, type PageExportRowsOptions } from './hr-export-rows.ts';

export type ExportFormat = 'csv' | 'json';
export type CompletionsStreamOptions = { db: Db; actor: Pick<Actor, 'role'>; filters: HrFilters; format: ExportFormat; now?: number; pageSize?: number };

type Page = { text: string; rows: number; last: ExportCursor };

// Times come as ISO 8601 UTC to the second: they sort as text and Excel shows them as they are.
function csvRow(r: ExportTextTuple): string {
  return csvLine([r[0], r[1], r[2] ?? '', r[3], r[4], r[5], r[6] ?? '', r[7] ?? '', r[8] ?? '']);
}

/** One page as CSV lines, or null after the last row. */
async function csvPage(page: PageExportRowsOptions): Promise<Page | null> {
  const rows = await pageExportTextRows(page);
  const last = rows.at(-1);
  return last ? { text: rows.map(csvRow).join(''), rows: rows.length, last: { email: last[0], course: last[3] } } : null;
}

/** One page as JSON array members (a comma before each but the very first), or null after the last row. */
async function jsonPage(page: PageExportRowsOptions, first: boolean): Promise<Page | null> {
  const rows = await pageExportRows(page);
  const last = rows.at(-1);
  const text = rows.map((r, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(exportRow(r))}`).join('');
  return last ? { text, rows: rows.length, last: { email: last[0], course: last[3] } } : null;
}

/** The export as bytes: CSV (UTF-8 with BOM, formula-guarded cells) or a JSON array, read page by page. */
export function completionsStream(o: CompletionsStreamOptions): ReadableStream<Uint8Array> {
  assertCan(o.actor, 'hr.export');
  const now = o.now ?? Date.now(); // one instant for the whole file, so every row is judged alike
  const limit = o.pageSize ?? 1000;
  const encoder = new TextEncoder();
  let cursor: ExportCursor | null = null;
  let started = false;
  let rowsSent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(o.format === 'csv' ? UTF8_BOM + csvLine(exportColumns) : '['));
          return;
        }
        // The embedded database answers synchronously, so without this the whole export would run as one
        // chain of microtasks: nothing reaches the socket and no other request is served until it ends.
        await nextTurn();
        const request = { db: o.db, filters: o.filters, now, after: cursor, limit };
        const page = o.format === 'csv' ? await csvPage(request) : await jsonPage(request, rowsSent === 0);
        if (!page) {
          if (o.format === 'json') controller.enqueue(encoder.encode(']\n'));
          controller.close();
          return;
        }
        cursor = page.last;
        rowsSent += page.rows;
        controller.enqueue(encoder.encode(page.text));
      },
    },
    { highWaterMark: 1 },
  );
}
