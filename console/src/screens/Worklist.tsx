import { useMemo, useState } from 'react';
import { useQuery } from '../api';
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

/** Screen 2: the coordinator's open cases, overdue first (the hub orders them), filtered by stage and territory here. */
export default function Worklist() {
  const { data, errors, loading } = useQuery(WorklistQuery, {});
  const [stage, setStage] = useState('');
  const [territory, setTerritory] = useState('');
  const cases = useMemo(() => data?.worklist?.edges.map((e) => e.node) ?? [], [data]);
  const stages = [...new Set(cases.map((c) => c.stage))];
  const territories = new Map(cases.map((c) => [c.territoryOktmo ?? '', c.family?.territory?.name ?? c.territoryOktmo ?? '']));
  const shown = cases.filter((c) => (!stage || c.stage === stage) && (!territory || (c.territoryOktmo ?? '') === territory));
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
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} className={c.overdue ? 'overdue' : undefined} data-testid="case">
                <th scope="row">
                  {c.family ? <Link href={`/app/families/${encodeURIComponent(c.family.id)}`}>{c.family.displayName}</Link> : '—'}
                </th>
                <td>{c.person ? `${c.person.lastName ?? ''} ${c.person.firstName ?? ''}` : ''}</td>
                <td>{label(m.stages, c.stage)}</td>
                <td>
                  {c.dueOn ? formatDate(c.dueOn) : m.worklist.noTerm}
                  {c.overdue && <span className="badge overdue-badge">{m.worklist.overdue}</span>}
                </td>
                <td>
                  {c.stageDeadline?.source ?? c.deadlineSource ?? ''}
                  {c.stageDeadline?.description && <div className="muted">{c.stageDeadline.description}</div>}
                </td>
                <td>{c.family?.territory?.name ?? c.territoryOktmo}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
