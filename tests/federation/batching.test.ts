import { randomUUID } from 'node:crypto';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { Consent } from '../../subgraphs/social-protection/consent/consent.entity';
import { Family, FamilyMember, FamilyRelation } from '../../subgraphs/social-protection/family/family.entity';
import { Person, Sex } from '../../subgraphs/social-protection/person/person.entity';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

/** A family of `size` synthetic members of the Irkutsk operator, consenting to all agencies. */
async function createFamily(size: number, seq: number): Promise<string> {
  const em = hub.subgraphs['social-protection'].database.orm.em.fork();
  const familyId = randomUUID();
  await em.insert(Family, {
    id: familyId,
    displayName: `Тестовая семья ${size}`,
    territory: DEMO_ORGANIZATIONS.irkutskOperator.oktmo,
    socialDistrict: null,
    address: null,
    operatorOrganization: DEMO_ORGANIZATIONS.irkutskOperator.id,
  });
  for (let i = 0; i < size; i++) {
    const personId = randomUUID();
    await em.insert(Person, {
      id: personId,
      snils: snilsFromSequence(5_000_000 + seq * 100 + i),
      lastName: 'Тестов',
      firstName: `Член${i}`,
      patronymic: null,
      birthDate: '2010-01-01',
      sex: i % 2 ? Sex.MALE : Sex.FEMALE,
      phone: null,
      email: null,
      contactPreference: null,
      disabilityGroup: null,
      disabilitySince: null,
      disabilityUntil: null,
      hasLimitedHealthCapabilities: false,
      isAtRisk: false,
    });
    await em.insert(FamilyMember, {
      id: randomUUID(),
      family: familyId,
      person: personId,
      relation: i ? FamilyRelation.CHILD : FamilyRelation.PARENT,
      isLegalRepresentative: i === 0,
    });
    await em.insert(Consent, {
      id: randomUUID(),
      person: personId,
      agencies: ['HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND'],
      givenOn: '2025-01-01',
      expiresOn: null,
      revokedOn: null,
      signedByPersonId: null,
    });
  }
  return familyId;
}

const ROUTE_QUERY = `query Route($id: ID!) { family(id: $id) { displayName members { relation person { id firstName snils
  healthRoute { steps { id } } educationRoute { steps { id } } employmentRoute { steps { id } } rentalFundRoute { steps { id } } } } } }`;

async function statementsFor(familyId: string): Promise<Record<string, number>> {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id, territoryOktmo: '25701000' });
  const before = hub.sqlStatements();
  const result = await hub.query(token, ROUTE_QUERY, { id: globalId('Family', familyId) });
  expect(result.errors).toBeUndefined();
  const after = hub.sqlStatements();
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]]));
}

test('SQL statements per family query stay the same for a family of 2 and a family of 20 (DataLoader batching)', async () => {
  const small = await createFamily(2, 1);
  const large = await createFamily(20, 2);
  await statementsFor(small); // warm-up: first requests may load per-process caches
  const forSmall = await statementsFor(small);
  const forLarge = await statementsFor(large);
  expect(forLarge).toEqual(forSmall);
  // and the count is small: a handful of statements per agency, not one per member
  for (const count of Object.values(forLarge)) expect(count).toBeLessThanOrEqual(12);
});
