import type { Actor } from '../../../lib/auth/permissions.ts';
import { runtime } from '../../../lib/runtime.ts';
import { completionsStream, type ExportFormat } from '../../../lib/training/hr-export-stream.ts';
import { parseHrFilters } from '../../../lib/training/hr-filters.ts';

/** The streamed completions export in either format, filtered by the query string (department, course, status). */
export async function exportResponse(url: URL, actor: Pick<Actor, 'role'>, format: ExportFormat): Promise<Response> {
  const filters = parseHrFilters(url.searchParams, { strict: true });
  const { db } = await runtime();
  const day = new Date().toISOString().slice(0, 10);
  const headers: Record<string, string> =
    format === 'csv'
      ? { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="completions-${day}.csv"` }
      : { 'content-type': 'application/json; charset=utf-8' };
  return new Response(completionsStream({ db, actor, filters, format }), { headers: { ...headers, 'cache-control': 'private, no-store' } });
}
