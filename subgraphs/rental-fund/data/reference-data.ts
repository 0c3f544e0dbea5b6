import type { EntityManager } from '@mikro-orm/postgresql';
import { AID_CATALOGUE } from '../rules/aid-catalogue';
import { AidType } from '../stock/aid-type.entity';

/**
 * The catalogue of seed 004 annex 1 annex 3 with its tariffs, loaded on every start. An upsert keeps
 * it idempotent and lets a corrected catalogue (a new director's order on tariffs, §4.4) replace it.
 */
export async function loadReferenceData(em: EntityManager): Promise<void> {
  await em.upsertMany(
    AidType,
    AID_CATALOGUE.map((aid) => ({
      code: aid.code,
      name: aid.name,
      nameEn: aid.nameEn,
      tariffKopecks: aid.tariffKopecks,
      tariffUnit: aid.tariffUnit,
      annexRow: aid.annexRow,
    })),
  );
}
