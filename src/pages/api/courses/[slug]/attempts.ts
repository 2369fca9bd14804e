import type { APIRoute } from 'astro';
import { z } from 'zod';
import { handle, json, readJson } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { submitAttempt } from '../../../../lib/training/submit-attempt.ts';
import { requestLocale } from '../../_request-locale.ts';
import { routeParams } from '../../_route-params.ts';

// The answers' own shape is checked by the grading rules (400 naming the field); here only the envelope.
const body = z.object({ answers: z.unknown() });

export const POST: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const input = await readJson(ctx.request, body);
  const { db } = await runtime();
  const result = await submitAttempt({ db, userId: ctx.locals.user!.id, courseSlug: params.slug!, locale: requestLocale(ctx.url, ctx.locals.locale), answers: input.answers });
  return json(result, 201);
});
