// A lesson as its page will show it: the server renders the markdown with the lesson page's own
// renderer (POST /api/authoring/preview), a moment after typing stops.
import { useEffect, useState } from 'react';

const PREVIEW_DELAY_MS = 400;

export function LessonPreview({ title, markdown, testId }: { title: string; markdown: string; testId: string }) {
  const [html, setHtml] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch('/api/authoring/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ markdown }), signal: controller.signal })
        .then((r) => (r.ok ? r.json() : { html: '' }))
        .then((b: { html: string }) => setHtml(b.html))
        .catch(() => undefined);
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [markdown]);
  return (
    <article className="prose lesson" data-testid={testId}>
      <h1>{title}</h1>
      {/* the server's renderer escapes raw HTML and script URLs: the same markup the lesson page serves */}
      <div className="contents" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
