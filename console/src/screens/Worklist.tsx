import { useMemo, useState } from 'react';
import { useQuery } from '../api';
import { formatDate } from '../dates';
import { graphql } from '../gql';
import type { SupportStage } from '../gql/graphql';
import { label, messages as m } from '../messages';
import { Link } from '../router';
import { Errors, Loading, PageTitle } from '../ui';

/** Rows per page: the page and each family's route come in one request, which the gateway's cost limit bounds. */
const PAGE_SIZE = 20;

/**
 * One request for the page: the cases the hub filtered and ordered, and each family's route steps, because what makes
 * a family late is as often another agency's step (an unanswered referral, seed 003 §27) as the case's own term.
 */
const WorklistQuery = graphql(`
  query ConsoleWorklist($stage: [SupportStage!], $territoryOktmo: String, $first: Int!, $after: String) {
    worklist(stage: $stage, territoryOktmo: $territoryOktmo, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          stage
          dueOn
          deadlineSource
          overdue
          territoryOktmo
          stageDeadline {
            source
            description
          }
          person {
            id
            firstName
            lastName
          }
          family {
            id
            displayName
            territory {
              oktmo
              name
            }
            route {
              steps {
                id
                status
              }
            }
          }
        }
      }
    }
    territories {
      oktmo
      name
    }
  }
`);

/** The stages a case is open in: the worklist holds no other (seed 003 ch. 7). */
const OPEN_STAGES: SupportStage[] = ['IDENTIFIED', 'CONTACTED', 'NEEDS_ASSESSED', 'PROGRAMME_AGREED', 'IN_IMPLEMENTATION'];

/** Screen 2: the coordinator's open cases, overdue first; the hub filters by stage and territory and pages by cursor. */
export default function Worklist() {
  const [stage, setStage] = useState<SupportStage | ''>('');
  const [territory, setTerritory] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<(string | null)[]>([]);
  const { data, errors, loading } = useQuery(WorklistQuery, {
    stage: stage ? [stage] : null,
    territoryOktmo: territory || null,
    first: PAGE_SIZE,
    after,
  });
  const cases = useMemo(() => data?.worklist?.edges.map((e) => e.node) ?? [], [data]);
  const lateSteps = (c: (typeof cases)[number]) => c.family?.route?.steps.filter((s) => s.status === 'OVERDUE').length ?? 0;
  const isLate = (c: (typeof cases)[number]) => c.overdue || lateSteps(c) > 0;
  // The hub orders by the case's term, overdue cases first; a family late on a route step joins them (a stable sort).
  const shown = cases
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(isLate(b.c)) - Number(isLate(a.c)) || a.i - b.i)
    .map(({ c }) => c);
  const filter = (change: () => void) => {
    change();
    setAfter(null);
    setEarlier([]);
  };
  const pageInfo = data?.worklist?.pageInfo;
  return (
    <section>
      <PageTitle>{m.worklist.title}</PageTitle>
      <Errors errors={errors} />
      <div className="filters">
        <label>
          {m.worklist.filterStage}
          <select value={stage} onChange={(e) => filter(() => setStage(e.target.value as SupportStage | ''))}>
            <option value="">{m.worklist.all}</option>
            {OPEN_STAGES.map((s) => (
              <option key={s} value={s}>
                {label(m.stages, s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.worklist.filterTerritory}
          <select value={territory} onChange={(e) => filter(() => setTerritory(e.target.value))}>
            <option value="">{m.worklist.all}</option>
            {(data?.territories ?? []).map((t) => (
              <option key={t.oktmo} value={t.oktmo}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <span role="status">{m.worklist.count(data?.worklist?.totalCount ?? 0)}</span>
      </div>
      {loading && !data ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p>{m.worklist.empty}</p>
      ) : (
        <table className="worklist">
          <caption>{m.worklist.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.worklist.family}</th>
              <th scope="col">{m.worklist.person}</th>
              <th scope="col">{m.worklist.stage}</th>
              <th scope="col">{m.worklist.dueOn}</th>
              <th scope="col">{m.worklist.deadlineSource}</th>
              <th scope="col">{m.worklist.territory}</th>
              <th scope="col">{m.worklist.lateness}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} className={isLate(c) ? 'overdue' : undefined} data-testid="case">
                <th scope="row">
                  {c.family ? <Link href={`/app/families/${encodeURIComponent(c.family.id)}`}>{c.family.displayName}</Link> : '—'}
                </th>
                <td>{c.person ? `${c.person.lastName ?? ''} ${c.person.firstName ?? ''}` : ''}</td>
                <td>{label(m.stages, c.stage)}</td>
                <td>{c.dueOn ? formatDate(c.dueOn) : m.worklist.noTerm}</td>
                <td>
                  {c.stageDeadline?.source ?? c.deadlineSource ?? ''}
                  {c.stageDeadline?.description && <div className="muted">{c.stageDeadline.description}</div>}
                </td>
                <td>{c.family?.territory?.name ?? c.territoryOktmo}</td>
                <td>
                  {c.overdue && <span className="badge overdue-badge">{m.worklist.overdue}</span>}
                  {lateSteps(c) > 0 && <span className="badge overdue-badge">{m.worklist.overdueSteps(lateSteps(c))}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(earlier.length > 0 || pageInfo?.hasNextPage) && (
        <nav className="pager" aria-label={m.worklist.pages}>
          <button
            type="button"
            disabled={earlier.length === 0}
            onClick={() => {
              setAfter(earlier.at(-1) ?? null);
              setEarlier(earlier.slice(0, -1));
            }}
          >
            {m.worklist.previous}
          </button>
          <button
            type="button"
            disabled={!pageInfo?.hasNextPage}
            onClick={() => {
              setEarlier([...earlier, after]);
              setAfter(pageInfo?.endCursor ?? null);
            }}
          >
            {m.worklist.next}
          </button>
        </nav>
      )}
    </section>
  );
}
