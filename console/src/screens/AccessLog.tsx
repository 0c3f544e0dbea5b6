import { useQuery } from '../api';
import { useConfig } from '../config';
import { formatInstant } from '../dates';
import { graphql } from '../gql';
import { label, messages as m } from '../messages';
import { Errors, Loading, PageTitle } from '../ui';

const AccessLogQuery = graphql(`
  query ConsoleAccessLog($id: ID!) {
    person(id: $id) {
      id
      firstName
      lastName
      patronymic
      family {
        id
      }
      accessLog(first: 100) {
        totalCount
        edges {
          node {
            id
            accessedAt
            action
            agency
            operation
            role
            organization {
              name
              shortName
            }
          }
        }
      }
    }
  }
`);

/** Screen 7: who read the person's data, in which agency, when (as Estonia's Data Tracker shows a citizen). */
export default function AccessLog({ personId }: { personId: string }) {
  const { timeZone } = useConfig();
  const { data, errors, loading } = useQuery(AccessLogQuery, { id: personId });
  if (loading && !data) return <Loading />;
  const person = data?.person;
  const name = person ? [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' ') : '';
  const entries = person?.accessLog?.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <PageTitle>{m.accessLog.title(name)}</PageTitle>
      <Errors errors={errors} />
      {person?.accessLog && <p>{m.accessLog.total(person.accessLog.totalCount)}</p>}
      {entries.length === 0 ? (
        <p>{m.accessLog.empty}</p>
      ) : (
        <table>
          <caption>{m.accessLog.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.accessLog.at}</th>
              <th scope="col">{m.accessLog.agency}</th>
              <th scope="col">{m.accessLog.organization}</th>
              <th scope="col">{m.accessLog.role}</th>
              <th scope="col">{m.accessLog.action}</th>
              <th scope="col">{m.accessLog.operation}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className={e.action === 'DENIED' ? 'denied' : undefined}>
                <td>{formatInstant(e.accessedAt, timeZone)}</td>
                <td>{label(m.agencies, e.agency)}</td>
                <td>{e.organization?.shortName ?? e.organization?.name ?? ''}</td>
                <td>{label(m.roles, e.role)}</td>
                <td>{label(m.accessLog.actions, e.action)}</td>
                <td>
                  <code>{e.operation}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
