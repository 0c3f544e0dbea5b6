import { DEMO_FAMILIES } from '../../subgraphs/kit/demo-people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo-organizations';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

test('a coordinator reads her demo family through the gateway over HTTP', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id, territoryOktmo: '25701000' });
  const result = await hub.query(token, `query { family(id: "${DEMO_FAMILIES.ivanov}") { displayName territory { oktmo name } members { relation person { firstName snils } } } }`);
  expect(result.errors).toBeUndefined();
  expect(result.data?.family.displayName).toBe('Ивановы');
  expect(result.data?.family.territory).toEqual({ oktmo: '25701000', name: 'город Иркутск' });
  expect(result.data?.family.members.map((m: any) => m.person.firstName).sort()).toEqual(['Артём', 'Елена']);
});
