import { DEMO_CITIZEN, DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { stableId } from '../../subgraphs/kit/domain/stable-id';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { DEMO_RENTAL_POINTS } from '../../subgraphs/rental-fund/data/demo-data';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 15 §6, the citizen sees who looked (Estonia's Data Tracker): a CITIZEN token is bound to one person. The demo
 * citizen is Elena Ivanova, recorded as the legal representative of her son Artyom (7). She reads her own and her son's
 * consents and access log, gives and revokes their consents — and nothing else, in any agency.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const P = DEMO_PEOPLE;
const person = (key: keyof typeof DEMO_PEOPLE) => globalId('Person', P[key].id);
const elena = person('elenaIvanova');
const artyom = person('artyomIvanov');
const citizen = () => hub.token({ role: 'CITIZEN', subject: DEMO_CITIZEN.subject, personId: DEMO_CITIZEN.personId });
const coordinator = () =>
  hub.token({ role: 'COORDINATOR', subject: 'coordinator-of-the-ivanovs', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
const codes = (result: { errors?: { extensions?: Record<string, any> }[] }) => (result.errors ?? []).map((e) => e.extensions?.code);

test('the demo citizen acts for herself and for the son she legally represents, and for nobody else', async () => {
  const result = await hub.query(await citizen(), '{ representedPersons { id } }');
  expect(result.errors).toBeUndefined();
  expect(result.data!.representedPersons.map((p: { id: string }) => p.id).sort()).toEqual([elena, artyom].sort());
});

test("the citizen reads who looked at her son's data in every agency: a coordinator's reading of his routes is in the log", async () => {
  const looked = await hub.query(
    await coordinator(),
    `query($id: ID!) { person(id: $id) { lastName healthRoute { agency } rentalFundRoute { agency } } }`,
    { id: artyom },
  );
  expect(looked.errors).toBeUndefined();
  const log = await hub.query(
    await citizen(),
    `query($id: ID!) { person(id: $id) { accessLog(first: 100) { totalCount edges { node { agency subject role action operation } } } } }`,
    { id: artyom },
  );
  expect(log.errors).toBeUndefined();
  const entries = log.data!.person.accessLog.edges.map((e: any) => e.node);
  const byCoordinator = entries.filter((e: any) => e.subject === 'coordinator-of-the-ivanovs');
  expect(new Set(byCoordinator.map((e: any) => e.agency))).toEqual(new Set(['SOCIAL_PROTECTION', 'HEALTH', 'RENTAL_FUND']));
  expect(byCoordinator.every((e: any) => e.role === 'COORDINATOR' && e.action === 'READ')).toBe(true);
});

test('the citizen reads her own consents and her son’s, with who signed them', async () => {
  const result = await hub.query(
    await citizen(),
    `query($me: ID!, $son: ID!) {
      me: person(id: $me) { consents { edges { node { agencies signedAs signedByPerson { id } } } } }
      son: person(id: $son) { consents { edges { node { agencies signedAs signedByPerson { id } } } } } }`,
    { me: elena, son: artyom },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.me.consents.edges[0].node).toMatchObject({ signedAs: 'PERSON', signedByPerson: null });
  expect(result.data!.son.consents.edges[0].node).toMatchObject({ signedAs: 'PARENT', signedByPerson: { id: elena } });
});

/** [what, query, path of the refused value] — each must be null with FORBIDDEN, and only FORBIDDEN. */
const REFUSED: [string, string, string[]][] = [
  ['another person', `{ person(id: "${person('ninaSmirnova')}") { id } }`, ['person']],
  [
    'another person, by node id',
    `{ node(id: "${person('ninaSmirnova')}") { ... on Person { consents { totalCount } } } }`,
    ['node', 'consents'],
  ],
  ["another family's access log", `{ person(id: "${person('sergeyPetrov')}") { accessLog { totalCount } } }`, ['person']],
  [
    "another family's consents, by id",
    `{ node(id: "${globalId('Consent', stableId('consent', P.mashaPetrova.id))}") { ... on Consent { agencies } } }`,
    ['node'],
  ],
  ["her son's name and data", `{ person(id: "${artyom}") { lastName } }`, ['person', 'lastName']],
  ["her son's disability", `{ person(id: "${artyom}") { disabilityGroup } }`, ['person', 'disabilityGroup']],
  ['the family', `{ person(id: "${artyom}") { family { id } } }`, ['person', 'family']],
  ['the family by id', `{ family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { displayName } }`, ['family']],
  ['the family route', `{ family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { route { steps { id } } } }`, ['family']],
  ['the families list', `{ families { totalCount } }`, ['families']],
  ['support cases', `{ person(id: "${artyom}") { supportCases { totalCount } } }`, ['person', 'supportCases']],
  ['the worklist', `{ worklist { totalCount } }`, ['worklist']],
  ['health records (IPRA)', `{ person(id: "${artyom}") { healthRoute { agency } } }`, ['person', 'healthRoute']],
  ['education records', `{ person(id: "${artyom}") { educationRoute { agency } } }`, ['person', 'educationRoute']],
  ['employment records', `{ person(id: "${elena}") { employmentRoute { agency } } }`, ['person', 'employmentRoute']],
  ['rental contracts of the person', `{ person(id: "${artyom}") { rentalFundRoute { agency } } }`, ['person', 'rentalFundRoute']],
  ['rental contracts', `{ rentalContracts { totalCount } }`, ['rentalContracts']],
  [
    'the issue journal',
    `{ issueJournal(rentalPointId: "${globalId('RentalPoint', DEMO_RENTAL_POINTS.irkutsk)}") { totalCount } }`,
    ['issueJournal'],
  ],
  ['a person by SNILS', `{ personBySnils(snils: "${P.elenaIvanova.snils}") { id } }`, ['personBySnils']],
  ['an IPRA by number', `{ ipraByNumber(number: "1") { id } }`, ['ipraByNumber']],
];

test.each(REFUSED)('the citizen cannot read %s (FORBIDDEN)', async (_what, query, path) => {
  const result = await hub.query(await citizen(), query);
  const value = path.reduce<any>((v, key) => (v == null ? v : v[key]), result.data);
  expect(value ?? null).toBeNull();
  expect(codes(result).length).toBeGreaterThan(0);
  expect(new Set(codes(result))).toEqual(new Set(['FORBIDDEN']));
});

const GIVE = `mutation($input: GiveConsentInput!) { giveConsent(input: $input) {
  consent { id agencies signedAs signedByPerson { id } } userErrors { code rule } } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(input: { consentId: $id }) { consent { revokedOn } userErrors { code } } }`;

test('the citizen gives and revokes consent herself: for her son as his parent, for herself as herself', async () => {
  const forSon = await hub.query(await citizen(), GIVE, { input: { personId: artyom, agencies: ['EDUCATION'] } });
  expect(forSon.errors).toBeUndefined();
  expect(forSon.data!.giveConsent).toMatchObject({
    consent: { agencies: ['EDUCATION'], signedAs: 'PARENT', signedByPerson: { id: elena } },
    userErrors: [],
  });
  const forHerself = await hub.query(await citizen(), GIVE, { input: { personId: elena, agencies: ['EMPLOYMENT'] } });
  expect(forHerself.data!.giveConsent).toMatchObject({ consent: { signedAs: 'PERSON', signedByPerson: null }, userErrors: [] });

  const revoked = await hub.query(await citizen(), REVOKE, { id: forSon.data!.giveConsent.consent.id });
  expect(revoked.errors).toBeUndefined();
  expect(revoked.data!.revokeConsent).toEqual({ consent: { revokedOn: expect.any(String) }, userErrors: [] });
});

test('the citizen cannot give or revoke anyone else’s consent, nor name another signer (FORBIDDEN)', async () => {
  const forNina = await hub.query(await citizen(), GIVE, { input: { personId: person('ninaSmirnova'), agencies: ['HEALTH'] } });
  expect(codes(forNina)).toEqual(['FORBIDDEN']);
  const otherSigner = await hub.query(await citizen(), GIVE, {
    input: { personId: artyom, agencies: ['HEALTH'], signedByPersonId: person('sergeyPetrov') },
  });
  expect(codes(otherSigner)).toEqual(['FORBIDDEN']);
  const petrovs = await hub.query(await citizen(), REVOKE, { id: globalId('Consent', stableId('consent', P.mashaPetrova.id)) });
  expect(codes(petrovs)).toEqual(['FORBIDDEN']);
  expect(petrovs.data?.revokeConsent ?? null).toBeNull();
});

test('a citizen token bound to nobody is refused; a child’s own token opens nothing (152-FZ art. 9 §6)', async () => {
  const unbound = await hub.query(await hub.token({ role: 'CITIZEN' }), '{ representedPersons { id } }');
  expect(codes(unbound)).toEqual(['UNAUTHENTICATED']);
  const child = await hub.token({ role: 'CITIZEN', subject: 'artyom', personId: P.artyomIvanov.id });
  expect((await hub.query(child, '{ representedPersons { id } }')).data!.representedPersons).toEqual([]);
  expect(codes(await hub.query(child, `{ person(id: "${artyom}") { accessLog { totalCount } } }`))).toEqual(['FORBIDDEN']);
});

test('a coordinator records a child’s consent only as signed by a legal representative recorded in the family (152-FZ art. 9 §6)', async () => {
  const unsigned = await hub.query(await coordinator(), GIVE, { input: { personId: artyom, agencies: ['HEALTH'] } });
  expect(unsigned.data!.giveConsent).toEqual({
    consent: null,
    userErrors: [{ code: 'RULE_VIOLATION', rule: '152-FZ art. 9 §6; Civil Code art. 26, 28; Family Code art. 64 §1' }],
  });
  const stranger = await hub.query(await coordinator(), GIVE, {
    input: { personId: artyom, agencies: ['HEALTH'], signedByPersonId: person('sergeyPetrov') },
  });
  expect(stranger.data!.giveConsent.userErrors).toEqual([
    { code: 'RULE_VIOLATION', rule: '152-FZ art. 9 §6; Civil Code art. 26, 28; Family Code art. 64 §1' },
  ]);
  const signedForAdult = await hub.query(await coordinator(), GIVE, {
    input: { personId: elena, agencies: ['HEALTH'], signedByPersonId: artyom },
  });
  expect(signedForAdult.data!.giveConsent.userErrors).toEqual([{ code: 'RULE_VIOLATION', rule: '152-FZ art. 9 §1; Civil Code art. 21' }]);
  const byMother = await hub.query(await coordinator(), GIVE, {
    input: { personId: artyom, agencies: ['HEALTH'], signedByPersonId: elena },
  });
  expect(byMother.data!.giveConsent).toMatchObject({ consent: { signedAs: 'PARENT', signedByPerson: { id: elena } }, userErrors: [] });
});
