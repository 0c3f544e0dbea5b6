import {
  annexItemKind,
  IRKUTSK_TERRITORIES,
  RESOURCE_CENTRES_OUTSIDE_ANNEX,
  OPERATOR_ORGANIZATIONS,
  findOperatorOrganization,
  operatorOrganizationsFor,
} from '../../subgraphs/social-protection/reference/operator-organizations';
import { UNVERIFIED_OKTMO, VERIFIED_OKTMO } from '../../subgraphs/social-protection/reference/irkutsk-territories';

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

describe('operator organizations of the Irkutsk model (seed 003, annex)', () => {
  test('the annex lists 46 organizations, numbered 1–46, with unique stable codes', () => {
    expect(OPERATOR_ORGANIZATIONS).toHaveLength(46);
    expect(OPERATOR_ORGANIZATIONS.map((o) => o.annexItem)).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
    const codes = OPERATOR_ORGANIZATIONS.map((o) => o.code);
    expect(new Set(codes).size).toBe(46);
    for (const c of codes) expect(c).toMatch(/^irk-op-\d{2}$/);
  });

  test('items 1–39 are the operator organizations proper (seed 003 §4.2)', () => {
    expect(OPERATOR_ORGANIZATIONS.filter((o) => o.operatorPerSection4)).toHaveLength(39);
    expect(findOperatorOrganization('irk-op-40')?.operatorPerSection4).toBe(false);
  });

  test('«Веста» (item 38), «РОСТ» (item 39) and the rehabilitation college (item 45) are resource centres (seed 003 §4.3)', () => {
    expect(findOperatorOrganization('irk-op-38')?.kind).toBe('RESOURCE_CENTRE');
    expect(findOperatorOrganization('irk-op-38')?.name).toContain('"Веста"');
    expect(findOperatorOrganization('irk-op-39')?.kind).toBe('RESOURCE_CENTRE');
    expect(findOperatorOrganization('irk-op-39')?.shortName).toBe('ОГБУ "Центр "РОСТ"');
    expect(findOperatorOrganization('irk-op-45')?.kind).toBe('RESOURCE_CENTRE');
    expect(findOperatorOrganization('irk-op-45')?.name).toContain('"Иркутский реабилитационный техникум"');
    // Still among items 1–39, which §4.2 calls operator organizations.
    expect(findOperatorOrganization('irk-op-38')?.operatorPerSection4).toBe(true);
  });

  test('items 40–44 and 46 are no resource centres: social-service co-executors (seed 003 §4.3, §4.4, §32.1)', () => {
    for (const item of [40, 41, 42, 43, 44, 46]) expect([item, annexItemKind(item)]).toEqual([item, 'CO_EXECUTOR']);
    expect(OPERATOR_ORGANIZATIONS.filter((o) => o.kind === 'CO_EXECUTOR').map((o) => o.annexItem)).toEqual([40, 41, 42, 43, 44, 46]);
  });

  test('items 1–37 are operator organizations (seed 003 §4.2)', () => {
    expect(OPERATOR_ORGANIZATIONS.filter((o) => o.kind === 'OPERATOR').map((o) => o.annexItem)).toEqual(
      Array.from({ length: 37 }, (_, i) => i + 1),
    );
  });

  test('the early-help centre and «Сосновая горка», named in seed 003 §4.3 but not in the annex, are in the directory', () => {
    expect(RESOURCE_CENTRES_OUTSIDE_ANNEX.map((o) => [o.code, o.kind])).toEqual([
      ['irk-rc-early-help', 'RESOURCE_CENTRE'],
      ['irk-rc-sosnovaya-gorka', 'RESOURCE_CENTRE'],
    ]);
    expect(RESOURCE_CENTRES_OUTSIDE_ANNEX[0].name).toContain('ранней помощи');
    expect(RESOURCE_CENTRES_OUTSIDE_ANNEX[1].name).toContain('"Сосновая горка"');
    const known = new Set(IRKUTSK_TERRITORIES.map((t) => t.oktmo));
    for (const o of RESOURCE_CENTRES_OUTSIDE_ANNEX) expect(known.has(o.oktmo)).toBe(true);
    // Their codes never collide with the annex's.
    const annexCodes = new Set(OPERATOR_ORGANIZATIONS.map((o) => o.code));
    for (const o of RESOURCE_CENTRES_OUTSIDE_ANNEX) expect(annexCodes.has(o.code)).toBe(false);
  });

  test('every organization sits on an 8-digit OKTMO of Irkutsk oblast that is in the territory list', () => {
    const known = new Set(IRKUTSK_TERRITORIES.map((t) => t.oktmo));
    for (const o of OPERATOR_ORGANIZATIONS) {
      for (const code of [o.oktmo, ...(o.alsoServesOktmo ?? [])]) {
        expect(code).toMatch(/^25\d{6}$/);
        expect(known.has(code)).toBe(true);
      }
      expect(IRKUTSK_TERRITORIES.find((t) => t.oktmo === o.oktmo)?.name).toBe(o.municipality);
    }
  });

  test('the territory list has no duplicates and every territory is served by someone (seed 003 §34.2 resource map)', () => {
    expect(new Set(IRKUTSK_TERRITORIES.map((t) => t.oktmo)).size).toBe(IRKUTSK_TERRITORIES.length);
    expect(new Set(IRKUTSK_TERRITORIES.map((t) => t.name)).size).toBe(IRKUTSK_TERRITORIES.length);
    for (const t of IRKUTSK_TERRITORIES) expect(operatorOrganizationsFor(t.oktmo).length).toBeGreaterThan(0);
    expect(IRKUTSK_TERRITORIES.filter((t) => t.kind === 'urban_okrug').map((t) => t.name)).toContain('город Иркутск');
  });

  test('every e-mail looks like an e-mail; only the Irkutsk city office (item 13) has none in the annex', () => {
    for (const o of OPERATOR_ORGANIZATIONS) {
      for (const e of [o.email, ...(o.additionalEmails ?? [])].filter((x): x is string => x !== null)) {
        expect(e).toMatch(EMAIL);
      }
    }
    expect(OPERATOR_ORGANIZATIONS.filter((o) => o.email === null).map((o) => o.annexItem)).toEqual([13]);
  });

  test('names are the official Russian names, each with an address with a postcode, a phone and a web site', () => {
    for (const o of OPERATOR_ORGANIZATIONS) {
      expect(o.name).toMatch(/^Областное государственное/);
      expect(o.postalAddress).toMatch(/^\d{6}, /);
      expect(o.phone).toMatch(/\d/);
      expect(o.website.length).toBeGreaterThan(4);
    }
  });

  test('an office serving a city and its district is found from either territory', () => {
    const zima = findOperatorOrganization('irk-op-10')!;
    expect(zima.municipality).toBe('город Зима');
    expect(operatorOrganizationsFor(zima.alsoServesOktmo![0]).map((o) => o.code)).toContain('irk-op-10');
    const cheremkhovo = findOperatorOrganization('irk-op-33')!;
    expect(cheremkhovo.alsoServesOktmo).toHaveLength(2);
  });

  test('unverified OKTMO codes are tracked separately from the verified ones', () => {
    expect(VERIFIED_OKTMO).toContain('25701000');
    for (const code of UNVERIFIED_OKTMO) expect(VERIFIED_OKTMO).not.toContain(code);
    expect(UNVERIFIED_OKTMO.length + VERIFIED_OKTMO.length).toBe(IRKUTSK_TERRITORIES.length);
  });
});
