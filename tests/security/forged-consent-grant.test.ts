import { randomUUID } from 'node:crypto';
import { ConsentGrantIssuer, type ConsentGrant } from '../../subgraphs/kit/policy/consent-grant';
import { DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { IdentitySigner, type Identity } from '../../subgraphs/kit/platform/identity';
import { generateSigningKeyPair } from '../../subgraphs/kit/platform/signing-keys';
import { sendToSubgraph } from '../support/capture-proxy';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 13 §3: the consent decision cannot be forged on the way. The attacker here is stronger than the issue's:
 * it signs identities with the gateway's own key, so only social protection's signature on the grant stands
 * between it and the IPRA of Nina Smirnova, who has given no consent to exchange with health.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const nina = DEMO_PEOPLE.ninaSmirnova.id;
const coordinatorSubject = 'coordinator-angarsk';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { activeIpra { number } healthRoute { withheld { code } steps { kind } } } } }`;

/** The grant social protection would give: `overrides` make it someone else's, or an older one. */
function genuineGrant(requestId: string, overrides: Partial<ConsentGrant> = {}, at = Date.now()): string {
  return new ConsentGrantIssuer(hub.keys.consent.privateJwk).issue(
    { personId: nina, caller: coordinatorSubject, requestId, agencies: ['HEALTH'], ...overrides },
    at,
  );
}

/** Asks health for Nina's records with the given grant, as the coordinator of her family, in a request of its own. */
async function askHealth(grant: (requestId: string) => string | null) {
  const requestId = randomUUID();
  const identity: Identity = {
    subject: coordinatorSubject,
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.angarskOperator.id,
    territoryOktmo: DEMO_ORGANIZATIONS.angarskOperator.oktmo,
    agency: null,
    grants: [],
    requestId,
  };
  const agencyAccess = { inScope: true, consentedAgencies: ['HEALTH'], grant: grant(requestId) };
  // The gateway sends the person's API id (a global id); the grant names the person by her uuid.
  const body = JSON.stringify({
    query: ENTITIES,
    variables: { r: [{ __typename: 'Person', id: globalId('Person', nina), agencyAccess }] },
  });
  const { status, body: answer } = await sendToSubgraph(
    hub.subgraphs.health.url,
    new IdentitySigner(hub.keys.gateway.privateJwk).sign(identity, 'health', body),
    body,
  );
  const audit = await hub.subgraphs.health.database.orm.em
    .fork()
    .getConnection()
    .execute<{ action: string; reason: string | null; operation: string }[]>(
      'select action, reason, operation from audit_record where request_id = ? order by operation',
      [requestId],
    );
  const person = answer.data?._entities?.[0];
  return {
    status,
    ipra: person?.activeIpra ?? null,
    route: person?.healthRoute ?? null,
    codes: (answer.errors ?? []).map((e: any) => `${e.path?.at(-1)}: ${e.extensions?.code}`).sort(),
    audit: audit.map((a) => `${a.operation} ${a.action} ${a.reason ?? ''}`.trim()),
  };
}

const REFUSED = {
  status: 200,
  ipra: null,
  route: null,
  codes: ['activeIpra: FORBIDDEN', 'healthRoute: FORBIDDEN'],
  audit: ['Person.activeIpra DENIED FORBIDDEN', 'Person.healthRoute DENIED FORBIDDEN'],
};

test("social protection's own grant opens Nina's health records to her coordinator, and the reads are audited", async () => {
  const answer = await askHealth((rid) => genuineGrant(rid));
  expect(answer.codes).toEqual([]);
  expect(answer.ipra).not.toBeNull();
  expect(answer.route.withheld).toBeNull();
  expect(answer.audit).toEqual(['Person.activeIpra READ', 'Person.healthRoute READ']);
});

test('a hand-made agencyAccess with no grant is refused and audited as a denial', async () => {
  expect(await askHealth(() => null)).toEqual(REFUSED);
});

test('a grant signed with any key but social protection’s is refused and audited as a denial', async () => {
  const forger = new ConsentGrantIssuer(generateSigningKeyPair().privateJwk);
  expect(
    await askHealth((rid) => forger.issue({ personId: nina, caller: coordinatorSubject, requestId: rid, agencies: ['HEALTH'] })),
  ).toEqual(REFUSED);
  // Not even with the gateway's key: the gateway carries grants, it does not make them.
  const gateway = new ConsentGrantIssuer(hub.keys.gateway.privateJwk);
  expect(
    await askHealth((rid) => gateway.issue({ personId: nina, caller: coordinatorSubject, requestId: rid, agencies: ['HEALTH'] })),
  ).toEqual(REFUSED);
});

test('a genuine grant altered on the way (HEALTH added to its agencies) is refused', async () => {
  const altered = (rid: string) => {
    const [header, payload, signature] = genuineGrant(rid, { agencies: ['EDUCATION'] }).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.agencies = ['EDUCATION', 'HEALTH'];
    return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
  };
  expect(await askHealth(altered)).toEqual(REFUSED);
});

test("another person's grant, another caller's grant, another request's grant and an expired grant are all refused", async () => {
  const cases = {
    anotherPerson: (rid: string) => genuineGrant(rid, { personId: DEMO_PEOPLE.artyomIvanov.id }),
    anotherCaller: (rid: string) => genuineGrant(rid, { caller: 'coordinator-irkutsk' }),
    anotherRequest: () => genuineGrant(randomUUID()),
    expired: (rid: string) => genuineGrant(rid, {}, Date.now() - 5 * 60_000),
  };
  for (const [attack, grant] of Object.entries(cases)) {
    expect([attack, await askHealth(grant)]).toEqual([attack, REFUSED]);
  }
});

test('a genuine grant that does not cover health leaves the route part withheld for consent, as through the gateway', async () => {
  const answer = await askHealth((rid) => genuineGrant(rid, { agencies: ['EDUCATION'] }));
  expect([answer.codes, answer.route?.withheld]).toEqual([['activeIpra: CONSENT_REQUIRED'], { code: 'CONSENT_REQUIRED' }]);
  expect(answer.audit).toEqual(['Person.activeIpra DENIED CONSENT_REQUIRED', 'Person.healthRoute DENIED CONSENT_REQUIRED']);
});
