import type { EntityManager } from '@mikro-orm/postgresql';
import { organizationId } from '../../kit/domain/stable-id';
import { Organization, OrganizationKind } from '../organization/organization.entity';
import { IRKUTSK_TERRITORIES, OPERATOR_ORGANIZATIONS } from '../reference/operator-organizations';
import { Territory } from '../territory/territory.entity';

/**
 * The region's territories and the 46 organizations of the annex of seed 003, loaded on every
 * start. Upserts keep it idempotent and let a corrected annex replace what was loaded before.
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
      // Annex items 40–46 are regional centres that the model uses as resource centres and co-executors (seed 003 §4.3–4.4).
      kind: o.operatorPerSection4 ? OrganizationKind.OPERATOR : OrganizationKind.RESOURCE_CENTRE,
      territory: o.oktmo,
      postalAddress: o.postalAddress,
      website: o.website,
      phone: o.phone,
      email: o.email,
    })),
  );
}
