// The overview: overall score and progress, how the score is calculated, and every section as a link.
import type { AuditScore, SectionScore } from '../../lib/audit/scoring.ts';
import { fmt, type Labels } from './labels.ts';

type Props = { sections: SectionScore[]; overall: AuditScore; labels: Labels };

export function SectionList({ sections, overall, labels }: Props) {
  const percent = (score: number | null) => (score === null ? labels['audit.island.noScore'] : `${score}%`);
  return (
    <>
      <div className="card score-card" data-testid="overall-score">
        <div>
          <div className="muted small">{labels['audit.island.overall']}</div>
          <div className="score-big">{percent(overall.score)}</div>
        </div>
        <div className="score-side">
          <span className={`badge verdict-${overall.verdict}`}>{labels[`audit.verdict.${overall.verdict}`]}</span>
          {overall.criticalFails.length > 0 && <div className="small bad-text">{fmt(labels, 'audit.verdict.criticalFailed', { count: overall.criticalFails.length })}</div>}
          <progress max={overall.total} value={overall.answered} />
          <div className="small muted">{fmt(labels, 'audit.island.answeredOf', { answered: overall.answered, total: overall.total })}</div>
        </div>
      </div>
      <h2>{labels['audit.island.sections']}</h2>
      <ol className="section-list">
        {sections.map((s, i) => (
          <li key={s.id}>
            <a href={`#section-${s.id}`} className={`section-link ${s.answered === s.total ? 'complete' : ''}`} data-testid={`section-${s.id}`}>
              <span className="section-name">{i + 1}. {s.title}</span>
              <span className="section-meta">
                <span>{s.answered}/{s.total}</span>
                <strong>{percent(s.score)}</strong>
              </span>
              <progress max={s.total} value={s.answered} />
            </a>
          </li>
        ))}
        <li>
          <a href="#sign" className="section-link sign-link" data-testid="go-sign">
            <span className="section-name">{labels['audit.island.signSection']} ›</span>
          </a>
        </li>
      </ol>
      <div className="formula small" data-testid="score-formula">
        <strong>{labels['audit.formula.title']}</strong>
        <p>{labels['audit.formula.body']}</p>
        <p>{labels['audit.formula.verdict']}</p>
      </div>
    </>
  );
}
