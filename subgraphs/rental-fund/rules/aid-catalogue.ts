/**
 * The aids of the rental point with their tariffs: seed 004 annex 1 annex 3 ("Перечень технических
 * средств реабилитации, имеющихся в пункте проката"), column "Цена (тариф) за 1 ед. изм. руб."
 *
 * The tariff unit. Annex 3 gives the price "per 1 unit of measure" and never names that unit; nothing
 * else in the seed does either. What the seed does say about the fee:
 *  - it is paid once, up front, "единовременно в соответствии с утвержденными тарифами" (contract §3.3);
 *  - on early return the "corresponding part" of it is refunded, "исчисляя ее со дня, следующего за днем
 *    фактического возврата" (the second contract §3.3);
 *  - when the contract ends early the fee is due "только за то время, в течение которого оно фактически
 *    использовалось" (contract §2.1.4).
 * So the fee is proportional to the time of use, counted in days. With tariffs of 30–45 roubles, a
 * per-item-per-day tariff is the only reading that fits; we record it as `ITEM_DAY` and compute the fee
 * as tariff × days (see pricing.ts). Tariffs are set by the director's order from actual costs (§4.4),
 * so these are reference values that an administrator may replace, not constants of the law.
 */
export type TariffUnit = 'ITEM_DAY';

export interface CatalogueAid {
  /** Stable identifier used across the hub. */
  code: string;
  /** The name exactly as annex 3 spells it. */
  name: string;
  nameEn: string;
  /** Tariff in kopecks, so that money never passes through floating point (32.41 ₽ = 3241). */
  tariffKopecks: number;
  tariffUnit: TariffUnit;
  /** Row number in annex 3, kept so reports can follow the order of the source list. */
  annexRow: number;
}

export const AID_CATALOGUE: readonly CatalogueAid[] = Object.freeze(
  [
    {
      annexRow: 1,
      code: 'RAMP_TELESCOPIC_3_SECTION',
      name: 'Пандус телескопический 3-х секционный',
      nameEn: 'Telescopic ramp, 3-section',
      tariffKopecks: 3555,
      tariffUnit: 'ITEM_DAY',
    },
    {
      annexRow: 2,
      code: 'RAMP_TELESCOPIC_2_SECTION',
      name: 'Пандус телескопический 2-х секционный',
      nameEn: 'Telescopic ramp, 2-section',
      tariffKopecks: 4337,
      tariffUnit: 'ITEM_DAY',
    },
    {
      annexRow: 3,
      code: 'BED_MULTIFUNCTION_4_SECTION_ELECTRIC',
      name: 'Многофункциональная кровать 4-х секционная с электроприводом',
      nameEn: 'Multifunction 4-section bed with electric drive',
      tariffKopecks: 4324,
      tariffUnit: 'ITEM_DAY',
    },
    {
      annexRow: 4,
      code: 'WHEELCHAIR_MANUAL',
      // "прогулочная" — an outdoor (transit) wheelchair, not a room wheelchair.
      name: 'Кресло-коляска прогулочная с ручным приводом',
      nameEn: 'Manual outdoor wheelchair',
      tariffKopecks: 3241,
      tariffUnit: 'ITEM_DAY',
    },
    {
      annexRow: 5,
      code: 'BEDSIDE_TABLE',
      name: 'Столик прикроватный',
      nameEn: 'Bedside table',
      tariffKopecks: 3088,
      tariffUnit: 'ITEM_DAY',
    },
    {
      annexRow: 6,
      code: 'WALKER_FOLDING',
      name: 'Ходунки складные',
      nameEn: 'Folding walker',
      tariffKopecks: 3095,
      tariffUnit: 'ITEM_DAY',
    },
    {
      annexRow: 7,
      code: 'BED_MULTIFUNCTION_ELECTRIC',
      name: 'Кровать многофункциональная с электроприводом',
      nameEn: 'Multifunction bed with electric drive',
      tariffKopecks: 4489,
      tariffUnit: 'ITEM_DAY',
    },
    {
      annexRow: 8,
      code: 'CRUTCHES',
      name: 'Костыли',
      nameEn: 'Crutches',
      tariffKopecks: 3091,
      tariffUnit: 'ITEM_DAY',
    },
  ].map((aid) => Object.freeze(aid as CatalogueAid)),
);

export function findAid(code: string): CatalogueAid | undefined {
  return AID_CATALOGUE.find((aid) => aid.code === code);
}

/** Kopecks as roubles for people: 3241 → "32.41". */
export function formatRoubles(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
