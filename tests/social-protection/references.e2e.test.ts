import { randomUUID } from 'node:crypto';
import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { IdentitySigner, type Identity } from '../../subgraphs/kit/platform/identity';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { sendToSubgraph } from '../support/capture-proxy';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * CONVENTIONS §7.4 (issue 20): a record a client refetches by id (a route step's record, `node(id:)`) is resolved by
 * social protection's reference resolvers under the same policy as the field that shows it: the coordinator running
 * the case gets it, a coordinator of another operator organization gets FORBIDDEN; a batch is one statement.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ modules: [socialProtection] });
});
afterAll(() => hub?.stop());

const sql = async <T>(query: string) => hub.subgraphs['social-protection'].database.orm.em.fork().getConnection().execute<T[]>(query);

async function entities(organizationId: string, representations: object[], select: string) {
  const identity: Identity = {
    subject: `coordinator-${organizationId.slice(0, 4)}`,
    role: 'COORDINATOR',
    organizationId,
    territoryOktmo: null,
    agency: null,
    grants: [],
    requestId: randomUUID(),
  } as Identity;
  const body = JSON.stringify({
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ${select} } }`,
    variables: { r: representations },
  });
  const url = hub.subgraphs['social-protection'].url;
  const { body: answer } = await sendToSubgraph(
    url,
    new IdentitySigner(hub.keys.gateway.privateJwk).sign(identity, 'social-protection', body),
    body,
  );
  return answer as { data?: { _entities: any[] }; errors?: { extensions?: { code?: string } }[] };
}

test('a support case and its transitions are refetched by the coordinator running the case, refused to another organization', async () => {
  const [c] = await sql<{ id: string }>(
    `select id from support_case where operator_organization_id = '${ORG.irkutskOperator.id}' order by id limit 1`,
  );
  const transitions = await sql<{ id: string }>(`select id from stage_transition where case_id = '${c.id}'`);
  const representations = [
    { __typename: 'SupportCase', id: globalId('SupportCase', c.id) },
    ...transitions.map((t) => ({ __typename: 'StageTransition', id: globalId('StageTransition', t.id) })),
  ];
  const select = '... on SupportCase { id stage } ... on StageTransition { id toStage }';
  const own = await entities(ORG.irkutskOperator.id, representations, select);
  expect(own.errors).toBeUndefined();
  expect(own.data!._entities).toHaveLength(representations.length);
  expect(own.data!._entities[0]).toMatchObject({ id: globalId('SupportCase', c.id) });

  const foreign = await entities(ORG.angarskOperator.id, representations, select);
  expect(foreign.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  expect((foreign.data?._entities ?? []).every((e) => e === null)).toBe(true);
});

test('a family is refetched by its operator organization only', async () => {
  const [f] = await sql<{ id: string }>(`select id from family where operator_organization_id = '${ORG.irkutskOperator.id}' limit 1`);
  const representation = [{ __typename: 'Family', id: globalId('Family', f.id) }];
  const own = await entities(ORG.irkutskOperator.id, representation, '... on Family { id displayName }');
  expect(own.data!._entities[0]).toMatchObject({ id: globalId('Family', f.id) });
  const foreign = await entities(ORG.bratskOperator.id, representation, '... on Family { id displayName }');
  expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
