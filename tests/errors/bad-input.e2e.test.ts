import { randomUUID } from 'node:crypto';
import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { globalId, parseGlobalId } from '../../subgraphs/kit/platform/global-id';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { DEMO_RENTAL_POINTS } from '../../subgraphs/rental-fund/data/demo-data';
import { rentalFund } from '../../subgraphs/rental-fund/subgraph';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { startTestHub, type GraphQLResponse, type TestHub } from '../support/hub';

/**
 * Issue 12 §3, rows 1–4: input PostgreSQL cannot take, or two writes racing for one SNILS, through the real gateway
 * over HTTP. Each is refused with a stable code naming the argument, and the database shows nothing was written.
 */
let hub: TestHub;
let coordinator: string;
let partner: string;
let rentalSpecialist: string;
/** The test family's API id (`Family:<uuid>`), as registerFamily answers it; SQL takes its uuid. */
let familyId: string;
let sequence = 880_000_000;

beforeAll(async () => {
  hub = await startTestHub({ modules: [socialProtection, rentalFund] });
  coordinator = await hub.token({ role: 'COORDINATOR', organizationId: ORG.irkutskOperator.id, territoryOktmo: '25701000' });
  partner = await hub.token({ role: 'PARTNER_SERVICE', agency: 'HEALTH', grants: ['submitSignal'] });
  rentalSpecialist = await hub.token({ role: 'SPECIALIST', agency: 'RENTAL_FUND', organizationId: ORG.irkutskRentalPoint.id });
  const family = await hub.query(coordinator, REGISTER_FAMILY, { input: { displayName: 'Семья для проверки ошибок' } });
  familyId = family.data!.registerFamily.family.id;
}, 120_000);
afterAll(() => hub?.stop());

const USER_ERRORS = 'userErrors { code message field rule }';
const REGISTER_FAMILY = `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { family { id } ${USER_ERRORS} } }`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } ${USER_ERRORS} } }`;
const SUBMIT_SIGNAL = `mutation($input: SubmitSignalInput!) { submitSignal(input: $input) { created ${USER_ERRORS} } }`;
const APPLY = `mutation($input: ApplyForRentalInput!) { applyForRental(input: $input) { outcome ${USER_ERRORS} } }`;

const rows = async (service: string, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await hub.subgraphs[service].database.orm.em.fork().getConnection().execute(sql, params))[0].n);
const families = () => rows('social-protection', `select count(*)::int as n from family`);
const people = () => rows('social-protection', `select count(*)::int as n from person`);
const signals = () => rows('social-protection', `select count(*)::int as n from signal`);
const applications = () => rows('rental-fund', `select count(*)::int as n from rental_application`);

function person(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    familyId,
    relation: 'CHILD',
    snils: snilsFromSequence(sequence),
    lastName: 'Проверкин',
    firstName: 'Тест',
    bornOn: '2016-03-01',
    sex: 'MALE',
    ...overrides,
  };
}
const signal = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `err-${randomUUID()}`,
  source: 'IPRA_EXTRACT',
  receivedOn: '2026-11-02',
  summary: 'Выписка из ИПРА',
  ...overrides,
});
const application = (overrides: Record<string, unknown> = {}) => {
  sequence += 1;
  return {
    idempotencyKey: randomUUID(),
    personId: globalId('Person', randomUUID()),
    snils: snilsFromSequence(sequence),
    rentalPointId: globalId('RentalPoint', DEMO_RENTAL_POINTS.irkutsk),
    aidCode: 'CRUTCHES',
    ground: 'REHABILITATION_PERIOD',
    documents: ['IDENTITY_DOCUMENT', 'MEDICAL_CONCLUSION'],
    requestedDays: 30,
    isDisabled: false,
    ableBodiedRelativesPresent: true,
    ...overrides,
  };
};

interface UserError {
  code: string;
  message: string;
  field: string[] | null;
  rule: string | null;
}

/** The one error of a refused mutation: its code and the argument it names. */
function refusal(result: GraphQLResponse) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return { code: error.extensions?.code, field: error.extensions?.field, argument: error.extensions?.argument };
}

describe('a NUL byte in any text argument is BAD_USER_INPUT naming it; nothing is written (issue 12 §3)', () => {
  test('registerFamily.displayName, as a variable and as a literal', async () => {
    const before = await families();
    const variable = await hub.query(coordinator, REGISTER_FAMILY, { input: { displayName: 'Ивановы\u0000' } });
    expect(refusal(variable)).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName', argument: 'input.displayName' });
    const literal = await hub.query(coordinator, `mutation { registerFamily(input: { displayName: "Ивановы\\u0000" }) { family { id } } }`);
    expect(refusal(literal)).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName', argument: 'input.displayName' });
    expect(await families()).toBe(before);
  });

  test('registerPerson.phone', async () => {
    const before = await people();
    const result = await hub.query(coordinator, REGISTER_PERSON, { input: person({ phone: '+7 914 000\u00000000' }) });
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'phone', argument: 'input.phone' });
    expect(await people()).toBe(before);
  });

  test('submitSignal.summary and submitSignal.idempotencyKey', async () => {
    const before = await signals();
    const summary = await hub.query(partner, SUBMIT_SIGNAL, { input: signal({ summary: 'Выписка\u0000' }) });
    expect(refusal(summary)).toEqual({ code: 'BAD_USER_INPUT', field: 'summary', argument: 'input.summary' });
    const key = await hub.query(partner, SUBMIT_SIGNAL, { input: signal({ idempotencyKey: 'mse-0001\u0000' }) });
    expect(refusal(key)).toEqual({ code: 'BAD_USER_INPUT', field: 'idempotencyKey', argument: 'input.idempotencyKey' });
    expect(await signals()).toBe(before);
  });

  test('applyForRental.idempotencyKey, and a list element (documents are enums, ipraAids are text)', async () => {
    const before = await applications();
    const key = await hub.query(rentalSpecialist, APPLY, { input: application({ idempotencyKey: `${randomUUID()}\u0000` }) });
    expect(refusal(key)).toEqual({ code: 'BAD_USER_INPUT', field: 'idempotencyKey', argument: 'input.idempotencyKey' });
    const aids = await hub.query(rentalSpecialist, APPLY, {
      input: application({
        ground: 'QUEUED_FOR_IPRA_AID',
        documents: ['IDENTITY_DOCUMENT', 'IPRA'],
        ipraAids: ['CRUTCHES', 'WALKER\u0000'],
        isDisabled: true,
      }),
    });
    expect(refusal(aids)).toEqual({ code: 'BAD_USER_INPUT', field: 'ipraAids', argument: 'input.ipraAids[1]' });
    expect(await applications()).toBe(before);
  });
});

describe('a malformed record id is BAD_USER_INPUT naming the argument; nothing is written (issue 12 §3)', () => {
  test('registerPerson.familyId', async () => {
    const before = await people();
    const result = await hub.query(coordinator, REGISTER_PERSON, { input: person({ familyId: 'family-42' }) });
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'familyId', argument: 'input.familyId' });
    expect(await people()).toBe(before);
  });

  test('applyForRental.rentalPointId', async () => {
    const before = await applications();
    const result = await hub.query(rentalSpecialist, APPLY, { input: application({ rentalPointId: '42' }) });
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'rentalPointId', argument: 'input.rentalPointId' });
    expect(await applications()).toBe(before);
  });

  test('a query argument (family(id)) as well', async () => {
    const result = await hub.query(coordinator, `{ family(id: "7a2d3b20") { id } }`);
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'id', argument: 'id' });
  });

  test('a bare uuid is not an id of the hub, and an id of another type is refused, not looked up (CONVENTIONS §7.4)', async () => {
    // `id` of family(id:) and `familyId` name a node type (Family), so only a Family's global id is taken; an id whose
    // name names no node type would take the bare uuid of a record that is not a node yet (commit 45b0321).
    const uuid = parseGlobalId(familyId)!.id;
    const bare = await hub.query(coordinator, `query($id: ID!) { family(id: $id) { id } }`, { id: uuid });
    expect([refusal(bare).code, refusal(bare).argument, bare.errors![0].message]).toEqual([
      'BAD_USER_INPUT',
      'id',
      'id is not an id of the hub',
    ]);
    const before = await people();
    const wrongType = await hub.query(coordinator, REGISTER_PERSON, { input: person({ familyId: globalId('Person', uuid) }) });
    expect([refusal(wrongType).code, refusal(wrongType).argument, wrongType.errors![0].message]).toEqual([
      'BAD_USER_INPUT',
      'input.familyId',
      'input.familyId is an id of a Person, not of a Family',
    ]);
    expect(await people()).toBe(before);
  });
});

describe('an invalid date is BAD_USER_INPUT from the agency, not "unreachable"; nothing is written (issue 12 §3)', () => {
  test('registerPerson.bornOn 2025-02-30 as a variable names the argument', async () => {
    const before = await people();
    const result = await hub.query(coordinator, REGISTER_PERSON, { input: person({ bornOn: '2025-02-30' }) });
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'bornOn', argument: 'input.bornOn' });
    expect(result.errors![0].message).toContain('not a calendar date');
    expect(await people()).toBe(before);
  });

  test('registerPerson.bornOn "yesterday" as a literal names the argument too', async () => {
    const before = await people();
    const p = person();
    const result = await hub.query(
      coordinator,
      `mutation { registerPerson(input: { familyId: "${familyId}", relation: CHILD, snils: "${p.snils}", lastName: "Проверкин", firstName: "Тест", bornOn: "yesterday", sex: MALE }) { person { id } } }`,
    );
    expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'bornOn', argument: 'input.bornOn' });
    expect(result.errors![0].message).toContain('YYYY-MM-DD');
    expect(await people()).toBe(before);
  });
});

test('20 concurrent registerPerson with one SNILS: one person, 19 CONFLICT naming snils, one family member (issue 12 §3)', async () => {
  const input = person();
  const answers = await Promise.all(Array.from({ length: 20 }, () => hub.query(coordinator, REGISTER_PERSON, { input })));
  // A duplicate is an expected refusal: a payload with no person and one userError naming the SNILS (CONVENTIONS §7.6).
  expect(answers.filter((a) => a.errors)).toEqual([]);
  const payloads = answers.map((a) => a.data!.registerPerson);
  const registered = payloads.filter((p) => p.person);
  const refused = payloads.filter((p) => !p.person).map((p) => p.userErrors.map(({ code, field }: UserError) => ({ code, field })));
  expect(registered).toHaveLength(1);
  expect(registered[0].userErrors).toEqual([]);
  expect(refused).toEqual(Array.from({ length: 19 }, () => [{ code: 'CONFLICT', field: ['input', 'snils'] }]));
  expect(await rows('social-protection', `select count(*)::int as n from person where snils = ?`, [input.snils])).toBe(1);
  expect(
    await rows('social-protection', `select count(*)::int as n from family_member where family_id = ?`, [parseGlobalId(familyId)!.id]),
  ).toBe(1);
});
