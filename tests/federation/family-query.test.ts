import { DEMO_FAMILIES } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

test('a coordinator reads her demo family through the gateway over HTTP', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id, territoryOktmo: '25701000' });
  const result = await hub.query(
    token,
    `query { family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { displayName territory { oktmo name } members { relation person { firstName snils } } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.family.displayName).toBe('Ивановы');
  expect(result.data?.family.territory).toEqual({ oktmo: '25701000', name: 'город Иркутск' });
  expect(result.data?.family.members.map((m: any) => m.person.firstName).sort()).toEqual(['Артём', 'Елена']);
});

test('one request starts at a family in social protection and reaches all four other agencies', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id, territoryOktmo: '25701000' });
  const result = await hub.query(
    token,
    `query { family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { members { person { id
      healthRoute { agency } educationRoute { agency } employmentRoute { agency } rentalFundRoute { agency } } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const person = result.data?.family.members[0].person;
  expect([person.healthRoute.agency, person.educationRoute.agency, person.employmentRoute.agency, person.rentalFundRoute.agency]).toEqual([
    'HEALTH',
    'EDUCATION',
    'EMPLOYMENT',
    'RENTAL_FUND',
  ]);
});

test('without consent the agency fields are null with CONSENT_REQUIRED, the route part is withheld, and the family is still shown', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.angarskOperator.id, territoryOktmo: '25703000' });
  const result = await hub.query(
    token,
    `query { family(id: "${globalId('Family', DEMO_FAMILIES.smirnova)}") { displayName members { person { activeIpra { number } healthRoute { agency steps { id } withheld { code } } } } } }`,
  );
  expect(result.data?.family.displayName).toBe('Смирнова');
  expect(result.data?.family.members[0].person.activeIpra).toBeNull();
  expect(result.data?.family.members[0].person.healthRoute).toEqual({
    agency: 'HEALTH',
    steps: [],
    withheld: { code: 'CONSENT_REQUIRED' },
  });
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['CONSENT_REQUIRED']);
});
