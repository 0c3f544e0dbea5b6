import type { EntityManager } from '@mikro-orm/postgresql';
import { organizationId } from '../../kit/domain/stable-id';
import { Organization, OrganizationKind } from '../organization/organization.entity';
import { IRKUTSK_TERRITORIES, OPERATOR_ORGANIZATIONS, RESOURCE_CENTRES_OUTSIDE_ANNEX } from '../reference/operator-organizations';
import { Territory } from '../territory/territory.entity';

/**
 * The region's territories, the 46 organizations of the annex of seed 003 and the two resource centres its
 * §4.3 names outside the annex, loaded on every start. Upserts keep it idempotent and let a corrected annex replace what was loaded before.
 */
export async function loadReferenceData(em: EntityManager): Promise<void> {
  await em.upsertMany(
    Territory,
    IRKUTSK_TERRITORIES.map((t) => ({ oktmo: t.oktmo, name: t.name, kind: t.kind })),
  );
  await em.upsertMany(
    Organization,
    OPERATOR_ORGANIZATIONS.map((o) => ({
      id: organizationId(o.code),
      code: o.code,
      name: o.name,
      shortName: o.shortName ?? null,
      agency: 'SOCIAL_PROTECTION',
      // The role seed 003 §4.2–4.4 gives the annex item (annexItemKind).
      kind: OrganizationKind[o.kind],
      territory: o.oktmo,
      postalAddress: o.postalAddress,
      website: o.website,
      phone: o.phone,
      email: o.email,
    })),
  );
  await em.upsertMany(
    Organization,
    RESOURCE_CENTRES_OUTSIDE_ANNEX.map((o) => ({
      id: organizationId(o.code),
      code: o.code,
      name: o.name,
      shortName: o.shortName,
      agency: 'SOCIAL_PROTECTION',
      kind: OrganizationKind[o.kind],
      territory: o.oktmo,
      // seed 003 §4.3 gives no address or contacts for them.
      postalAddress: null,
      website: null,
      phone: null,
      email: null,
    })),
  );
}
