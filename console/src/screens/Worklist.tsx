import { useEffect, useMemo, useState } from 'react';
import { request, useQuery } from '../api';
import { formatDate } from '../dates';
import { graphql } from '../gql';
import { label, messages as m } from '../messages';
import { Link } from '../router';
import { Errors, Loading, PageTitle } from '../ui';

const WorklistQuery = graphql(`
  query ConsoleWorklist {
    worklist(first: 100) {
      totalCount
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
          }
        }
      }
    }
  }
`);

const FamilyOverdueQuery = graphql(`
  query ConsoleFamilyOverdue($id: ID!) {
    family(id: $id) {
      id
      route {
        steps {
          id
          status
        }
      }
    }
  }
`);

/**
 * How many steps of each family's route are past their term. A case's own term covers only its stage; what makes a
 * family late is as often another agency's step (an unanswered referral, seed 003 §27), which only the route shows.
 */
function useOverdueSteps(familyIds: string[]): Map<string, number> {
  const [counts, setCounts] = useState(new Map<string, number>());
  const key = familyIds.join(',');
  useEffect(() => {
    let live = true;
    void Promise.all(
      key
        .split(',')
        .filter(Boolean)
        .map(async (id) => {
          const r = await request(FamilyOverdueQuery, { id });
          return [id, r.data?.family?.route?.steps.filter((s) => s.status === 'OVERDUE').length ?? 0] as const;
        }),
    ).then((entries) => live && setCounts(new Map(entries)));
    return () => {
      live = false;
    };
  }, [key]);
  return counts;
}

/** Screen 2: the coordinator's open cases, overdue first (the hub orders them), filtered by stage and territory here. */
export default function Worklist() {
  const { data, errors, loading } = useQuery(WorklistQuery, {});
  const [stage, setStage] = useState('');
  const [territory, setTerritory] = useState('');
  const cases = useMemo(() => data?.worklist?.edges.map((e) => e.node) ?? [], [data]);
  const stages = [...new Set(cases.map((c) => c.stage))];
  const territories = new Map(cases.map((c) => [c.territoryOktmo ?? '', c.family?.territory?.name ?? c.territoryOktmo ?? '']));
  const overdueSteps = useOverdueSteps([...new Set(cases.flatMap((c) => (c.family ? [c.family.id] : [])))]);
  const lateSteps = (c: (typeof cases)[number]) => (c.family ? (overdueSteps.get(c.family.id) ?? 0) : 0);
  const isLate = (c: (typeof cases)[number]) => c.overdue || lateSteps(c) > 0;
  // The hub orders by the case's term, overdue cases first; a family late on a route step joins them (a stable sort).
  const shown = cases
    .filter((c) => (!stage || c.stage === stage) && (!territory || (c.territoryOktmo ?? '') === territory))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(isLate(b.c)) - Number(isLate(a.c)) || a.i - b.i)
    .map(({ c }) => c);
  return (
    <section>
      <PageTitle>{m.worklist.title}</PageTitle>
      <Errors errors={errors} />
      <div className="filters">
        <label>
          {m.worklist.filterStage}
          <select value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{m.worklist.all}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {label(m.stages, s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.worklist.filterTerritory}
          <select value={territory} onChange={(e) => setTerritory(e.target.value)}>
            <option value="">{m.worklist.all}</option>
            {[...territories].map(([oktmo, name]) => (
              <option key={oktmo} value={oktmo}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <span role="status">{m.worklist.count(shown.length)}</span>
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
    </section>
  );
}
