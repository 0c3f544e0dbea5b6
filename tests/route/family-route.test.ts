import { today } from '../../subgraphs/kit/platform/clock';
import { addDays } from '../../subgraphs/kit/platform/dates';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
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
  const result = await hub.query(token, ROUTE, { id: globalId('Family', DEMO_FAMILIES.smirnova) });
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
  const result = await hub.query(token, ROUTE, { id: globalId('Family', DEMO_FAMILIES.ivanov) });
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
  const result = await hub.query(token, ROUTE, { id: globalId('Family', DEMO_FAMILIES.petrov) });
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
    const result = await hub.query(token, query, { id: globalId('Family', DEMO_FAMILIES.ivanov) });
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
    `query { ${years.map((y) => `y${y}: calendarDays(year: ${y}) { on kind }`).join(' ')} }`,
  );
  expect(result.errors).toBeUndefined();
  const exceptions = new Map<string, string>(
    Object.values(result.data as Record<string, { on: string; kind: string }[]>)
      .flat()
      .map((d) => [d.on, d.kind]),
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
  const result = await hub.query(token, ROUTE, { id: globalId('Family', familyId) });
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
  // Late are the IPRA's own wheelchair, whose recommended period passed (hence the rental one), and the clinic's
  // answer to the referral, past its 5 working days (seed 003 §16, §27).
  expect(
    ivanov.steps
      .filter((s: any) => s.status === 'OVERDUE')
      .map((s: any) => `${s.agency}:${s.kind}`)
      .sort(),
  ).toEqual(['HEALTH:IPRA_MEASURE', 'SOCIAL_PROTECTION:REFERRAL']);
});

test('the route takes a period: steps, alerts and graph within it (CONVENTIONS §7.5)', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const query = `query($id: ID!, $period: PeriodInput) { family(id: $id) { route(period: $period) {
    steps { id period { startsOn endsOn } dueOn status } alerts { stepId } graph { nodes { id kind on } } } } }`;
  const whole = await hub.query(token, query, { id: globalId('Family', DEMO_FAMILIES.ivanov) });
  expect(whole.errors).toBeUndefined();
  const window = { startsOn: daysFromToday(0), endsOn: daysFromToday(30) };
  const next = await hub.query(token, query, { id: globalId('Family', DEMO_FAMILIES.ivanov), period: window });
  expect(next.errors).toBeUndefined();
  const all = whole.data?.family.route.steps;
  const shown = next.data?.family.route.steps;
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(all.length);
  for (const step of shown) {
    const start = step.period.startsOn ?? step.dueOn;
    if (start) expect(start <= window.endsOn).toBe(true);
  }
  const ids = new Set(shown.map((s: any) => s.id));
  expect(
    next.data?.family.route.graph.nodes
      .filter((n: any) => n.kind === 'STEP')
      .map((n: any) => n.id)
      .sort(),
  ).toEqual([...ids].sort());
  const refused = await hub.query(token, query, {
    id: globalId('Family', DEMO_FAMILIES.ivanov),
    period: { startsOn: daysFromToday(1), endsOn: daysFromToday(0) },
  });
  expect(refused.data?.family.route).toBeNull();
  expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test("a step's record, person and family are refetched with node(id:) from their agencies (CONVENTIONS §7.4)", async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const family = globalId('Family', DEMO_FAMILIES.ivanov);
  const route = await hub.query(
    token,
    `query($id: ID!) { family(id: $id) { route { family { id } steps { personId recordType recordId } } } }`,
    {
      id: family,
    },
  );
  expect(route.errors).toBeUndefined();
  expect(route.data?.family.route.family.id).toBe(family);
  const step =
    route.data?.family.route.steps.find((s: any) => s.agency !== 'x' && s.recordType === 'SupportCase') ??
    route.data?.family.route.steps[0];
  expect(step.recordId).toMatch(/^[A-Z]\w*:[0-9a-f-]{36}$/);
  const nodes = await hub.query(
    token,
    `query($family: ID!, $person: ID!) {
      family: node(id: $family) { __typename id ... on Family { displayName } }
      person: node(id: $person) { __typename id ... on Person { firstName } } }`,
    { family, person: step.personId },
  );
  expect(nodes.errors).toBeUndefined();
  expect(nodes.data?.family).toEqual({ __typename: 'Family', id: family, displayName: 'Ивановы' });
  expect(nodes.data?.person).toMatchObject({ __typename: 'Person', id: step.personId, firstName: expect.any(String) });

  const bad = await hub.query(token, `query { node(id: "not-a-global-id") { id } }`);
  expect(bad.data?.node).toBeNull();
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test('node(id:) answers what the record’s own query answers, for a coordinator who may read it', async () => {
  const id = globalId('Family', DEMO_FAMILIES.ivanov);
  const organization = DEMO_ORGANIZATIONS.irkutskOperator;
  const token = await hub.token({ role: 'COORDINATOR', organizationId: organization.id, territoryOktmo: organization.oktmo });
  const own = await hub.query(token, `query($id: ID!) { family(id: $id) { displayName members { relation } } }`, { id });
  const node = await hub.query(token, `query($id: ID!) { node(id: $id) { ... on Family { displayName members { relation } } } }`, { id });
  expect(own.data?.family.displayName).toBe('Ивановы');
  expect(node.data?.node).toEqual(own.data?.family);
  expect(node.errors).toBeUndefined();
});

// Social protection's Family reference authorizes like `family(id:)` (CONVENTIONS §7.4): node(id:) is no way around it.
test('node(id:) shows nothing that the record’s own query refuses: another territory’s coordinator', async () => {
  const id = globalId('Family', DEMO_FAMILIES.ivanov);
  const organization = DEMO_ORGANIZATIONS.angarskOperator;
  const token = await hub.token({ role: 'COORDINATOR', organizationId: organization.id, territoryOktmo: organization.oktmo });
  const own = await hub.query(token, `query($id: ID!) { family(id: $id) { displayName members { relation } } }`, { id });
  const node = await hub.query(token, `query($id: ID!) { node(id: $id) { ... on Family { displayName members { relation } } } }`, { id });
  expect(own.data?.family ?? null).toBeNull();
  const refusal = own.errors?.[0].extensions?.code;
  expect(refusal).toMatch(/FORBIDDEN|NOT_FOUND/);
  expect(node.data?.node?.displayName ?? null).toBeNull();
  expect(node.data?.node?.members ?? null).toBeNull();
  expect((node.errors ?? []).map((e) => e.extensions?.code)).toContain(refusal);
});
