import { DEMO_FAMILIES } from '../../subgraphs/kit/demo-people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo-organizations';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const ROUTE = `query FamilyRoute($id: ID!) { family(id: $id) { displayName
  route { familyId agencies steps { id agency kind title status startDate dueDate personId } alerts { code severity agency personId }
    gaps { personId agency code } graph { nodes { id kind label } edges { from to kind } } } } }`;

test('the route of a family without consent shows its own agency and flags the hidden ones', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.angarskOperator.id });
  const result = await hub.query(token, ROUTE, { id: DEMO_FAMILIES.smirnova });
  expect(result.errors).toBeUndefined();
  const route = result.data?.family.route;
  expect(route.agencies).toEqual(expect.arrayContaining(['HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND']));
  expect(route.gaps.map((g: any) => `${g.agency}:${g.code}`).sort()).toEqual(
    ['EDUCATION:CONSENT_REQUIRED', 'EMPLOYMENT:CONSENT_REQUIRED', 'HEALTH:CONSENT_REQUIRED', 'RENTAL_FUND:CONSENT_REQUIRED'],
  );
  expect(route.alerts.filter((a: any) => a.code === 'CONSENT_MISSING')).toHaveLength(4);
  expect(route.graph.nodes.find((n: any) => n.kind === 'FAMILY').label).toBe('Смирнова');
});

test('the demo family route shows steps from all five agencies in time order, with alerts of several kinds and a graph (seed 003 §33.3)', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const result = await hub.query(token, ROUTE, { id: DEMO_FAMILIES.ivanov });
  expect(result.errors).toBeUndefined();
  const route = result.data?.family.route;
  expect(new Set(route.steps.map((s: any) => s.agency))).toEqual(new Set(['SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND']));
  const dates = route.steps.map((s: any) => s.startDate ?? s.dueDate ?? '9999-12-31');
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

test('organizations in the route graph carry their names; the gateway reads the public directory once, not with every route', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const organizationLabels = (route: any) => route.graph.nodes.filter((n: any) => n.kind === 'ORGANIZATION').map((n: any) => n.label);
  const statementsOf = async () => {
    const before = hub.sqlStatements()['social-protection'];
    const result = await hub.query(token, ROUTE, { id: DEMO_FAMILIES.ivanov });
    return { labels: organizationLabels(result.data?.family.route), statements: hub.sqlStatements()['social-protection'] - before };
  };
  const first = await statementsOf();
  const second = await statementsOf();
  expect(first.labels.length).toBeGreaterThan(0);
  // Names, not ids: a label that is a UUID would mean the directory was not consulted.
  for (const label of [...first.labels, ...second.labels]) expect(label).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(second.labels).toEqual(first.labels);
  expect(second.statements).toBeLessThanOrEqual(first.statements);
});
