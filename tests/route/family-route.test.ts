import { today } from '../../subgraphs/kit/platform/clock';
import { addDays } from '../../subgraphs/kit/platform/dates';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const ROUTE = `query FamilyRoute($id: ID!) { family(id: $id) { displayName
  route { familyId agencies steps { id agency kind title status period { startsOn } dueOn personId } alerts { code severity agency personId }
    gaps { personId agency code } graph { nodes { id kind label } edges { from to kind } } } } }`;

test('the route of a family without consent shows its own agency and flags the hidden ones', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.angarskOperator.id });
  const result = await hub.query(token, ROUTE, { id: DEMO_FAMILIES.smirnova });
  expect(result.errors).toBeUndefined();
  const route = result.data?.family.route;
  expect(route.agencies).toEqual(expect.arrayContaining(['HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND']));
  expect(route.gaps.map((g: any) => `${g.agency}:${g.code}`).sort()).toEqual([
    'EDUCATION:CONSENT_REQUIRED',
    'EMPLOYMENT:CONSENT_REQUIRED',
    'HEALTH:CONSENT_REQUIRED',
    'RENTAL_FUND:CONSENT_REQUIRED',
  ]);
  expect(route.alerts.filter((a: any) => a.code === 'CONSENT_REQUIRED')).toHaveLength(4);
  expect(route.graph.nodes.find((n: any) => n.kind === 'FAMILY').label).toBe('Смирнова');
});

test('the demo family route shows steps from all five agencies in time order, with alerts of several kinds and a graph (seed 003 §33.3)', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const result = await hub.query(token, ROUTE, { id: DEMO_FAMILIES.ivanov });
  expect(result.errors).toBeUndefined();
  const route = result.data?.family.route;
  expect(new Set(route.steps.map((s: any) => s.agency))).toEqual(
    new Set(['SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND']),
  );
  const dates = route.steps.map((s: any) => s.period.startsOn ?? s.dueOn ?? '9999-12-31');
  expect(dates).toEqual([...dates].sort());
  const alertKinds = new Set(route.alerts.map((a: any) => a.code));
  expect(alertKinds.size).toBeGreaterThanOrEqual(3);
  expect(route.graph.nodes.filter((n: any) => n.kind === 'PERSON')).toHaveLength(2);
  expect(route.graph.edges.filter((e: any) => e.kind === 'MEMBER_OF')).toHaveLength(2);
  expect(route.graph.edges.some((e: any) => e.kind === 'EXECUTES' || e.kind === 'REFERRED_TO')).toBe(true);
});

test('the route of the Petrov family (Bratsk) reaches the employment agency and shows what is late', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.bratskOperator.id });
  const result = await hub.query(token, ROUTE, { id: DEMO_FAMILIES.petrov });
  const route = result.data?.family.route;
  expect(route.steps.some((s: any) => s.agency === 'EDUCATION' && s.kind === 'EARLY_HELP_PROGRAMME')).toBe(true);
  // The Petrovs consented to health and education only: employment is a gap, not a leak.
  expect(route.steps.some((s: any) => s.agency === 'EMPLOYMENT')).toBe(false);
  expect(route.gaps).toContainEqual(expect.objectContaining({ agency: 'EMPLOYMENT', code: 'CONSENT_REQUIRED' }));
  expect(route.alerts.map((a: any) => a.code)).toContain('DEADLINE_OVERDUE');
});

test('an organization in the route graph names the directory entry, and its name is resolved by the directory only when asked for', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const graphOnly = `query($id: ID!) { family(id: $id) { route { graph { nodes { id kind label } } } } }`;
  const withNames = `query($id: ID!) { family(id: $id) { route { graph { nodes { id kind organization { id name } } } } } }`;
  const statements = async (query: string) => {
    const before = hub.sqlStatements()['social-protection'];
    const result = await hub.query(token, query, { id: DEMO_FAMILIES.ivanov });
    return { result, statements: hub.sqlStatements()['social-protection'] - before };
  };
  const plain = await statements(graphOnly);
  const named = await statements(withNames);
  const organizations = named.result.data?.family.route.graph.nodes.filter((n: any) => n.kind === 'ORGANIZATION');
  expect(organizations.length).toBeGreaterThan(0);
  for (const node of organizations) {
    expect(node.id).toBe(`organization:${node.organization.id}`);
    expect(node.organization.name).toEqual(expect.any(String));
    expect(node.organization.name).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  }
  // The directory is one more batched read for all of the route's organizations, not one per organization.
  expect(named.statements - plain.statements).toBeLessThanOrEqual(2);
});

/** Working days after `from` up to and including `to`, from the production calendar the hub publishes. */
async function workingDaysBetween(from: string, to: string): Promise<number> {
  const years = [...new Set([from.slice(0, 4), to.slice(0, 4)])];
  const result = await hub.query(
    await hub.token({ role: 'ANALYST' }),
    `query { ${years.map((y) => `y${y}: calendarDays(year: ${y}) { date kind }`).join(' ')} }`,
  );
  expect(result.errors).toBeUndefined();
  const exceptions = new Map<string, string>(
    Object.values(result.data as Record<string, { date: string; kind: string }[]>)
      .flat()
      .map((d) => [d.date, d.kind]),
  );
  const [earlier, later, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(earlier, 1); d <= later; d = addDays(d, 1)) {
    const kind = exceptions.get(d);
    const weekend = [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    if (kind ? kind.toLowerCase() === 'working_weekend' : !weekend) count++;
  }
  return sign * count;
}

const routeOf = async (org: { id: string; oktmo: string }, familyId: string) => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: org.id, territoryOktmo: org.oktmo });
  const result = await hub.query(token, ROUTE, { id: familyId });
  expect(result.errors).toBeUndefined();
  return result.data?.family.route;
};

test('the demo shows the same picture on any day it is loaded: one case due in 2 working days, one overdue by 3 (seed 003 §16, seed 004 §3.2.7)', async () => {
  const smirnova = await routeOf(DEMO_ORGANIZATIONS.angarskOperator, DEMO_FAMILIES.smirnova);
  const contact = smirnova.steps.find((s: any) => s.agency === 'SOCIAL_PROTECTION' && s.dueOn);
  expect(contact.status).toBe('PLANNED');
  expect(await workingDaysBetween(today(), contact.dueOn)).toBe(2);

  const petrov = await routeOf(DEMO_ORGANIZATIONS.bratskOperator, DEMO_FAMILIES.petrov);
  const proposal = petrov.steps.find((s: any) => s.agency === 'SOCIAL_PROTECTION' && s.status === 'OVERDUE');
  expect(await workingDaysBetween(proposal.dueOn, today())).toBe(3);
  expect(petrov.alerts.filter((a: any) => a.agency === 'SOCIAL_PROTECTION').map((a: any) => a.code)).toEqual(['DEADLINE_OVERDUE']);
});

test('the Ivanov route shows the alerts the demo was built for, and nothing late that should not be (issue 12)', async () => {
  const ivanov = await routeOf(DEMO_ORGANIZATIONS.irkutskOperator, DEMO_FAMILIES.ivanov);
  // The PMPK conclusion expiring next month, the rental wheelchair due back in 5 days, the clinic silent on
  // the referral, the IPRA's psychological-pedagogical measure without education's referral.
  expect(ivanov.alerts.map((a: any) => `${a.agency}:${a.code}`).sort()).toEqual([
    'EDUCATION:PMPK_EXPIRING',
    'HEALTH:IPRA_MEASURE_WITHOUT_REFERRAL',
    'RENTAL_FUND:RENTAL_DUE_SOON',
    'SOCIAL_PROTECTION:REFERRAL_UNANSWERED',
  ]);
  const wheelchair = ivanov.steps.find((s: any) => s.agency === 'RENTAL_FUND' && s.dueOn);
  expect(wheelchair).toMatchObject({ status: 'IN_PROGRESS', dueOn: daysFromToday(5) });
  expect(ivanov.steps.find((s: any) => s.kind === 'REHABILITATION_COURSE').status).toBe('IN_PROGRESS');
  // Late is only the IPRA's own wheelchair, whose recommended period passed (hence the rental one).
  expect(ivanov.steps.filter((s: any) => s.status === 'OVERDUE').map((s: any) => `${s.agency}:${s.kind}`)).toEqual(['HEALTH:IPRA_MEASURE']);
});
