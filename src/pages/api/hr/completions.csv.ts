import type { APIRoute } from 'astro';
import { handle } from '../../../lib/http.ts';
import { exportResponse } from './_export.ts';

// GET /api/hr/completions.csv: the same rows as CSV for Excel (UTF-8 with BOM), streamed page by page.
export const GET: APIRoute = handle((ctx) => exportResponse(ctx.url, ctx.locals.user!, 'csv'));
