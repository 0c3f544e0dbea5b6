import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { DEMO_SUPPORT } from '../../subgraphs/social-protection/data/demo-support';
import type { TokenClaims } from '../../gateway/dev-keys';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Every role against a sample of sensitive fields from every subgraph, through the real gateway.
 * ✓ = the value comes back; ✗ = null with FORBIDDEN or CONSENT_REQUIRED (never a value by another path).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const ROLES: Record<string, Partial<TokenClaims> & Pick<TokenClaims, 'role'>> = {
  coordinator: { role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id },
  otherCoordinator: { role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.angarskOperator.id },
  healthSpecialist: { role: 'SPECIALIST', agency: 'HEALTH', organizationId: DEMO_ORGANIZATIONS.irkutskChildrenClinic.id },
  educationSpecialist: { role: 'SPECIALIST', agency: 'EDUCATION', organizationId: DEMO_ORGANIZATIONS.irkutskSchool.id },
  rentalSpecialist: { role: 'SPECIALIST', agency: 'RENTAL_FUND', organizationId: DEMO_ORGANIZATIONS.irkutskRentalPoint.id },
  analyst: { role: 'ANALYST' },
  administrator: { role: 'ADMINISTRATOR' },
  partner: { role: 'PARTNER_SERVICE', agency: 'HEALTH', grants: ['submitSignal'] },
  // Elena Ivanova, Artyom's mother and legal representative (issue 15 §6): his consents and access log, nothing else.
  citizen: { role: 'CITIZEN', personId: DEMO_PEOPLE.elenaIvanova.id },
};
type RoleName = keyof typeof ROLES;

const artyom = globalId('Person', DEMO_PEOPLE.artyomIvanov.id);
const personField = (selection: string) => `{ person(id: "${artyom}") { ${selection} } }`;

/** [what, query, path to the value, roles that may see it] */
const MATRIX: [string, string, string[], RoleName[]][] = [
  [
    'family register',
    `{ family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { displayName } }`,
    ['family', 'displayName'],
    ['coordinator'],
  ],
  [
    'minimal identity (social protection)',
    personField('lastName'),
    ['person', 'lastName'],
    ['coordinator', 'healthSpecialist', 'educationSpecialist'],
  ],
  ['disability (social protection)', personField('disabilityGroup'), ['person', 'disabilityGroup'], ['coordinator']],
  ['support cases (social protection)', personField('supportCases { edges { node { id } } }'), ['person', 'supportCases'], ['coordinator']],
  ['IPRA (health)', personField('healthRoute { agency }'), ['person', 'healthRoute'], ['coordinator', 'healthSpecialist']],
  ['enrolment (education)', personField('educationRoute { agency }'), ['person', 'educationRoute'], ['coordinator', 'educationSpecialist']],
  ['employment records', personField('employmentRoute { agency }'), ['person', 'employmentRoute'], ['coordinator']],
  // A specialist's organization's inbox; the referral in it answers to that organization only (seed 003 §27).
  [
    'referral inbox (social protection)',
    `{ referralInbox(first: 5) { edges { node { status } } } }`,
    ['referralInbox', 'edges'],
    ['healthSpecialist', 'educationSpecialist', 'rentalSpecialist'],
  ],
  [
    'a referral by id (social protection)',
    `{ referral(id: "${globalId('Referral', DEMO_SUPPORT.ivanovClinicReferral)}") { status } }`,
    ['referral', 'status'],
    ['coordinator', 'healthSpecialist'],
  ],
  [
    'rental contracts (rental fund)',
    personField('rentalFundRoute { agency }'),
    ['person', 'rentalFundRoute'],
    ['coordinator', 'rentalSpecialist'],
  ],
  ['consents (social protection)', personField('consents { totalCount }'), ['person', 'consents'], ['coordinator', 'citizen']],
  ['access log (every agency)', personField('accessLog { totalCount }'), ['person', 'accessLog'], ['coordinator', 'citizen']],
];

const at = (data: any, path: string[]) => path.reduce((value, key) => (value == null ? value : value[key]), data);

test.each(MATRIX)('%s', async (_what, query, path, allowed) => {
  const outcome: Record<string, string> = {};
  for (const role of Object.keys(ROLES) as RoleName[]) {
    const result = await hub.query(await hub.token(ROLES[role]), query);
    const value = at(result.data, path);
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    if (value !== null && value !== undefined && codes.length === 0) outcome[role] = 'allowed';
    else if (value == null && codes.length > 0 && codes.every((c) => ['FORBIDDEN', 'CONSENT_REQUIRED'].includes(c)))
      outcome[role] = 'denied';
    else outcome[role] = `unexpected: ${JSON.stringify({ value, codes })}`;
  }
  const expected = Object.fromEntries(Object.keys(ROLES).map((role) => [role, allowed.includes(role as RoleName) ? 'allowed' : 'denied']));
  expect(outcome).toEqual(expected);
});
