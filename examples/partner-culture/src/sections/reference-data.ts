import type { EntityManager } from '@mikro-orm/postgresql';
import { Section, SectionKind } from './section.entity';

/**
 * The centre's sections (demo reference data, no personal data): Irkutsk (OKTMO 25701000) and Angarsk (25703000).
 * Fixed ids so every start upserts the same rows.
 */
export const SECTIONS: Omit<Section, 'organizationId'>[] = [
  {
    id: '0c0c0c0c-5ec7-4000-8000-000000000001',
    name: 'Плавание для детей с нарушениями опорно-двигательного аппарата',
    kind: SectionKind.ADAPTIVE_SPORT,
    territoryOktmo: '25701000',
    capacity: 12,
    schedule: 'вт, чт 16:00–17:00, бассейн центра (демо)',
  },
  {
    id: '0c0c0c0c-5ec7-4000-8000-000000000002',
    name: 'Бочча',
    kind: SectionKind.ADAPTIVE_SPORT,
    territoryOktmo: '25701000',
    capacity: 8,
    schedule: 'сб 10:00–11:30 (демо)',
  },
  {
    id: '0c0c0c0c-5ec7-4000-8000-000000000003',
    name: 'Инклюзивная театральная студия',
    kind: SectionKind.CULTURE,
    territoryOktmo: '25701000',
    capacity: 15,
    schedule: 'сб 11:00–14:00 (демо)',
  },
  {
    id: '0c0c0c0c-5ec7-4000-8000-000000000004',
    name: 'Настольный теннис',
    kind: SectionKind.ADAPTIVE_SPORT,
    territoryOktmo: '25703000',
    capacity: 10,
    schedule: 'пн, ср 17:00–18:00 (демо)',
  },
  {
    id: '0c0c0c0c-5ec7-4000-8000-000000000005',
    name: 'Студия изобразительного искусства',
    kind: SectionKind.CULTURE,
    territoryOktmo: '25703000',
    capacity: 12,
    schedule: 'пт 15:00–16:30 (демо)',
  },
];

/** Idempotent: every start brings the sections to what is listed here. */
export async function loadSections(em: EntityManager): Promise<void> {
  for (const section of SECTIONS) await em.upsert(Section, { ...section, organizationId: null });
}
