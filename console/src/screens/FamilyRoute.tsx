import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { request, useQuery } from '../api';
import { formatDate } from '../dates';
import { graphql } from '../gql';
import { label, messages as m } from '../messages';
import { Link } from '../router';
import { Confirm, Errors, Loading, PageTitle } from '../ui';

// The graph's code (Cytoscape) starts loading with this screen, while the route is asked for, not after it came.
const graphModule = import('./RouteGraph');
const RouteGraph = lazy(() => graphModule);

export const FamilyRouteQuery = graphql(`
  query ConsoleFamilyRoute($id: ID!) {
    family(id: $id) {
      id
      displayName
      members {
        relation
        isLegalRepresentative
        person {
          id
          firstName
          lastName
          patronymic
          bornOn
          agencyAccess {
            consentedAgencies
          }
          consents(first: 100) {
            edges {
              node {
                id
                agencies
                givenOn
                revokedOn
                expiresOn
                signedByPersonId
              }
            }
          }
        }
      }
      route {
        agencies
        steps {
          id
          agency
          kind
          title
          status
          dueOn
          personId
          responsible
          period {
            startsOn
            endsOn
          }
        }
        alerts {
          agency
          code
          message
          severity
          personId
          stepId
        }
        gaps {
          agency
          code
          message
          personId
        }
        graph {
          nodes {
            id
            kind
            label
            agency
            status
            organization {
              shortName
              name
            }
          }
          edges {
            from
            to
            kind
          }
        }
      }
    }
  }
`);

const GiveConsent = graphql(`
  mutation ConsoleGiveConsent($input: GiveConsentInput!) {
    giveConsent(input: $input) {
      consent {
        id
      }
      userErrors {
        code
        message
      }
    }
  }
`);

const RevokeConsent = graphql(`
  mutation ConsoleRevokeConsent($input: RevokeConsentInput!) {
    revokeConsent(input: $input) {
      consent {
        id
      }
      userErrors {
        code
        message
      }
    }
  }
`);

/** The agencies of the hub, in the order the regulations name them: one lane each, one consent row each. */
const AGENCIES = ['SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND'];

type Family = NonNullable<NonNullable<ReturnType<typeof useRouteData>['data']>['family']>;
type Member = NonNullable<Family['members']>[number];

function useRouteData(id: string) {
  return useQuery(FamilyRouteQuery, { id });
}

function personName(p: { lastName?: string | null; firstName?: string | null; patronymic?: string | null } | null | undefined) {
  return p ? [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' ') : '';
}

/** Screens 3 and 4: the family's route across agencies (members, alerts, gaps, timeline, graph) and its consents. */
export default function FamilyRoute({ familyId }: { familyId: string }) {
  const { data, errors, loading, reload } = useRouteData(familyId);
  const [selected, setSelected] = useState<string | null>(null);
  const family = data?.family;
  const names = new Map((family?.members ?? []).map((mb) => [mb.person?.id ?? '', personName(mb.person)]));
  const select = useCallback((id: string | null) => setSelected(id), []);
  useEffect(() => {
    if (selected) document.getElementById(`step-${selected}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  if (loading && !data) return <Loading />;
  if (!family)
    return (
      <section>
        <Errors errors={errors} />
        <p>{m.route.notFound}</p>
      </section>
    );
  const route = family.route;
  const lanes = [...new Set([...AGENCIES, ...(route?.agencies ?? [])])];
  return (
    <section className="route">
      <p>
        <Link href="/app/worklist">← {m.route.back}</Link>
      </p>
      <PageTitle>{m.route.title(family.displayName ?? '')}</PageTitle>
      <Errors errors={errors.filter((e) => !['CONSENT_REQUIRED', 'FORBIDDEN'].includes(e.extensions?.code ?? ''))} />
      <div className="columns">
        <section aria-labelledby="members-h">
          <h2 id="members-h">{m.route.members}</h2>
          <ul className="members">
            {(family.members ?? []).map((mb) => (
              <li key={mb.person?.id}>
                <strong>{personName(mb.person)}</strong> — {label(m.relations, mb.relation)}
                {mb.isLegalRepresentative && `, ${m.route.legalRepresentative}`}
                {mb.person?.bornOn && `, ${m.route.born} ${formatDate(mb.person.bornOn)}`}
                {mb.person && (
                  <>
                    {' '}
                    <Link href={`/app/people/${encodeURIComponent(mb.person.id)}/access-log`}>
                      {m.route.accessLog}
                      <span className="visually-hidden">: {personName(mb.person)}</span>
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="alerts-h">
          <h2 id="alerts-h">{m.route.alerts}</h2>
          {route?.alerts.length ? (
            <ul className="alerts">
              {route.alerts.map((a, i) => (
                <li key={i} className={`alert severity-${a.severity}`}>
                  <span className="badge">{label(m.severities, a.severity)}</span> {label(m.agencies, a.agency)}
                  {a.personId && names.get(a.personId) ? `, ${names.get(a.personId)}` : ''}: {a.message}
                  {a.stepId && (
                    <button type="button" className="link" onClick={() => select(a.stepId!)}>
                      {m.route.selectStep}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{m.route.noAlerts}</p>
          )}
          <h2 id="gaps-h">{m.route.gaps}</h2>
          {route?.gaps.length ? (
            <ul className="gaps" aria-labelledby="gaps-h">
              {route.gaps.map((g, i) => (
                <li key={i} data-testid="gap" data-agency={g.agency} data-code={g.code}>
                  {m.route.gap(label(m.agencies, g.agency), names.get(g.personId) ?? '', label(m.gapCodes, g.code))}
                  <div className="muted">{g.message}</div>
                </li>
              ))}
            </ul>
          ) : (
            <p>{m.route.noGaps}</p>
          )}
        </section>
      </div>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{m.route.timeline}</h2>
        <div className="timeline">
          {lanes.map((agency) => {
            const steps = (route?.steps ?? []).filter((s) => s.agency === agency);
            return (
              <section key={agency} className="lane" aria-labelledby={`lane-${agency}`} data-testid="lane" data-agency={agency}>
                <h3 id={`lane-${agency}`}>
                  {label(m.agencies, agency)} <span className="muted">({steps.length})</span>
                </h3>
                {steps.length === 0 ? (
                  <p className="muted">{m.route.noSteps}</p>
                ) : (
                  <ol>
                    {steps.map((s) => (
                      <li
                        key={s.id}
                        id={`step-${s.id}`}
                        className={`step status-${s.status}${selected === s.id ? ' selected' : ''}`}
                        data-testid="step"
                        data-status={s.status}
                        aria-current={selected === s.id ? 'true' : undefined}
                      >
                        <button type="button" className="step-button" onClick={() => select(s.id)} aria-pressed={selected === s.id}>
                          {s.title}
                        </button>
                        <div className="step-meta">
                          <span className="status">{label(m.statuses, s.status)}</span>
                          {names.get(s.personId) && <span> · {names.get(s.personId)}</span>}
                          {(s.period.startsOn || s.period.endsOn) && (
                            <span>
                              {' '}
                              · {m.route.period} {formatDate(s.period.startsOn)}
                              {s.period.endsOn ? `–${formatDate(s.period.endsOn)}` : ''}
                            </span>
                          )}
                          {s.dueOn && (
                            <span>
                              {' '}
                              · {m.route.due} {formatDate(s.dueOn)}
                            </span>
                          )}
                          {s.status === 'OVERDUE' && <strong className="overdue-mark"> · {m.route.overdueMark}</strong>}
                        </div>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            );
          })}
        </div>
      </section>
      <section aria-labelledby="graph-h">
        <h2 id="graph-h">{m.route.graph}</h2>
        <p className="muted" id="graph-help">
          {m.route.graphHelp}
        </p>
        {route && (
          <Suspense fallback={<Loading />}>
            <RouteGraph graph={route.graph} selected={selected} onSelect={select} />
          </Suspense>
        )}
      </section>
      <Consents members={family.members ?? []} onChanged={reload} />
    </section>
  );
}

function Consents({ members, onChanged }: { members: Member[]; onChanged: () => Promise<void> }) {
  const [pending, setPending] = useState<{ member: Member; agency: string; give: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const confirm = async () => {
    if (!pending?.member.person) return;
    setBusy(true);
    const person = pending.member.person;
    const active = (person.consents?.edges ?? []).map((e) => e.node).filter((c) => !c.revokedOn);
    try {
      const problems: string[] = [];
      if (pending.give) {
        const agencies = [...new Set([...person.agencyAccess.consentedAgencies, pending.agency])];
        const r = await request(GiveConsent, {
          input: { personId: person.id, agencies, idempotencyKey: crypto.randomUUID(), signedByPersonId: active[0]?.signedByPersonId },
        });
        problems.push(...(r.data?.giveConsent.userErrors.map((e) => e.message) ?? r.errors.map((e) => e.message)));
      } else {
        // A consent names several agencies and is revoked whole; the others stay covered by a new consent signed the same way.
        const covering = active.filter((c) => c.agencies.includes(pending.agency));
        for (const c of covering) {
          const r = await request(RevokeConsent, { input: { consentId: c.id } });
          problems.push(...(r.data?.revokeConsent.userErrors.map((e) => e.message) ?? r.errors.map((e) => e.message)));
        }
        const rest = [...new Set(covering.flatMap((c) => c.agencies))].filter((a) => a !== pending.agency);
        if (rest.length && !problems.length) {
          const r = await request(GiveConsent, {
            input: {
              personId: person.id,
              agencies: rest,
              idempotencyKey: crypto.randomUUID(),
              signedByPersonId: covering[0]?.signedByPersonId,
            },
          });
          problems.push(...(r.data?.giveConsent.userErrors.map((e) => e.message) ?? r.errors.map((e) => e.message)));
        }
      }
      setStatus(problems.length ? `${m.consent.failed}: ${problems.join('; ')}` : m.consent.done);
      await onChanged();
    } finally {
      setBusy(false);
      setPending(null);
    }
  };
  return (
    <section aria-labelledby="consent-h" className="consents">
      <h2 id="consent-h">{m.consent.title}</h2>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {members
        .filter((mb) => mb.person)
        .map((mb) => {
          const person = mb.person!;
          const active = (person.consents?.edges ?? []).map((e) => e.node).filter((c) => !c.revokedOn);
          const name = personName(person);
          return (
            <table key={person.id} data-testid="consent-table">
              <caption>{name}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.consent.agency}</th>
                  <th scope="col">{m.consent.state}</th>
                  <th scope="col">{m.consent.action}</th>
                </tr>
              </thead>
              <tbody>
                {AGENCIES.filter((a) => a !== 'SOCIAL_PROTECTION').map((agency) => {
                  const covering = active.find((c) => c.agencies.includes(agency));
                  const agencyName = label(m.agencies, agency);
                  return (
                    <tr key={agency}>
                      <th scope="row">{agencyName}</th>
                      <td>{covering ? m.consent.given(formatDate(covering.givenOn)) : m.consent.none}</td>
                      <td>
                        <button
                          type="button"
                          data-testid={`consent-${agency}`}
                          aria-label={`${covering ? m.consent.revoke : m.consent.give}: ${agencyName}, ${name}`}
                          onClick={() => setPending({ member: mb, agency, give: !covering })}
                        >
                          {covering ? m.consent.revoke : m.consent.give}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          );
        })}
      <Confirm
        open={pending !== null}
        busy={busy}
        text={
          pending
            ? (pending.give ? m.consent.confirmGive : m.consent.confirmRevoke)(
                label(m.agencies, pending.agency),
                personName(pending.member.person),
              )
            : ''
        }
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
