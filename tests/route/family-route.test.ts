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
