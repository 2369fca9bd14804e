// The last step: what still blocks signing, then password, statement and optional drawn signature.
import { useState, type FormEvent } from 'react';
import type { Readiness } from '../../lib/audit/sign-readiness.ts';
import { fmt, type Labels } from './labels.ts';
import { SignaturePad } from './SignaturePad.tsx';

type Props = {
  auditId: string;
  readiness: Readiness;
  /** No connection: signing re-checks the password on the server, so it waits. */
  offline: boolean;
  unsaved: boolean;
  canSign: boolean;
  statement: string;
  labels: Labels;
  onGoToItem: (itemId: string) => void;
  onSigned: (pageUrl: string) => void;
};

const SHOWN_IDS = 12;

export function SignPanel(p: Props) {
  const { labels, readiness } = p;
  const [password, setPassword] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok?: boolean } | null>(null);
  const blocked = !readiness.ready || p.unsaved || !p.canSign || p.offline;

  async function sign(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/audits/${encodeURIComponent(p.auditId)}/sign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password, ...(signature ? { signature } : {}) }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string; pageUrl?: string };
      if (res.ok) {
        setMessage({ text: labels['audit.island.signedReloading']!, ok: true });
        return p.onSigned(body.pageUrl ?? window.location.pathname);
      }
      setMessage({ text: res.status === 401 ? labels['audit.island.wrongPassword']! : fmt(labels, 'audit.island.signFailed', { error: body.error ?? `HTTP ${res.status}` }) });
      if (res.status === 409) p.onSigned(window.location.pathname);
    } catch {
      setMessage({ text: labels['audit.offline.signNeedsConnection']! });
    } finally {
      setBusy(false);
    }
  }

  const idLinks = (ids: string[]) => (
    <span className="id-links">
      {ids.slice(0, SHOWN_IDS).map((id) => (
        <button key={id} type="button" className="link" onClick={() => p.onGoToItem(id)}>{id}</button>
      ))}
      {ids.length > SHOWN_IDS && <span className="muted"> …</span>}
    </span>
  );

  return (
    <section className="sign-panel card" aria-labelledby="sign-title" data-testid="sign-panel">
      <h2 id="sign-title">{labels['audit.island.signSection']}</h2>
      {readiness.ready ? (
        <p className="alert ok">{labels['audit.island.ready']}</p>
      ) : (
        <div className="alert info" data-testid="sign-blockers">
          <p><strong>{labels['audit.island.notReady']}</strong></p>
          {readiness.unanswered.length > 0 && <p>{fmt(labels, 'audit.island.unanswered', { count: readiness.unanswered.length })}: {idLinks(readiness.unanswered)}</p>}
          {readiness.missingNotes.length > 0 && <p>{fmt(labels, 'audit.island.missingNotes', { count: readiness.missingNotes.length })}: {idLinks(readiness.missingNotes)}</p>}
        </div>
      )}
      {p.offline && <p className="alert warn" data-testid="sign-offline">{labels['audit.offline.signNeedsConnection']}</p>}
      {p.unsaved && <p className="alert info">{labels['audit.island.waitForSave']}</p>}
      {!p.canSign && <p className="alert info">{labels['audit.island.notYourAudit']}</p>}
      <form onSubmit={sign}>
        <label htmlFor="sign-password">{labels['audit.island.password']}</label>
        <input id="sign-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} disabled={busy} />
        <label className="statement">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} disabled={busy} data-testid="sign-statement" />
          <span>
            <strong>{labels['audit.island.statementLabel']}</strong>
            <br />
            {p.statement}
          </span>
        </label>
        <p className="field-label">{labels['audit.island.signature']}</p>
        <SignaturePad label={labels['audit.island.signatureCanvas']!} clearLabel={labels['audit.island.clearSignature']!} disabled={busy} onChange={setSignature} />
        <p className="muted small">{labels['audit.island.lockWarning']}</p>
        {message && <p className={`alert ${message.ok ? 'ok' : 'error'}`} role="alert" data-testid="sign-message">{message.text}</p>}
        <button type="submit" className="sign-button" disabled={blocked || !agreed || !password || busy}>
          {busy ? labels['audit.island.signing'] : labels['audit.island.signButton']}
        </button>
      </form>
    </section>
  );
}
