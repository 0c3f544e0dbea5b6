import { daysFromToday as day } from '../../subgraphs/kit/demo/dates';
import { DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const nina = globalId('Person', DEMO_PEOPLE.ninaSmirnova.id);
const coordinator = () => hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.angarskOperator.id });
// Health's records through a plain field (refused with an error) and through its route part (a missing consent
// is an expected gap there, answered as `withheld` data with the same code).
const HEALTH = `query($id: ID!) { person(id: $id) { lastName activeIpra { number } healthRoute { agency steps { id } withheld { code } } } }`;

async function healthVisible(): Promise<{ visible: boolean; codes: string[]; lastName: string }> {
  const result = await hub.query(await coordinator(), HEALTH, { id: nina });
  const route = result.data?.person?.healthRoute;
  const visible = !(result.errors ?? []).some((e) => e.path?.includes('activeIpra'));
  // The two answers never disagree: records are shown in both or withheld in both.
  expect(route.withheld === null).toBe(visible);
  if (!visible) expect(route.steps).toEqual([]);
  return {
    visible,
    codes: [...(result.errors ?? []).map((e) => e.extensions?.code), ...(route.withheld ? [route.withheld.code] : [])],
    lastName: result.data?.person?.lastName,
  };
}

test('consent given → health data visible; revoked → hidden on the very next request (seed 001 §1.5, 152-FZ)', async () => {
  expect(await healthVisible()).toEqual({ visible: false, codes: ['CONSENT_REQUIRED', 'CONSENT_REQUIRED'], lastName: 'Смирнова' });

  const given = await hub.query(
    await coordinator(),
    `mutation($p: ID!, $on: LocalDate!) { giveConsent(input: { personId: $p, agencies: ["HEALTH"], givenOn: $on }) { consent { id agencies } person { id } userErrors { code } } }`,
    { p: nina, on: day(-30) },
  );
  expect(given.errors).toBeUndefined();
  expect(given.data?.giveConsent).toEqual({
    consent: { id: expect.any(String), agencies: ['HEALTH'] },
    person: { id: nina },
    userErrors: [],
  });
  expect(await healthVisible()).toEqual({ visible: true, codes: [], lastName: 'Смирнова' });

  const revoked = await hub.query(
    await coordinator(),
    `mutation($c: ID!) { revokeConsent(input: { consentId: $c }) { consent { revokedOn } userErrors { code } } }`,
    { c: given.data?.giveConsent.consent.id },
  );
  expect(revoked.errors).toBeUndefined();
  expect(revoked.data?.revokeConsent).toEqual({ consent: { revokedOn: expect.any(String) }, userErrors: [] });
  expect(await healthVisible()).toEqual({ visible: false, codes: ['CONSENT_REQUIRED', 'CONSENT_REQUIRED'], lastName: 'Смирнова' });
});

test('an expired consent hides the data again', async () => {
  const given = await hub.query(
    await coordinator(),
    `mutation($p: ID!, $on: LocalDate!, $until: LocalDate!) { giveConsent(input: { personId: $p, agencies: ["HEALTH"], givenOn: $on, expiresOn: $until }) { consent { id } userErrors { code } } }`,
    { p: nina, on: day(-400), until: day(-1) },
  );
  expect(given.errors).toBeUndefined();
  expect(given.data?.giveConsent).toEqual({ consent: { id: expect.any(String) }, userErrors: [] });
  expect((await healthVisible()).codes).toEqual(['CONSENT_REQUIRED', 'CONSENT_REQUIRED']);
});

test('only the coordinator of the family records a consent, and a consent must name agencies', async () => {
  const other = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const foreign = await hub.query(
    other,
    `mutation($p: ID!) { giveConsent(input: { personId: $p, agencies: ["HEALTH"] }) { consent { id } userErrors { code } } }`,
    { p: nina },
  );
  // Authorization stays an error in `errors[]` (CONVENTIONS §7.6), and nothing comes back.
  expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(foreign.data?.giveConsent?.consent ?? null).toBeNull();
  // A consent naming no agencies is an expected refusal: a user error, no consent written.
  const empty = await hub.query(
    await coordinator(),
    `mutation($p: ID!) { giveConsent(input: { personId: $p, agencies: [] }) { consent { id } userErrors { code } } }`,
    { p: nina },
  );
  expect(empty.errors).toBeUndefined();
  expect(empty.data?.giveConsent).toEqual({ consent: null, userErrors: [{ code: 'BAD_USER_INPUT' }] });
  expect((await healthVisible()).codes).toEqual(['CONSENT_REQUIRED', 'CONSENT_REQUIRED']);
});
