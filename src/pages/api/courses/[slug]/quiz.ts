import type { APIRoute } from 'astro';
import { handle, json } from '../../../../lib/http.ts';
import { runtime } from '../../../../lib/runtime.ts';
import { getQuiz } from '../../../../lib/training/get-quiz.ts';
import { requestLocale } from '../../_request-locale.ts';
import { routeParams } from '../../_route-params.ts';

// The quiz without answers or explanations: getQuiz copies only public fields.
export const GET: APIRoute = handle(async (ctx) => {
  const params = routeParams(ctx.params);
  const { db } = await runtime();
  const quiz = await getQuiz({ db, userId: ctx.locals.user!.id, courseSlug: params.slug!, locale: requestLocale(ctx.url, ctx.locals.locale) });
  return json(quiz);
});
