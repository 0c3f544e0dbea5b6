import { randomUUID } from 'node:crypto';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { IdentitySigner, type Identity } from '../../subgraphs/kit/platform/identity';
import { DEMO_RENTAL_POINTS } from '../../subgraphs/rental-fund/data/demo-data';
import { rentalFund } from '../../subgraphs/rental-fund/subgraph';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { sendToSubgraph } from '../support/capture-proxy';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * The rental fund's records are entities (CONVENTIONS §7.4): a reference is resolved in one statement per type and
 * request, under the same rule as the record's own query (contracts and applications for the fund's specialists,
 * rental points for everyone), audited like it.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ modules: [socialProtection, rentalFund] });
}, 120_000);
afterAll(() => hub?.stop());

const sql = <T = any>(query: string, params: unknown[] = []) =>
  hub.subgraphs['rental-fund'].database.orm.em.fork().getConnection().execute<T[]>(query, params);

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on RentalContract { id contractNumber personId }
  ... on RentalApplication { id status }
  ... on RentalPoint { id name }
  ... on RentalItem { id mark } } }`;

function identity(role: Identity['role'], agency: string | null, requestId: string): Identity {
  return {
    subject: `${role.toLowerCase()}-references-test`,
    role,
    organizationId: DEMO_ORGANIZATIONS.angarskRentalPoint.id,
    territoryOktmo: null,
    agency,
    grants: [],
    requestId,
  } as Identity;
}

async function resolve(role: Identity['role'], agency: string | null, representations: { __typename: string; id: string }[]) {
  const requestId = randomUUID();
  const body = JSON.stringify({ query: ENTITIES, variables: { r: representations } });
  const url = hub.subgraphs['rental-fund'].url;
  const before = hub.sqlStatements()['rental-fund'];
  const answer = await sendToSubgraph(
    url,
    new IdentitySigner(hub.keys.gateway.privateJwk).sign(identity(role, agency, requestId), 'rental-fund', body),
    body,
  );
  const audit = await sql<{ operation: string; action: string }>(
    'select operation, action from audit_record where request_id = ? order by operation',
    [requestId],
  );
  return { ...answer.body, statements: hub.sqlStatements()['rental-fund'] - before, audit };
}

test('contracts, applications and points resolve by reference for a rental specialist, one statement per type, audited', async () => {
  const contracts = await sql<{ id: string; application_id: string; contract_number: string }>(
    'select id, application_id, contract_number from rental_contract where person_id = ? order by issued_on',
    [DEMO_PEOPLE.ninaSmirnova.id],
  );
  expect(contracts.length).toBeGreaterThan(0);
  const representations = [
    ...contracts.map((c) => ({ __typename: 'RentalContract', id: globalId('RentalContract', c.id) })),
    ...contracts.map((c) => ({ __typename: 'RentalApplication', id: globalId('RentalApplication', c.application_id) })),
    { __typename: 'RentalPoint', id: globalId('RentalPoint', DEMO_RENTAL_POINTS.angarsk) },
    { __typename: 'RentalContract', id: globalId('RentalContract', randomUUID()) },
  ];
  const answer = await resolve('SPECIALIST', 'RENTAL_FUND', representations);
  expect(answer.errors).toBeUndefined();
  const entities = answer.data._entities;
  expect(entities.slice(0, contracts.length)).toEqual(
    contracts.map((c) => ({
      __typename: 'RentalContract',
      id: globalId('RentalContract', c.id),
      contractNumber: c.contract_number,
      personId: globalId('Person', DEMO_PEOPLE.ninaSmirnova.id),
    })),
  );
  expect(entities[contracts.length]).toMatchObject({
    __typename: 'RentalApplication',
    id: globalId('RentalApplication', contracts[0].application_id),
  });
  expect(entities.at(-2)).toMatchObject({ __typename: 'RentalPoint', id: globalId('RentalPoint', DEMO_RENTAL_POINTS.angarsk) });
  // A record that does not exist is null, like the query answers it.
  expect(entities.at(-1)).toBeNull();
  // Contracts, applications and points: one SELECT each (they may travel together) and the audit trail's write, never
  // one statement per reference: one contract costs what all of them cost.
  expect(answer.statements).toBeLessThanOrEqual(5);
  const one = await resolve('SPECIALIST', 'RENTAL_FUND', [representations[0], representations[contracts.length], representations.at(-2)!]);
  expect(one.statements).toBe(answer.statements);
  expect(answer.audit.map((a: any) => a.operation)).toEqual(expect.arrayContaining(['RentalApplication', 'RentalContract']));
});

test('another agency and an analyst are refused a contract by reference with FORBIDDEN, as by rentalContracts; a point is open', async () => {
  const [contract] = await sql<{ id: string }>('select id from rental_contract limit 1');
  for (const [role, agency] of [
    ['SPECIALIST', 'HEALTH'],
    ['ANALYST', null],
    ['COORDINATOR', null],
  ] as const) {
    const refused = await resolve(role, agency, [{ __typename: 'RentalContract', id: globalId('RentalContract', contract.id) }]);
    expect(refused.data?._entities?.[0] ?? null).toBeNull();
    expect(refused.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const point = await resolve(role, agency, [{ __typename: 'RentalPoint', id: globalId('RentalPoint', DEMO_RENTAL_POINTS.irkutsk) }]);
    expect(point.errors).toBeUndefined();
    expect(point.data._entities[0]).toMatchObject({ id: globalId('RentalPoint', DEMO_RENTAL_POINTS.irkutsk) });
  }
});
