import type { APIRoute } from 'astro';
import { z } from 'zod';
import { renderMarkdownPreview } from '../../../lib/content/render-markdown.ts';
import { handle, json, readJson } from '../../../lib/http.ts';

const body = z.strictObject({ markdown: z.string().max(1_000_000) });

// POST /api/authoring/preview {markdown}: the lesson HTML exactly as the lesson page renders it (same renderer).
export const POST: APIRoute = handle(async (ctx) => {
  const { markdown } = await readJson(ctx.request, body, 2 * 1024 * 1024);
  return json({ html: renderMarkdownPreview(markdown) });
});
