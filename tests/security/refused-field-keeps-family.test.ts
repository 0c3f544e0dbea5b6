/**
 * Issue 12 §6: a refusal of one agency's field (no consent, another agency's records, a role) is `null` with one
 * coded error at that field — never a null that climbs to the person and through `members` wipes the whole family
 * (the failure of Apollo Federation's open issue #584). The fields are discovered from the committed supergraph, so
 * a field an agency adds later is checked here without anyone listing it.
 */
import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { readCommittedSchema, startTestHub, type GraphQLResponse, type TestHub } from '../support/hub';
import { agencyFieldsOf, fieldsOf, fieldsReturning, ownerFieldsOf, type AgencyField } from './agency-fields';

const supergraph = readCommittedSchema('supergraph.graphql');
const PERSON_FIELDS = agencyFieldsOf(supergraph, 'Person');
const FAMILY_FIELDS = agencyFieldsOf(supergraph, 'Family');
const AGENCY_FIELDS = [...PERSON_FIELDS, ...FAMILY_FIELDS];
const REFUSAL_CODES = ['CONSENT_REQUIRED', 'FORBIDDEN'];

/**
 * What the family's own coordinator may see of an agency without a consent, by the hub's conventions: the agency's
 * part of the route answers `withheld` (an expected gap, README "Security model"), and the access log of her family
 * member is hers to read whatever the consents say (who touched the person's data). Everything else is refused.
 */
function openToTheCoordinatorWithoutConsent(f: AgencyField, value: unknown): boolean {
  // The family route itself is shown, its hidden agencies as gaps; an agency's part of it is `withheld`.
  if (f.valueType === 'FamilyRoute') return Array.isArray((value as { gaps?: unknown } | null)?.gaps);
  if (f.convention === 'hub-route') return (value as { withheld?: { code?: string } | null } | null)?.withheld?.code === 'CONSENT_REQUIRED';
  return f.convention === 'hub-access-log' && Array.isArray(recordsOf(f, value));
}

/** The records of a list field, or of a connection's page (`edges`); undefined when the field answered none. */
function recordsOf(f: AgencyField, value: unknown): unknown {
  return f.isConnection ? (value as { edges?: unknown } | null)?.edges : value;
}

/** The outcome a test name promises for a field the coordinator has no consent for. */
function withoutConsent(f: AgencyField): string {
  if (f.valueType === 'FamilyRoute') return 'is shown, its hidden agencies as gaps (route convention)';
  if (f.convention === 'hub-route') return 'answers `withheld` CONSENT_REQUIRED (route convention)';
  if (f.convention === 'hub-access-log') return "stays open to the family's coordinator (access-log convention)";
  return 'is null with one refusal at that field';
}

/** The demo families as the API names them: ids are global (`Family:<uuid>`, `Person:<uuid>`); tokens keep uuids. */
const FAMILIES = {
  smirnova: {
    id: globalId('Family', DEMO_FAMILIES.smirnova),
    displayName: 'Смирнова',
    operator: DEMO_ORGANIZATIONS.angarskOperator.id,
    members: [DEMO_PEOPLE.ninaSmirnova.id].map((id) => globalId('Person', id)),
    consented: [] as string[],
  },
  petrov: {
    id: globalId('Family', DEMO_FAMILIES.petrov),
    displayName: 'Петровы',
    operator: DEMO_ORGANIZATIONS.bratskOperator.id,
    members: [DEMO_PEOPLE.sergeyPetrov.id, DEMO_PEOPLE.olgaPetrova.id, DEMO_PEOPLE.mashaPetrova.id].map((id) => globalId('Person', id)),
    consented: ['HEALTH', 'EDUCATION'],
  },
};
type Family = (typeof FAMILIES)[keyof typeof FAMILIES];

const pathOf = (path: readonly (string | number)[] | undefined) => (path ?? []).join('.');

function familyQuery(f: AgencyField): string {
  const onFamily = f.parentType === 'Family' ? `${f.field}${f.selection}` : '';
  const onPerson = f.parentType === 'Person' ? `${f.field}${f.selection}` : '';
  return `query($id: ID!) { family(id: $id) { id displayName ${onFamily} members { relation person { id firstName lastName ${onPerson} } } } }`;
}

/** The refused field's paths in the response: one per member for a Person field, one for a Family field. */
function fieldPaths(f: AgencyField, family: Family): string[] {
  if (f.parentType === 'Family') return [`family.${f.field}`];
  return family.members.map((_, i) => `family.members.${i}.person.${f.field}`);
}

function valueAt(data: Record<string, any>, path: string): unknown {
  return path.split('.').reduce<any>((node, key) => (node == null ? undefined : node[key]), data);
}

/** The family, every member and every member's name came back, whatever happened to the agency field. */
function expectFamilyIntact(result: GraphQLResponse, family: Family): void {
  const shown = result.data?.family;
  expect(shown).toEqual(expect.objectContaining({ id: family.id, displayName: family.displayName }));
  const members = shown.members as { person: { id: string; firstName: unknown; lastName: unknown } | null }[];
  expect(members.map((m) => m.person?.id).sort()).toEqual([...family.members].sort());
  for (const { person } of members) {
    expect(person).toEqual(expect.objectContaining({ firstName: expect.any(String), lastName: expect.any(String) }));
  }
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

describe('the composed schema', () => {
  test('the agencies contribute fields to Person, among them the ones that wiped the family (ipras, mseReferrals, rehabilitationCourses, rentalApplications, rentalContracts)', () => {
    expect(PERSON_FIELDS.map((f) => f.field)).toEqual(
      expect.arrayContaining(['ipras', 'mseReferrals', 'rehabilitationCourses', 'rentalApplications', 'rentalContracts']),
    );
    expect(new Set(PERSON_FIELDS.map((f) => f.agency))).toEqual(new Set(['HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND', 'ASSEMBLY']));
  });

  test('no agency field on Person or Family is non-null, so a refusal cannot climb to the person or the family', () => {
    expect(AGENCY_FIELDS.filter((f) => !f.nullable).map((f) => `${f.parentType}.${f.field}`)).toEqual([]);
  });

  test("no field a policy can refuse is non-null: social protection's personal fields of Person, every path to a Person, every agency's resources of a Territory", () => {
    // Only the key and the access decision itself are answered to every caller (README "Security model").
    const answeredToAll = new Set(['id', 'agencyAccess']);
    const person = fieldsOf(supergraph, 'Person').filter((f) => !answeredToAll.has(f.field));
    expect(person.length).toBeGreaterThan(PERSON_FIELDS.length);
    expect(person.filter((f) => !f.nullable).map((f) => `Person.${f.field}`)).toEqual([]);

    const toPerson = fieldsReturning(supergraph, 'Person');
    expect(toPerson.map((f) => `${f.parentType}.${f.field}`)).toEqual(
      expect.arrayContaining(['FamilyMember.person', 'RentalContract.person']),
    );
    expect(toPerson.filter((f) => !f.nullable).map((f) => `${f.parentType}.${f.field}`)).toEqual([]);

    const resources = fieldsReturning(supergraph, 'AgencyResources').filter((f) => f.parentType === 'Territory');
    expect(resources.length).toBeGreaterThanOrEqual(5);
    expect(resources.filter((f) => !f.nullable).map((f) => `Territory.${f.field}`)).toEqual([]);
  });
});

describe('a coordinator without consent asks for the family with an agency field', () => {
  const label = (f: AgencyField) => `${f.parentType}.${f.field} (${f.agency})`;

  test.each(AGENCY_FIELDS.map((f) => [label(f), withoutConsent(f), f] as const))(
    'Smirnova, no consent (seed 001 §1.5): %s %s; the family, its members and their names are shown',
    async (_, __, f) => {
      const family = FAMILIES.smirnova;
      const result = await hub.query(await hub.token({ role: 'COORDINATOR', organizationId: family.operator }), familyQuery(f), {
        id: family.id,
      });
      expectFamilyIntact(result, family);
      expectRefusedOrOpenByConvention(result, f, family);
    },
  );

  test.each(
    AGENCY_FIELDS.map(
      (f) => [label(f), FAMILIES.petrov.consented.includes(f.agency) ? 'is shown without an error' : withoutConsent(f), f] as const,
    ),
  )(
    'Petrov, consent to health and education only (seed 001 §1.5): %s %s; the family, its members and their names are shown',
    async (_, __, f) => {
      const family = FAMILIES.petrov;
      const result = await hub.query(await hub.token({ role: 'COORDINATOR', organizationId: family.operator }), familyQuery(f), {
        id: family.id,
      });
      expectFamilyIntact(result, family);
      if (family.consented.includes(f.agency)) {
        expect(result.errors ?? []).toEqual([]);
        for (const path of fieldPaths(f, family)) {
          if (f.isList || f.isConnection) expect([path, Array.isArray(recordsOf(f, valueAt(result.data!, path)))]).toEqual([path, true]);
        }
      } else {
        expectRefusedOrOpenByConvention(result, f, family);
      }
    },
  );
});

/** An education specialist asks for Artyom (referred to her school) with one field she may not see. */
async function expectSchoolSpecialistRefusedOnlyAt(f: {
  field: string;
  selection: string;
  agency?: string;
  convention?: string | null;
}): Promise<void> {
  const artyom = globalId('Person', DEMO_PEOPLE.artyomIvanov.id);
  const token = await hub.token({ role: 'SPECIALIST', agency: 'EDUCATION', organizationId: DEMO_ORGANIZATIONS.irkutskSchool.id });
  const result = await hub.query(token, `query($id: ID!) { person(id: $id) { id firstName lastName ${f.field}${f.selection} } }`, {
    id: artyom,
  });
  expect(result.data?.person).toEqual(
    expect.objectContaining({ id: artyom, firstName: expect.any(String), lastName: expect.any(String), [f.field]: null }),
  );
  const errors = (result.errors ?? []).map((e) => [pathOf(e.path), e.extensions?.code]);
  if (f.agency !== 'ASSEMBLY') {
    expect(errors).toEqual([[`person.${f.field}`, 'FORBIDDEN']]);
    return;
  }
  // An assembled field is refused because every agency refused its part: the router reports those refusals too,
  // at the contributions' own fields of the same person, and nothing else.
  expect(errors).toContainEqual([`person.${f.field}`, 'FORBIDDEN']);
  const contributions = new Set(
    [...PERSON_FIELDS, ...ownerFieldsOf(supergraph, 'Person')]
      .filter((c) => c.convention === f.convention && c.agency !== 'ASSEMBLY')
      .map((c) => `person.${c.field}`),
  );
  for (const [path, code] of errors.filter(([path]) => path !== `person.${f.field}`)) {
    expect([path, contributions.has(String(path)), code]).toEqual([path, true, 'FORBIDDEN']);
  }
}

test.each(PERSON_FIELDS.filter((f) => f.agency !== 'EDUCATION').map((f) => [`${f.field} (${f.agency})`, f] as const))(
  "an education specialist sees the name of a child referred to her school (seed 002 §2.4), and another agency's %s is null with FORBIDDEN at that field only",
  (_, f) => expectSchoolSpecialistRefusedOnlyAt(f),
);

/** The minimal identity an agency's specialist may see of a person her organization serves (seed 002 §2.4). */
const MINIMAL_IDENTITY = new Set(['id', 'snils', 'lastName', 'firstName', 'patronymic', 'bornOn', 'birthDate', 'agencyAccess']);

test.each(
  ownerFieldsOf(supergraph, 'Person')
    .filter((f) => !MINIMAL_IDENTITY.has(f.field))
    .map((f) => [f.field, f] as const),
)(
  "an education specialist sees the name of a child referred to her school, and social protection's %s beyond the minimal identity (seed 002 §2.4) is null with FORBIDDEN at that field only",
  (_, f) => expectSchoolSpecialistRefusedOnlyAt(f),
);

/**
 * Each path of the field is null with exactly one refusal error at exactly that path — or, for the route and
 * access-log conventions, the answer the family's coordinator gets without consent; no error anywhere else.
 */
function expectRefusedOrOpenByConvention(result: GraphQLResponse, f: AgencyField, family: Family): void {
  const errors = result.errors ?? [];
  const expectedErrors: [string, string][] = [];
  const byConvention = f.convention === 'hub-route' || f.convention === 'hub-access-log';
  for (const path of fieldPaths(f, family)) {
    const value = valueAt(result.data!, path);
    if (byConvention) {
      expect([path, openToTheCoordinatorWithoutConsent(f, value)]).toEqual([path, true]);
      continue;
    }
    expect([path, value]).toEqual([path, null]);
    const at = errors.filter((e) => pathOf(e.path) === path);
    expect([path, at.length]).toEqual([path, 1]);
    expect(REFUSAL_CODES).toContain(at[0].extensions?.code);
    expectedErrors.push([path, at[0].extensions?.code]);
  }
  expect(errors.map((e) => [pathOf(e.path), e.extensions?.code]).sort()).toEqual(expectedErrors.sort());
}
