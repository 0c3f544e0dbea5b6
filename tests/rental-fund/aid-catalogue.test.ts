import { AID_CATALOGUE, findAid, formatRoubles } from '../../subgraphs/rental-fund/rules/aid-catalogue';

test('the rental point lists the eight aids of the tariff list with their tariffs (seed 004 annex 1 annex 3)', () => {
  expect(AID_CATALOGUE.map((aid) => [aid.annexRow, aid.code, formatRoubles(aid.tariffKopecks)])).toEqual([
    [1, 'RAMP_TELESCOPIC_3_SECTION', '35.55'],
    [2, 'RAMP_TELESCOPIC_2_SECTION', '43.37'],
    [3, 'BED_MULTIFUNCTION_4_SECTION_ELECTRIC', '43.24'],
    [4, 'WHEELCHAIR_MANUAL', '32.41'],
    [5, 'BEDSIDE_TABLE', '30.88'],
    [6, 'WALKER_FOLDING', '30.95'],
    [7, 'BED_MULTIFUNCTION_ELECTRIC', '44.89'],
    [8, 'CRUTCHES', '30.91'],
  ]);
});

test('names are kept as the tariff list spells them (seed 004 annex 1 annex 3)', () => {
  expect(findAid('WHEELCHAIR_MANUAL')?.name).toBe('Кресло-коляска прогулочная с ручным приводом');
  expect(findAid('CRUTCHES')?.name).toBe('Костыли');
  expect(new Set(AID_CATALOGUE.map((aid) => aid.code)).size).toBe(8);
});

test('tariffs are whole kopecks per item per day, so no fee ever goes through floating point (seed 004 annex 1 contract §3.3)', () => {
  for (const aid of AID_CATALOGUE) {
    expect(Number.isInteger(aid.tariffKopecks)).toBe(true);
    expect(aid.tariffUnit).toBe('ITEM_DAY');
  }
  expect(Object.isFrozen(AID_CATALOGUE)).toBe(true);
  expect(findAid('UNKNOWN')).toBeUndefined();
});
