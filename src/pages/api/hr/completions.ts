import type { APIRoute } from 'astro';
import { handle } from '../../../lib/http.ts';
import { exportResponse } from './_export.ts';

// GET /api/hr/completions: one row per active person and assigned course, as a streamed JSON array.
export const GET: APIRoute = handle((ctx) => exportResponse(ctx.url, ctx.locals.user!, 'json'));
