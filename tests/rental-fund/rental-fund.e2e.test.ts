import { randomUUID } from 'node:crypto';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { DEMO_PEOPLE, DEMO_FAMILIES } from '../../subgraphs/kit/demo/people';
import { now, setClock, today } from '../../subgraphs/kit/platform/clock';
import { daysFromToday as day } from '../../subgraphs/kit/demo/dates';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { DEMO_RENTAL_POINTS } from '../../subgraphs/rental-fund/data/demo-data';
import { rentalFund } from '../../subgraphs/rental-fund/subgraph';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { addDays, addMonths } from '../../subgraphs/rental-fund/rules/dates';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
let specialist: string;
let coordinator: string;
let otherCoordinator: string;
let sequence = 700_000_000;

/** The API's ids are global ids (CONVENTIONS §7.4); the database keeps the uuid behind them. */
const POINT = {
  irkutsk: globalId('RentalPoint', DEMO_RENTAL_POINTS.irkutsk),
  angarsk: globalId('RentalPoint', DEMO_RENTAL_POINTS.angarsk),
};
const uuidOf = (id: string) => id.replace(/^[A-Za-z]+:/, '');

beforeAll(async () => {
  // The real gateway over the two subgraphs these scenarios touch: social protection (people,
  // families, consents) and the rental fund.
  hub = await startTestHub({ modules: [socialProtection, rentalFund] });
  specialist = await hub.token({ role: 'SPECIALIST', agency: 'RENTAL_FUND', organizationId: DEMO_ORGANIZATIONS.irkutskRentalPoint.id });
  coordinator = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id, territoryOktmo: '25701000' });
  otherCoordinator = await hub.token({
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.angarskOperator.id,
    territoryOktmo: '25703000',
  });
}, 120_000);
afterAll(() => hub?.stop());

const CONTRACT = `id contractNumber signedOn issuedOn dueOn feeKopecks tariffKopecks free priceReason deliveryRequired handOverActNumber
  status extensionsCount returnedOn returnCondition acceptanceActNumber refundKopecks overdue personId
  renterCharges { repairKopecks transportKopecks compensationKopecks totalKopecks } item { mark condition onLoan }`;
const APPLY = `mutation($input: ApplyForRentalInput!) { applyForRental(input: $input) {
  outcome queuePosition message created application { id personId status deliveryRequired aidInIpra } contract { ${CONTRACT} }
  userErrors { code message field rule } } }`;

/** An applicant nobody else uses: a fresh person id and a valid SNILS. */
function applicant(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    idempotencyKey: randomUUID(),
    personId: globalId('Person', randomUUID()),
    snils: snilsFromSequence(sequence),
    rentalPointId: POINT.irkutsk,
    requestedDays: 30,
    isDisabled: false,
    ableBodiedRelativesPresent: true,
    ...overrides,
  };
}

const rehabilitation = (aidCode: string, overrides: Record<string, unknown> = {}) =>
  applicant({ aidCode, ground: 'REHABILITATION_PERIOD', documents: ['IDENTITY_DOCUMENT', 'MEDICAL_CONCLUSION'], ...overrides });

async function apply(token: string, input: Record<string, unknown>) {
  const result = await hub.query(token, APPLY, { input });
  expect(result.errors).toBeUndefined();
  expect(result.data!.applyForRental.userErrors).toEqual([]);
  return result.data!.applyForRental;
}

async function registerItem(mark: string, aidCode: string, rentalPointId: string) {
  const result = await hub.query(
    specialist,
    `mutation($input: RegisterRentalItemInput!) { registerRentalItem(input: $input) { item { id mark condition onLoan } userErrors { code } } }`,
    { input: { mark, aidCode, rentalPointId, acquisitionSource: 'BOUGHT', valueKopecks: 500_000 } },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.registerRentalItem.userErrors).toEqual([]);
  return result.data!.registerRentalItem.item;
}

const RESERVED = `id personId status reservation { item { id mark onLoan } reservedOn dueOn lapsed notice }`;
const RETURN = `mutation($input: ReturnRentalItemInput!) { returnRentalItem(input: $input) {
  settlementRule contract { ${CONTRACT} } nextReservation { ${RESERVED} } userErrors { code message field rule } } }`;
const ISSUE_RESERVED = `mutation($input: IssueReservedItemInput!) { issueReservedItem(input: $input) {
  contract { ${CONTRACT} } userErrors { code rule } } }`;

const sql = <T = any>(query: string, params: unknown[] = []) =>
  hub.subgraphs['rental-fund'].database.orm.em.fork().getConnection().execute<T[]>(query, params);

test('a disabled person queued for a wheelchair in the IPRA gets it free and delivered home, on the day of the contract (seed 004 annex 1 §4.2, §3.5, §3.4)', async () => {
  const answer = await apply(
    coordinator,
    applicant({
      aidCode: 'WHEELCHAIR_MANUAL',
      ground: 'QUEUED_FOR_IPRA_AID',
      documents: ['IDENTITY_DOCUMENT', 'IPRA'],
      ipraAids: ['WHEELCHAIR_MANUAL'],
      isDisabled: true,
      disabilityGroup: 'I',
      ableBodiedRelativesPresent: false,
      requestedDays: 90,
    }),
  );
  expect(answer.outcome).toBe('ISSUED');
  expect(answer.application).toMatchObject({ status: 'ISSUED', aidInIpra: true, deliveryRequired: true });
  expect(answer.contract).toMatchObject({ free: true, feeKopecks: 0, deliveryRequired: true, status: 'ACTIVE', overdue: false });
  expect(answer.contract.priceReason).toContain('seed 004 annex 1 §4.2');
  expect(answer.contract.signedOn).toBe(today());
  expect(answer.contract.issuedOn).toBe(answer.contract.signedOn);
  expect(answer.contract.dueOn).toBe(addDays(today(), 89));
  expect(answer.contract.item.onLoan).toBe(true);
  expect(answer.contract.handOverActNumber).toMatch(/^АПП-/);
});

test('a person after surgery pays the tariff for every day of the period (seed 004 annex 1 §4.3, contract §3.3)', async () => {
  const answer = await apply(specialist, rehabilitation('CRUTCHES', { requestedDays: 30 }));
  expect(answer.outcome).toBe('ISSUED');
  expect(answer.contract).toMatchObject({ free: false, tariffKopecks: 3091, feeKopecks: 3091 * 30, deliveryRequired: false });
  expect(answer.contract.priceReason).toContain('seed 004 annex 1 §4.3');
});

test('an aid not listed in the IPRA is paid even on the IPRA-queue ground (seed 004 annex 1 §4.2)', async () => {
  const answer = await apply(
    specialist,
    applicant({
      aidCode: 'WALKER_FOLDING',
      ground: 'QUEUED_FOR_IPRA_AID',
      documents: ['IDENTITY_DOCUMENT', 'IPRA'],
      ipraAids: ['WHEELCHAIR_MANUAL'],
      isDisabled: true,
      requestedDays: 10,
    }),
  );
  expect(answer.contract).toMatchObject({ free: false, feeKopecks: 3095 * 10 });
});

test('an incomplete application is refused with the clause, as a userError, and nothing is written (seed 004 annex 1 contract §2.2.3)', async () => {
  const input = rehabilitation('CRUTCHES', { documents: ['IDENTITY_DOCUMENT'] });
  const result = await hub.query(specialist, APPLY, { input });
  expect(result.errors).toBeUndefined();
  expect(result.data!.applyForRental).toMatchObject({
    outcome: null,
    application: null,
    userErrors: [{ code: 'RULE_VIOLATION', rule: 'seed 004 annex 1 contract §2.2.3' }],
  });
  const [{ n }] = await sql(`select count(*)::int as n from rental_application where person_id = ?`, [uuidOf(input.personId as string)]);
  expect(n).toBe(0);
});

test('a term longer than one year is refused when applying (seed 004 annex 1 §3.6)', async () => {
  const result = await hub.query(specialist, APPLY, { input: rehabilitation('CRUTCHES', { requestedDays: 400 }) });
  expect(result.data!.applyForRental.userErrors).toMatchObject([{ code: 'RULE_VIOLATION', rule: 'seed 004 annex 1 §3.6' }]);
});

test('a retried application with the same key returns the same application and makes no second contract', async () => {
  const input = rehabilitation('CRUTCHES', { requestedDays: 5 });
  const first = await apply(specialist, input);
  const second = await apply(specialist, input);
  expect(second.created).toBe(false);
  expect(second.application.id).toBe(first.application.id);
  expect(second.contract.id).toBe(first.contract.id);
  const [{ n }] = await sql(`select count(*)::int as n from rental_contract where person_id = ?`, [uuidOf(input.personId as string)]);
  expect(n).toBe(1);
});

test('an application without an idempotency key is made; the same key for another person is a CONFLICT', async () => {
  // Bedside tables: Irkutsk has none in stock, so these applications only queue and take nothing from other tests.
  const { idempotencyKey: _none, ...withoutKey } = rehabilitation('BEDSIDE_TABLE', { requestedDays: 3 });
  expect((await apply(specialist, withoutKey)).created).toBe(true);
  const input = rehabilitation('BEDSIDE_TABLE', { requestedDays: 3 });
  await apply(specialist, input);
  const other = await hub.query(specialist, APPLY, { input: { ...input, personId: globalId('Person', randomUUID()) } });
  expect(other.data!.applyForRental.userErrors).toMatchObject([{ code: 'CONFLICT', field: ['input', 'idempotencyKey'] }]);
});

test('an extension beyond 6 months is refused; one within 6 months is priced; a second one is refused (seed 004 annex 1 §3.6)', async () => {
  const { contract } = await apply(specialist, rehabilitation('CRUTCHES', { requestedDays: 30 }));
  const EXTEND = `mutation($input: ExtendRentalContractInput!) { extendRentalContract(input: $input) {
    contract { dueOn feeKopecks extensionsCount } userErrors { code message rule } } }`;
  const tooLong = await hub.query(specialist, EXTEND, { input: { rentalContractId: contract.id, newDueOn: addMonths(contract.dueOn, 7) } });
  expect(tooLong.data!.extendRentalContract.contract).toBeNull();
  expect(tooLong.data!.extendRentalContract.userErrors).toMatchObject([{ code: 'RULE_VIOLATION', rule: 'seed 004 annex 1 §3.6' }]);
  expect(tooLong.data!.extendRentalContract.userErrors[0].message).toMatch(/at most 6 months/);

  const newDueOn = addDays(contract.dueOn, 20);
  const ok = await hub.query(specialist, EXTEND, { input: { rentalContractId: contract.id, newDueOn } });
  expect(ok.errors).toBeUndefined();
  expect(ok.data!.extendRentalContract).toEqual({
    contract: { dueOn: newDueOn, feeKopecks: 3091 * 50, extensionsCount: 1 },
    userErrors: [],
  });

  const again = await hub.query(specialist, EXTEND, { input: { rentalContractId: contract.id, newDueOn: addDays(newDueOn, 5) } });
  expect(again.data!.extendRentalContract.userErrors).toMatchObject([{ code: 'RULE_VIOLATION', rule: 'seed 004 annex 1 §3.6' }]);
});

test('an early return refunds the fee from the day after the actual return, with an acceptance act (seed 004 annex 1 contract §3.3, §2.3.4)', async () => {
  const { contract } = await apply(specialist, rehabilitation('CRUTCHES', { requestedDays: 30 }));
  const result = await hub.query(specialist, RETURN, {
    input: { rentalContractId: contract.id, condition: 'NORMAL_WEAR', acceptanceActNumber: 'АПП-В-1' },
  });
  expect(result.errors).toBeUndefined();
  const returned = result.data!.returnRentalItem.contract;
  // Returned on the day of issue: that day is paid, the 29 days after it are refunded.
  expect(returned).toMatchObject({
    status: 'RETURNED',
    returnedOn: today(),
    refundKopecks: 3091 * 29,
    acceptanceActNumber: 'АПП-В-1',
    returnCondition: 'NORMAL_WEAR',
  });
  expect(returned.renterCharges.totalKopecks).toBe(0);
  expect(returned.item).toMatchObject({ condition: 'WORKING_ORDER', onLoan: false });

  const twice = await hub.query(specialist, RETURN, {
    input: { rentalContractId: contract.id, condition: 'NORMAL_WEAR', acceptanceActNumber: 'АПП-В-2' },
  });
  expect(twice.data!.returnRentalItem).toMatchObject({ contract: null, userErrors: [{ code: 'ILLEGAL_TRANSITION' }] });
});

test('an aid damaged by misuse is withdrawn early and the renter pays repair and transport (seed 004 annex 1 §3.8, §3.9)', async () => {
  const { contract } = await apply(specialist, rehabilitation('CRUTCHES', { requestedDays: 30 }));
  const WITHDRAW = `mutation($input: WithdrawRentalContractInput!) { withdrawRentalContract(input: $input) { settlementRule contract { status withdrawalReason refundKopecks item { condition } renterCharges { repairKopecks transportKopecks totalKopecks } } userErrors { code rule } } }`;
  const refused = await hub.query(specialist, WITHDRAW, {
    input: { rentalContractId: contract.id, reason: 'OTHER', condition: 'WORKING_ORDER', acceptanceActNumber: 'x' },
  });
  expect(refused.data!.withdrawRentalContract).toMatchObject({
    contract: null,
    userErrors: [{ code: 'RULE_VIOLATION', rule: 'seed 004 annex 1 §3.8' }],
  });

  const result = await hub.query(specialist, WITHDRAW, {
    input: {
      rentalContractId: contract.id,
      reason: 'MISUSE',
      condition: 'DAMAGED_BY_MISUSE',
      repairCostKopecks: 120_000,
      transportCostKopecks: 30_000,
      acceptanceActNumber: 'АПП-ИЗ-1',
    },
  });
  expect(result.errors).toBeUndefined();
  expect(result.data!.withdrawRentalContract).toMatchObject({
    settlementRule: 'seed 004 annex 1 §3.9',
    contract: {
      status: 'WITHDRAWN',
      withdrawalReason: 'MISUSE',
      refundKopecks: 3091 * 29,
      item: { condition: 'UNDER_REPAIR' },
      renterCharges: { repairKopecks: 120_000, transportKopecks: 30_000, totalKopecks: 150_000 },
    },
    userErrors: [],
  });
});

test('a veteran is served out of turn: the returned item goes to him before an earlier applicant (seed 004 annex 1 §2.2)', async () => {
  await registerItem(`TEST-WALKER-${randomUUID()}`, 'WALKER_FOLDING', POINT.angarsk);
  const point = { rentalPointId: POINT.angarsk };
  const holder = await apply(specialist, rehabilitation('WALKER_FOLDING', point));
  expect(holder.outcome).toBe('ISSUED');
  const earlier = await apply(specialist, rehabilitation('WALKER_FOLDING', point));
  expect(earlier).toMatchObject({ outcome: 'QUEUED', queuePosition: 1, contract: null });
  const veteran = await apply(specialist, rehabilitation('WALKER_FOLDING', { ...point, priorityCategory: 'GPW_VETERAN' }));
  expect(veteran).toMatchObject({ outcome: 'QUEUED', queuePosition: 1 });

  const queue = await hub.query(
    specialist,
    `query($p: ID!) { rentalQueue(rentalPointId: $p, aidCode: "WALKER_FOLDING") { totalCount edges { node { position outOfTurn application { personId } } } } }`,
    { p: POINT.angarsk },
  );
  expect(queue.data!.rentalQueue.totalCount).toBe(2);
  expect(queue.data!.rentalQueue.edges.map(({ node: e }: any) => [e.position, e.outOfTurn, e.application.personId])).toEqual([
    [1, true, veteran.application.personId],
    [2, false, earlier.application.personId],
  ]);

  const returned = await hub.query(specialist, RETURN, {
    input: { rentalContractId: holder.contract.id, condition: 'WORKING_ORDER', acceptanceActNumber: 'АПП-В-3' },
  });
  expect(returned.errors).toBeUndefined();
  // The veteran is not there: the item is reserved for him, not lent (issue 15 §5.5; seed 004 annex 1 §3.2, §3.7).
  expect(returned.data!.returnRentalItem.nextReservation).toMatchObject({
    personId: veteran.application.personId,
    status: 'RESERVED',
    reservation: { reservedOn: today(), lapsed: false },
  });
  const after = await hub.query(
    specialist,
    `query($p: ID!) { rentalQueue(rentalPointId: $p, aidCode: "WALKER_FOLDING") { edges { node { position application { personId status } } } } }`,
    { p: POINT.angarsk },
  );
  expect(after.data!.rentalQueue.edges).toEqual([
    { node: { position: 1, application: { personId: earlier.application.personId, status: 'QUEUED' } } },
  ]);

  // The earlier applicant gives up waiting: the application leaves the queue, once.
  const WITHDRAW_APPLICATION = `mutation($input: WithdrawRentalApplicationInput!) { withdrawRentalApplication(input: $input) { application { status } userErrors { code } } }`;
  const input = { rentalApplicationId: earlier.application.id };
  const left = await hub.query(specialist, WITHDRAW_APPLICATION, { input });
  expect(left.data!.withdrawRentalApplication).toEqual({ application: { status: 'WITHDRAWN' }, userErrors: [] });
  expect((await hub.query(specialist, WITHDRAW_APPLICATION, { input })).data!.withdrawRentalApplication).toEqual({
    application: null,
    userErrors: [{ code: 'ILLEGAL_TRANSITION' }],
  });
  const empty = await hub.query(
    specialist,
    `query($p: ID!) { rentalQueue(rentalPointId: $p, aidCode: "WALKER_FOLDING") { totalCount edges { node { position } } } }`,
    { p: POINT.angarsk },
  );
  expect(empty.data!.rentalQueue).toEqual({ totalCount: 0, edges: [] });
});

test('50 coordinators booking the last free item at once make exactly one contract and 49 queue entries (seed 004 annex 1 §3.3)', async () => {
  const aidCode = 'RAMP_TELESCOPIC_3_SECTION';
  const item = await registerItem(`TEST-RAMP-${randomUUID()}`, aidCode, POINT.angarsk);
  const inputs = Array.from({ length: 50 }, () => rehabilitation(aidCode, { rentalPointId: POINT.angarsk }));
  const started = Date.now();
  const answers = await Promise.all(inputs.map((input, i) => hub.query(i % 2 ? coordinator : otherCoordinator, APPLY, { input })));
  const elapsed = Date.now() - started;
  for (const answer of answers) expect([answer.errors, answer.data?.applyForRental.userErrors]).toEqual([undefined, []]);
  const outcomes = answers.map((a) => a.data!.applyForRental.outcome);
  expect(outcomes.filter((o) => o === 'ISSUED')).toHaveLength(1);
  expect(outcomes.filter((o) => o === 'QUEUED')).toHaveLength(49);

  const [counts] = await sql(
    `select (select count(*)::int from rental_contract where item_id = ?) as contracts,
            (select count(*)::int from rental_application where aid_code = ? and rental_point_id = ?) as applications,
            (select count(*)::int from rental_application where aid_code = ? and rental_point_id = ? and status = 'QUEUED') as queued,
            (select count(distinct person_id)::int from rental_application where aid_code = ? and rental_point_id = ?) as persons`,
    [uuidOf(item.id), aidCode, DEMO_RENTAL_POINTS.angarsk, aidCode, DEMO_RENTAL_POINTS.angarsk, aidCode, DEMO_RENTAL_POINTS.angarsk],
  );
  expect(counts).toEqual({ contracts: 1, applications: 50, queued: 49, persons: 50 });
  const winner = answers.find((a) => a.data!.applyForRental.outcome === 'ISSUED')!.data!.applyForRental;
  expect(winner.contract.item.mark).toBe(item.mark);
  // The queue holds every loser exactly once, in order 1..49, read in keyset pages of 20.
  const entries: any[] = [];
  let after: string | null = null;
  do {
    const page: any = await hub.query(
      specialist,
      `query($p: ID!, $after: String) { rentalQueue(rentalPointId: $p, aidCode: "${aidCode}", first: 20, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { position application { personId } } } } }`,
      { p: POINT.angarsk, after },
    );
    expect(page.data.rentalQueue.totalCount).toBe(49);
    entries.push(...page.data.rentalQueue.edges.map((e: any) => e.node));
    after = page.data.rentalQueue.pageInfo.hasNextPage ? page.data.rentalQueue.pageInfo.endCursor : null;
  } while (after);
  const queuedPeople = entries.map((e: any) => e.application.personId);
  expect(new Set(queuedPeople).size).toBe(49);
  expect(queuedPeople).not.toContain(winner.application.personId);
  expect(entries.map((e: any) => e.position)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));

  const capacity = await hub.query(coordinator, `query($p: ID!) { rentalPoint(id: $p) { capacity { aidCode total available queued } } }`, {
    p: POINT.angarsk,
  });
  expect(capacity.data!.rentalPoint.capacity.find((c: any) => c.aidCode === aidCode)).toEqual({
    aidCode,
    total: 1,
    available: 0,
    queued: 49,
  });
  console.log(`rental-fund concurrency: 50 concurrent bookings of 1 item in ${elapsed} ms → 1 contract, 49 queued`);

  // A second ramp taken into stock is reserved for the head of the queue at once (§2.2; issue 15 §5.5: the contract waits
  // for the day the person comes), and the queue shrinks by one.
  const second = await registerItem(`TEST-RAMP-${randomUUID()}`, aidCode, POINT.angarsk);
  expect(second.onLoan).toBe(true);
  const [served] = await sql(`select person_id, status from rental_application where reserved_item_id = ?`, [uuidOf(second.id)]);
  expect(globalId('Person', served.person_id)).toBe(queuedPeople[0]);
  expect(served.status).toBe('RESERVED');
  const [{ n }] = await sql(`select count(*)::int as n from rental_application where aid_code = ? and status = 'QUEUED'`, [aidCode]);
  expect(n).toBe(48);
}, 60_000);

test('capacity per aid type is counted for each point (HSDS service_capacity): Irkutsk lends its demo wheelchair to Artyom', async () => {
  const result = await hub.query(
    specialist,
    `query { rentalPoints(territoryOktmo: "25701000") { name territoryOktmo latitude longitude openingHours organizationId capacity { aidCode total available queued aidKind { name tariffKopecks } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const [point] = result.data!.rentalPoints;
  expect(point).toMatchObject({
    territoryOktmo: '25701000',
    organizationId: globalId('Organization', DEMO_ORGANIZATIONS.irkutskRentalPoint.id),
  });
  const bed = point.capacity.find((c: any) => c.aidCode === 'BED_MULTIFUNCTION_ELECTRIC');
  // one in working order, one under repair: both count in the total, only one is available
  expect(bed).toMatchObject({ total: 2, available: 1, queued: 0, aidKind: { tariffKopecks: 4489 } });
});

test('the nearest points with a free wheelchair are found from a place, nearest first, with the operating organization from the directory', async () => {
  // From Angarsk: the Angarsk point (~0 km) comes before Irkutsk (~40 km).
  const result = await hub.query(
    coordinator,
    `query { nearestRentalPoints(aidCode: "WHEELCHAIR_MANUAL", latitude: 52.54, longitude: 103.89) {
    available distanceKm rentalPoint { id organization { id name } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const found = result.data!.nearestRentalPoints;
  expect(found.map((f: any) => f.rentalPoint.id)).toEqual([POINT.angarsk, POINT.irkutsk]);
  expect(found[0].distanceKm).toBeLessThan(1);
  expect(found[1].distanceKm).toBeGreaterThan(30);
  expect(found[1].distanceKm).toBeLessThan(60);
  expect(found[0].rentalPoint.organization).toEqual({
    id: globalId('Organization', DEMO_ORGANIZATIONS.angarskRentalPoint.id),
    name: DEMO_ORGANIZATIONS.angarskRentalPoint.name,
  });
});

test("a coordinator sees Artyom's free wheelchair in the route, due back in 5 days (RENTAL_DUE_SOON)", async () => {
  const result = await hub.query(
    coordinator,
    `query { family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { members { person { id
    rentalContracts { edges { node { free deliveryRequired dueOn overdue rentalPoint { id } } } }
    rentalFundRoute { agency steps { kind status dueOn organizationId followsFrom recordType } alerts { code severity } } } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const artyom = result
    .data!.family.members.map((m: any) => m.person)
    .find((p: any) => p.id === globalId('Person', DEMO_PEOPLE.artyomIvanov.id));
  expect(artyom.rentalContracts.edges).toEqual([
    { node: { free: true, deliveryRequired: true, dueOn: day(5), overdue: false, rentalPoint: { id: POINT.irkutsk } } },
  ]);
  const contractStep = artyom.rentalFundRoute.steps.find((s: any) => s.kind === 'RENTAL_CONTRACT');
  expect(contractStep).toMatchObject({
    status: 'IN_PROGRESS',
    dueOn: day(5),
    organizationId: globalId('Organization', DEMO_ORGANIZATIONS.irkutskRentalPoint.id),
    recordType: 'RentalContract',
  });
  expect(contractStep.followsFrom).toHaveLength(1);
  expect(artyom.rentalFundRoute.steps.map((s: any) => s.kind)).toEqual(['RENTAL_APPLICATION', 'RENTAL_CONTRACT']);
  expect(artyom.rentalFundRoute.alerts).toEqual([{ code: 'RENTAL_DUE_SOON', severity: 'WARNING' }]);
});

test('the rental part of a family route costs a fixed number of SQL statements, however many members ask', async () => {
  const routeQuery = (family: string) =>
    `query { family(id: "${globalId('Family', family)}") { members { person { rentalFundRoute { steps { id title } alerts { code } } } } } }`;
  const before = hub.sqlStatements()['rental-fund'];
  const result = await hub.query(coordinator, routeQuery(DEMO_FAMILIES.ivanov));
  expect(result.errors).toBeUndefined();
  const used = hub.sqlStatements()['rental-fund'] - before;
  // applications, contracts, rental points, aid types (one statement each for all members) + the audit insert
  expect(used).toBeLessThanOrEqual(5);
});

test("without consent a coordinator cannot read Nina Smirnova's rentals (seed 001 §1.5)", async () => {
  const result = await hub.query(
    otherCoordinator,
    `query { family(id: "${globalId('Family', DEMO_FAMILIES.smirnova)}") { members { person { rentalContracts { totalCount } } } } }`,
  );
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['CONSENT_REQUIRED']);
});

test("Nina Smirnova's bed, due back 3 days ago and not returned, is overdue for the rental specialist (seed 004 annex 1 §4.3)", async () => {
  const result = await hub.query(
    specialist,
    `query($p: ID!) { rentalContracts(rentalPointId: $p, overdueOnly: true) { edges { node { personId dueOn overdue item { mark } } } } }`,
    { p: POINT.angarsk },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.rentalContracts.edges.map((e: any) => e.node)).toContainEqual({
    personId: globalId('Person', DEMO_PEOPLE.ninaSmirnova.id),
    dueOn: day(-3),
    overdue: true,
    item: { mark: 'АНГ-BED_MULTIFUNCTION_ELECTRIC-001' },
  });
});

test('rentalContracts pages by keyset, newest issue first: every contract once, in order, and the same total on every page', async () => {
  const PAGE = `query($p: ID!, $after: String) { rentalContracts(rentalPointId: $p, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id issuedOn } } } }`;
  const seen: { id: string; issuedOn: string }[] = [];
  let after: string | null = null;
  let total = -1;
  do {
    const page: any = (await hub.query(specialist, PAGE, { p: POINT.irkutsk, after })).data!.rentalContracts;
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (total >= 0) expect(page.totalCount).toBe(total);
    total = page.totalCount;
    seen.push(...page.edges.map((e: any) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toHaveLength(total);
  expect(new Set(seen.map((c) => c.id)).size).toBe(total);
  const days = seen.map((c) => c.issuedOn);
  expect(days).toEqual([...days].sort().reverse());
  const tooMany = await hub.query(specialist, `query { rentalContracts(first: 101) { totalCount } }`);
  expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test('the issue and movement journals are read from applications and contracts (seed 004 annex 1 annexes 2 and 4)', async () => {
  // Up to yesterday: the demo's rentals (the bed 92 days ago, the bedside table 7), not what other tests issue today.
  const result = await hub.query(
    specialist,
    `query($p: ID!, $from: LocalDate!, $to: LocalDate!) {
    issueJournal(rentalPointId: $p, period: { startsOn: $from, endsOn: $to }) { totalCount edges { node { number appliedOn neededAidCode issuedItemMark contractNumber period { startsOn endsOn } delivered status person { id } application { status } } } }
    movementJournal(rentalPointId: $p, period: { endsOn: $to }) { totalCount edges { node { number aidName itemMark issuedOn dueOn returnedOn personId contract { status } } } } }`,
    { p: POINT.angarsk, from: day(-100), to: day(-1) },
  );
  expect(result.errors).toBeUndefined();
  const issue = result.data!.issueJournal.edges.map((e: any) => e.node);
  expect(issue).toEqual([
    {
      number: 1,
      appliedOn: day(-92),
      neededAidCode: 'BED_MULTIFUNCTION_ELECTRIC',
      issuedItemMark: 'АНГ-BED_MULTIFUNCTION_ELECTRIC-001',
      contractNumber: expect.any(String),
      period: { startsOn: day(-92), endsOn: day(-3) },
      delivered: true,
      status: 'ISSUED',
      person: { id: globalId('Person', DEMO_PEOPLE.ninaSmirnova.id) },
      application: { status: 'ISSUED' },
    },
    {
      number: 2,
      appliedOn: day(-7),
      neededAidCode: 'BEDSIDE_TABLE',
      issuedItemMark: null,
      contractNumber: null,
      period: null,
      delivered: false,
      status: 'QUEUED',
      person: { id: globalId('Person', DEMO_PEOPLE.ninaSmirnova.id) },
      application: { status: 'QUEUED' },
    },
  ]);
  expect(result.data!.movementJournal.edges.map((e: any) => e.node)).toEqual([
    {
      number: 1,
      aidName: 'Кровать многофункциональная с электроприводом',
      itemMark: 'АНГ-BED_MULTIFUNCTION_ELECTRIC-001',
      issuedOn: day(-92),
      dueOn: day(-3),
      returnedOn: null,
      personId: globalId('Person', DEMO_PEOPLE.ninaSmirnova.id),
      contract: { status: 'ACTIVE' },
    },
  ]);

  // The second page of the issue journal starts after the first line and numbers on from it.
  const PAGE = `query($p: ID!, $from: LocalDate!, $to: LocalDate!, $after: String) {
    issueJournal(rentalPointId: $p, period: { startsOn: $from, endsOn: $to }, first: 1, after: $after) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { number neededAidCode } } } }`;
  const vars = { p: POINT.angarsk, from: day(-100), to: day(-1) };
  const first = (await hub.query(specialist, PAGE, vars)).data!.issueJournal;
  expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  const second = (await hub.query(specialist, PAGE, { ...vars, after: first.pageInfo.endCursor })).data!.issueJournal;
  expect(second).toMatchObject({
    totalCount: 2,
    pageInfo: { hasNextPage: false, hasPreviousPage: true },
    edges: [{ node: { number: 2, neededAidCode: 'BEDSIDE_TABLE' } }],
  });
  const bad = await hub.query(specialist, PAGE, { ...vars, after: 'not-a-cursor' });
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test('the yearly demand plan is counted per aid type and due before 1 May (seed 004 annex 1 §5.1)', async () => {
  // The plan sent in the year after Nina's bed was issued (92 days ago) counts that issue as last year's.
  const bedYear = Number(day(-92).slice(0, 4));
  const result = await hub.query(
    specialist,
    `query($p: ID!, $y: Int!) { demandPlan(year: $y, rentalPointId: $p) { forYear dueOn rule lines { aidCode issuedLastYear queued stock additionalUnits } } }`,
    { p: POINT.angarsk, y: bedYear + 1 },
  );
  expect(result.errors).toBeUndefined();
  const plan = result.data!.demandPlan;
  expect(plan).toMatchObject({ forYear: bedYear + 2, dueOn: `${bedYear + 1}-05-01`, rule: 'seed 004 annex 1 §5.1' });
  // Bedside tables: one under repair in stock, Nina waits for one, none issued last year → nothing to buy yet.
  expect(plan.lines.find((l: any) => l.aidCode === 'BEDSIDE_TABLE')).toEqual({
    aidCode: 'BEDSIDE_TABLE',
    issuedLastYear: 0,
    queued: 1,
    stock: 1,
    additionalUnits: 0,
  });
  // Multifunction beds: Nina's bed issued last year + 0 queued − 2 in stock.
  expect(plan.lines.find((l: any) => l.aidCode === 'BED_MULTIFUNCTION_ELECTRIC')).toMatchObject({
    issuedLastYear: 1,
    stock: 2,
    additionalUnits: 0,
  });
});

test('the rental fund refuses its contracts to other agencies and to analysts', async () => {
  const health = await hub.token({ role: 'SPECIALIST', agency: 'HEALTH' });
  const analyst = await hub.token({ role: 'ANALYST' });
  for (const token of [health, analyst]) {
    const result = await hub.query(token, `query { rentalContracts(first: 5) { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
});

test('reloading the demo data adds nothing twice and leaves the work done since untouched', async () => {
  const snapshot = () =>
    sql(`select (select count(*)::int from rental_point) as points, (select count(*)::int from rental_item) as items,
                (select count(*)::int from rental_item where on_loan) as on_loan, (select count(*)::int from rental_application) as applications,
                (select count(*)::int from rental_contract) as contracts, (select count(*)::int from aid_type) as aid_types`);
  const before = await snapshot();
  const em = hub.subgraphs['rental-fund'].database.orm.em.fork();
  await rentalFund.loadReferenceData!(em);
  await rentalFund.loadDemoData!(em.fork());
  expect(await snapshot()).toEqual(before);
  expect(before[0].aid_types).toBe(8);
});

test('loading the demo on a later day re-lays its rentals from that day, except those worked on since', async () => {
  const contract = (key: string) =>
    sql(
      `select issued_on::text, due_on::text, status from rental_contract where id = (select id from rental_contract where contract_number like ?)`,
      [`%-${key}`],
    );
  // Work done on Artyom's contract since the demo was loaded: it was extended.
  await sql(`update rental_contract set extensions_count = 1 where contract_number like '%-ARTYOM-WHEELCHAIR'`);
  const artyomBefore = await contract('ARTYOM-WHEELCHAIR');
  const loadedAt = now();
  try {
    setClock({ at: day(30) });
    await rentalFund.loadDemoData!(hub.subgraphs['rental-fund'].database.orm.em.fork());
  } finally {
    setClock({ at: loadedAt });
  }
  // Nina's untouched contract is again 3 days overdue, counted from the later day; Artyom's keeps its dates.
  expect(await contract('NINA-BED')).toEqual([{ issued_on: day(30 - 92), due_on: day(30 - 3), status: 'ACTIVE' }]);
  expect(await contract('ARTYOM-WHEELCHAIR')).toEqual(artyomBefore);
});

describe('a returned aid is reserved for the next in the queue, who is notified and gets the contract on the day they come (issue 15 §5.5)', () => {
  const RESERVATION_OF = `query($id: ID!) { node(id: $id) { ... on RentalApplication { status reservation { dueOn lapsed notice item { mark onLoan } } } } }`;

  async function queueBehindHolder(aidCode: string, waiting: number) {
    const mark = `TEST-${aidCode}-${randomUUID()}`;
    await registerItem(mark, aidCode, POINT.angarsk);
    const point = { rentalPointId: POINT.angarsk };
    const holder = await apply(specialist, rehabilitation(aidCode, point));
    expect(holder.outcome).toBe('ISSUED');
    const queued = [];
    for (let i = 0; i < waiting; i++) queued.push(await apply(specialist, rehabilitation(aidCode, point)));
    return { mark, holder, queued };
  }

  test('the returned item waits for the person, notified of where and by when to come; on that day the contract is signed and the aid handed over (seed 004 annex 1 §3.2, §3.4)', async () => {
    const { mark, holder, queued } = await queueBehindHolder('BED_MULTIFUNCTION_4_SECTION_ELECTRIC', 1);
    const returned = await hub.query(specialist, RETURN, {
      input: { rentalContractId: holder.contract.id, condition: 'NORMAL_WEAR', acceptanceActNumber: 'АПП-Р-1' },
    });
    expect(returned.errors).toBeUndefined();
    const reserved = returned.data!.returnRentalItem.nextReservation;
    expect(reserved).toMatchObject({
      id: queued[0].application.id,
      status: 'RESERVED',
      reservation: { reservedOn: today(), lapsed: false, item: { mark, onLoan: true } },
    });
    expect(reserved.reservation.dueOn > today()).toBe(true);
    expect(reserved.reservation.notice).toContain(mark);
    // No contract was made in the person's absence.
    expect(await sql('select count(*)::int as n from rental_contract where application_id = ?', [uuidOf(reserved.id)])).toEqual([{ n: 0 }]);
    const issued = await hub.query(specialist, ISSUE_RESERVED, { input: { rentalApplicationId: reserved.id } });
    expect(issued.errors).toBeUndefined();
    expect(issued.data!.issueReservedItem).toMatchObject({
      contract: { status: 'ACTIVE', signedOn: today(), issuedOn: today(), item: { mark, onLoan: true } },
      userErrors: [],
    });
    const again = await hub.query(specialist, ISSUE_RESERVED, { input: { rentalApplicationId: reserved.id } });
    expect(again.data!.issueReservedItem.userErrors).toEqual([{ code: 'ILLEGAL_TRANSITION', rule: null }]);
  });

  test('a reservation lapses after the point’s term, and the item goes to the next in the queue; the lapsed one is refused (RULE_VIOLATION)', async () => {
    const term = await hub.query(
      specialist,
      `mutation($input: SetReservationTermInput!) { setReservationTerm(input: $input) { rentalPoint { reservationTermWorkingDays } userErrors { code } } }`,
      { input: { rentalPointId: POINT.angarsk, workingDays: 2 } },
    );
    expect(term.data!.setReservationTerm).toEqual({ rentalPoint: { reservationTermWorkingDays: 2 }, userErrors: [] });
    const { mark, holder, queued } = await queueBehindHolder('WALKER_FOLDING', 2);
    const returned = await hub.query(specialist, RETURN, {
      input: { rentalContractId: holder.contract.id, condition: 'WORKING_ORDER', acceptanceActNumber: 'АПП-Р-2' },
    });
    const first = returned.data!.returnRentalItem.nextReservation;
    expect(first).toMatchObject({ id: queued[0].application.id, status: 'RESERVED' });
    const dueOn: string = first.reservation.dueOn;

    const loadedAt = now();
    try {
      // The last day still holds; the day after, the reservation has lapsed (evaluated on the next write, and on read).
      setClock({ at: `${dueOn}T12:00:00+08:00` });
      expect((await hub.query(specialist, RESERVATION_OF, { id: first.id })).data!.node.reservation.lapsed).toBe(false);
      setClock({ at: `${addDays(dueOn, 1)}T12:00:00+08:00` });
      expect((await hub.query(specialist, RESERVATION_OF, { id: first.id })).data!.node.reservation.lapsed).toBe(true);
      const late = await hub.query(specialist, ISSUE_RESERVED, { input: { rentalApplicationId: first.id } });
      expect(late.data!.issueReservedItem).toMatchObject({ contract: null, userErrors: [{ code: 'RULE_VIOLATION' }] });
      expect((await hub.query(specialist, RESERVATION_OF, { id: first.id })).data!.node.status).toBe('RESERVATION_LAPSED');
      const second = await hub.query(specialist, RESERVATION_OF, { id: queued[1].application.id });
      expect(second.data!.node).toMatchObject({ status: 'RESERVED', reservation: { lapsed: false, item: { mark, onLoan: true } } });
    } finally {
      setClock({ at: loadedAt });
      await hub.query(
        specialist,
        `mutation($input: SetReservationTermInput!) { setReservationTerm(input: $input) { userErrors { code } } }`,
        {
          input: { rentalPointId: POINT.angarsk, workingDays: 3 },
        },
      );
    }
  });

  test('a person who declines the reserved item withdraws, and the item is reserved for the next in the queue at once', async () => {
    const { mark, holder, queued } = await queueBehindHolder('RAMP_TELESCOPIC_2_SECTION', 2);
    const returned = await hub.query(specialist, RETURN, {
      input: { rentalContractId: holder.contract.id, condition: 'WORKING_ORDER', acceptanceActNumber: 'АПП-Р-3' },
    });
    const first = returned.data!.returnRentalItem.nextReservation;
    expect(first.id).toBe(queued[0].application.id);
    const declined = await hub.query(
      specialist,
      `mutation($input: WithdrawRentalApplicationInput!) { withdrawRentalApplication(input: $input) { application { status } userErrors { code } } }`,
      { input: { rentalApplicationId: first.id } },
    );
    expect(declined.data!.withdrawRentalApplication).toEqual({ application: { status: 'WITHDRAWN' }, userErrors: [] });
    const second = await hub.query(specialist, RESERVATION_OF, { id: queued[1].application.id });
    expect(second.data!.node).toMatchObject({ status: 'RESERVED', reservation: { item: { mark, onLoan: true } } });
  });

  test('only a rental fund specialist sets the term or issues a reserved item', async () => {
    const result = await hub.query(
      coordinator,
      `mutation { setReservationTerm(input: { rentalPointId: "${POINT.angarsk}", workingDays: 5 }) { userErrors { code } } }`,
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
