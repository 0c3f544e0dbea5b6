/**
 * Municipal territories of Irkutsk oblast served by the operator organizations of seed 003 (annex).
 * OKTMO: the 8-digit code of the municipal district / urban okrug (OK 033-2013, section 25 = Irkutsk oblast).
 * Confirmed against a published OKTMO extract: 25607000, 25638000, 25646000, 25701000. The other codes
 * are best-knowledge values that must be checked against the current OKTMO edition before any exchange
 * that keys on them (see UNVERIFIED_OKTMO).
 */
export type TerritoryKind = 'urban_okrug' | 'municipal_district' | 'municipal_okrug';

export interface IrkutskTerritory {
  oktmo: string;
  name: string;
  kind: TerritoryKind;
}

const t = (oktmo: string, name: string, kind: TerritoryKind): IrkutskTerritory => ({ oktmo, name, kind });

/** Keyed by a stable slug so the organization list can refer to a territory without repeating codes. */
export const TERRITORY = {
  irkutsk: t('25701000', 'город Иркутск', 'urban_okrug'),
  angarsk: t('25703000', 'Ангарский городской округ', 'urban_okrug'),
  bratsk: t('25714000', 'город Братск', 'urban_okrug'),
  zima: t('25715000', 'город Зима', 'urban_okrug'),
  tulun: t('25724000', 'город Тулун', 'urban_okrug'),
  sayansk: t('25726000', 'город Саянск', 'urban_okrug'),
  svirsk: t('25730000', 'город Свирск', 'urban_okrug'),
  usolye: t('25736000', 'город Усолье-Сибирское', 'urban_okrug'),
  ustIlimsk: t('25738000', 'город Усть-Илимск', 'urban_okrug'),
  cheremkhovo: t('25745000', 'город Черемхово', 'urban_okrug'),

  alarsky: t('25603000', 'Аларский район', 'municipal_district'),
  balagansky: t('25604000', 'Балаганский район', 'municipal_district'),
  bodaybinsky: t('25605000', 'Бодайбинский район', 'municipal_district'),
  bratsky: t('25606000', 'Братский район', 'municipal_district'),
  bayandaevsky: t('25607000', 'Баяндаевский район', 'municipal_district'),
  zhigalovsky: t('25608000', 'Жигаловский район', 'municipal_district'),
  zalarinsky: t('25609000', 'Заларинский район', 'municipal_district'),
  ziminsky: t('25610000', 'Зиминский район', 'municipal_district'),
  bokhansky: t('25611000', 'Боханский район', 'municipal_district'),
  irkutsky: t('25612000', 'Иркутский район', 'municipal_district'),
  kazachinskoLensky: t('25614000', 'Казачинско-Ленский район', 'municipal_district'),
  katangsky: t('25616000', 'Катангский район', 'municipal_district'),
  kachugsky: t('25618000', 'Качугский район', 'municipal_district'),
  kirensky: t('25620000', 'Киренский район', 'municipal_district'),
  kuytunsky: t('25622000', 'Куйтунский район', 'municipal_district'),
  mamskoChuysky: t('25624000', 'Мамско-Чуйский район', 'municipal_district'),
  nizhneilimsky: t('25626000', 'Нижнеилимский район', 'municipal_district'),
  nukutsky: t('25627000', 'Нукутский район', 'municipal_district'),
  nizhneudinsky: t('25628000', 'Нижнеудинский район', 'municipal_district'),
  olkhonsky: t('25630000', 'Ольхонский район', 'municipal_district'),
  osinsky: t('25631000', 'Осинский район', 'municipal_district'),
  slyudyansky: t('25634000', 'Слюдянский район', 'municipal_district'),
  tayshetsky: t('25636000', 'Тайшетский район', 'municipal_district'),
  tulunsky: t('25638000', 'Тулунский район', 'municipal_district'),
  usolsky: t('25640000', 'Усольский район', 'municipal_district'),
  ustIlimsky: t('25642000', 'Усть-Илимский район', 'municipal_district'),
  ustKutsky: t('25644000', 'Усть-Кутский район', 'municipal_district'),
  ustUdinsky: t('25646000', 'Усть-Удинский район', 'municipal_district'),
  cheremkhovsky: t('25648000', 'Черемховский район', 'municipal_district'),
  chunsky: t('25650000', 'Чунский район', 'municipal_district'),
  shelekhovsky: t('25651000', 'Шелеховский район', 'municipal_district'),
  ekhiritBulagatsky: t('25657000', 'Эхирит-Булагатский район', 'municipal_district'),
} as const satisfies Record<string, IrkutskTerritory>;

export type TerritoryKey = keyof typeof TERRITORY;

/** OKTMO codes confirmed against a published OKTMO extract; all others are to be checked. */
export const VERIFIED_OKTMO: readonly string[] = ['25607000', '25638000', '25646000', '25701000'];
export const UNVERIFIED_OKTMO: readonly string[] = Object.values(TERRITORY)
  .map((x) => x.oktmo)
  .filter((code) => !VERIFIED_OKTMO.includes(code));
