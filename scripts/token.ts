/**
 * Mints a development token signed with the local dev key (.hub/keys, made by the first `npm start`).
 *   npm run token -- --role coordinator [--org <organization id>] [--oktmo <territory>]
 *   npm run token -- --role specialist --agency HEALTH [--org <organization id>]   (default: the agency's Irkutsk demo organization)
 *   npm run token -- --role partner_service --agency HEALTH --grant submitSignal
 *   npm run token -- --role analyst | --role administrator
 *   npm run token -- --role citizen [--person <person id>]   (default: Elena Ivanova, the Ivanov child's mother and
 *     legal representative: she reads her own and her son's consents and access log, and gives or revokes consent)
 */
import path from 'node:path';
import { loadOrCreateDevKeys, mintToken } from '../gateway/dev-keys';
import { DEMO_ORGANIZATIONS, DEMO_SPECIALIST_ORGANIZATIONS } from '../subgraphs/kit/demo/organizations';
import { DEMO_CITIZEN } from '../subgraphs/kit/demo/people';
import { ROLES, type Role } from '../subgraphs/kit/policy/roles';
import { HUB_HOME } from './lib/config';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const role = (option('role') ?? 'coordinator').toUpperCase() as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ').toLowerCase()}`);
  const keys = await loadOrCreateDevKeys(path.join(HUB_HOME, 'keys'));
  const isCoordinator = role === 'COORDINATOR';
  const agency = option('agency')?.toUpperCase() ?? null;
  // A specialist works for one organization and answers the referrals addressed to it (seed 003 §27).
  const specialistOrganization = role === 'SPECIALIST' && agency ? (DEMO_SPECIALIST_ORGANIZATIONS[agency]?.id ?? null) : null;
  const isCitizen = role === 'CITIZEN';
  const token = await mintToken(
    keys.privateJwk,
    {
      subject: option('subject') ?? (isCitizen && !option('person') ? DEMO_CITIZEN.subject : `dev-${role.toLowerCase()}`),
      role,
      organizationId: option('org') ?? (isCoordinator ? DEMO_ORGANIZATIONS.irkutskOperator.id : specialistOrganization),
      territoryOktmo: option('oktmo') ?? (isCoordinator ? DEMO_ORGANIZATIONS.irkutskOperator.oktmo : null),
      agency,
      grants: option('grant') ? [option('grant')!] : [],
      personId: option('person') ?? (isCitizen ? DEMO_CITIZEN.personId : null),
    },
    option('expires') ?? '8h',
  );
  process.stdout.write(token + '\n');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
