import type { Contribution } from '../../subgraphs/assembly/contributions';
import { coverage, type Supply } from '../../subgraphs/conventions/resource-map/coverage';
import { assembleResourceMap } from '../../subgraphs/conventions/resource-map/assembly';

const resources = (subgraph: string, agency: string, field: string): Contribution => ({
  convention: 'resources',
  subgraph,
  agency,
  parentType: 'Territory',
  field,
  type: 'AgencyResources',
});
const RENTAL = resources('rental-fund', 'RENTAL_FUND', 'rentalFundResources');
const EDUCATION = resources('education', 'EDUCATION', 'educationResources');
const DEMAND: Contribution = {
  convention: 'demand',
  subgraph: 'social-protection',
  agency: 'SOCIAL_PROTECTION',
  parentType: 'Territory',
  field: 'demand',
  type: 'TerritoryDemand',
};

const service = (agency: string, serviceKind: string, capacity: Partial<Supply> = {}) => ({
  serviceKind,
  name: `${agency} ${serviceKind}`,
  agency,
  organizationId: 'org-1',
  capacityTotal: 10,
  capacityAvailable: 5,
  queueLength: 0,
  unit: 'PLACES',
  ...capacity,
});
const part = (agency: string, services: ReturnType<typeof service>[]) => ({ agency, services });
const demand = (byServiceKind: { kind: string; value: string; count: number | null }[]) => ({
  byServiceKind,
  openCases: { kind: 'ALL', value: '<10', count: null },
});

describe('assembleResourceMap: supply of every agency against social protection’s demand (seed 003 §34.2)', () => {
  test('supply of every agency that answered is listed, agency by agency, as the agency sent it', () => {
    const rental = service('RENTAL_FUND', 'TECHNICAL_AID_RENTAL');
    const school = service('EDUCATION', 'INCLUSIVE_EDUCATION');
    const map = assembleResourceMap(
      { oktmo: '25701000', rentalFundResources: part('RENTAL_FUND', [rental]), educationResources: part('EDUCATION', [school]) },
      [EDUCATION, RENTAL],
      DEMAND,
    );
    expect(map.supply).toEqual([school, rental]);
    expect(map.missingAgencies).toEqual([]);
  });

  test.each([
    ['null', null],
    ['missing', undefined],
  ])('an agency whose resources are %s is named in missingAgencies; the others’ supply remains', (_, value) => {
    const map = assembleResourceMap(
      {
        oktmo: '25701000',
        rentalFundResources: value,
        educationResources: part('EDUCATION', [service('EDUCATION', 'INCLUSIVE_EDUCATION')]),
      },
      [EDUCATION, RENTAL],
      DEMAND,
    );
    expect(map.missingAgencies).toEqual(['RENTAL_FUND']);
    expect(map.supply.map((s) => s.agency)).toEqual(['EDUCATION']);
  });

  test('agencies names every contributor, those that did not answer included', () => {
    const map = assembleResourceMap({ oktmo: '25701000', rentalFundResources: null }, [EDUCATION, RENTAL], undefined);
    expect(map.agencies).toEqual(['EDUCATION', 'RENTAL_FUND']);
    expect(map.missingAgencies).toEqual(['EDUCATION', 'RENTAL_FUND']);
  });

  test('an agency that answered with no services is not missing', () => {
    const map = assembleResourceMap({ oktmo: '25701000', rentalFundResources: part('RENTAL_FUND', []) }, [RENTAL], undefined);
    expect(map).toMatchObject({ supply: [], missingAgencies: [], coverage: [] });
  });

  test('demand is social protection’s, as released', () => {
    const released = demand([{ kind: 'EARLY_HELP', value: '<10', count: null }]);
    expect(assembleResourceMap({ oktmo: '25701000', demand: released }, [], DEMAND).demand).toBe(released);
  });

  test('with no demand contribution in the supergraph, demand is null and coverage judges supply alone', () => {
    const map = assembleResourceMap(
      {
        oktmo: '25701000',
        rentalFundResources: part('RENTAL_FUND', [service('RENTAL_FUND', 'TECHNICAL_AID_RENTAL')]),
        demand: demand([{ kind: 'EARLY_HELP', value: '14', count: 14 }]),
      },
      [RENTAL],
      undefined,
    );
    // The territory carries a demand field, but no contribution says it is the convention's: it is not read.
    expect(map.demand).toBeNull();
    expect(map.coverage.map((c) => [c.serviceKind, c.gap])).toEqual([['TECHNICAL_AID_RENTAL', 'NONE']]);
  });

  test.each([
    ['null (social protection did not answer)', null],
    ['missing', undefined],
  ])('demand %s is null, and the map still shows supply', (_, value) => {
    const map = assembleResourceMap(
      { oktmo: '25701000', rentalFundResources: part('RENTAL_FUND', [service('RENTAL_FUND', 'TECHNICAL_AID_RENTAL')]), demand: value },
      [RENTAL],
      DEMAND,
    );
    expect(map.demand).toBeNull();
    expect(map.supply).toHaveLength(1);
    expect(map.coverage.map((c) => c.demand)).toEqual(['0']);
  });

  test('coverage sets the agencies’ supply against the demand by service kind', () => {
    const map = assembleResourceMap(
      {
        oktmo: '25714000',
        rentalFundResources: part('RENTAL_FUND', [
          service('RENTAL_FUND', 'TECHNICAL_AID_RENTAL', { capacityAvailable: 0, queueLength: 3 }),
        ]),
        educationResources: part('EDUCATION', [service('EDUCATION', 'INCLUSIVE_EDUCATION', { capacityAvailable: 8 })]),
        demand: demand([
          { kind: 'EARLY_HELP', value: '14', count: 14 },
          { kind: 'INCLUSIVE_EDUCATION', value: '12', count: 12 },
        ]),
      },
      [EDUCATION, RENTAL],
      DEMAND,
    );
    expect(map.coverage.map((c) => [c.serviceKind, c.demand, c.providers, c.gap])).toEqual([
      ['EARLY_HELP', '14', 0, 'NO_PROVIDER'],
      ['INCLUSIVE_EDUCATION', '12', 1, 'NONE'],
      ['TECHNICAL_AID_RENTAL', '0', 1, 'OVER_CAPACITY'],
    ]);
  });

  test('a demand with no byServiceKind gives coverage of supply alone', () => {
    const map = assembleResourceMap(
      { oktmo: '1', rentalFundResources: part('RENTAL_FUND', [service('RENTAL_FUND', 'TECHNICAL_AID_RENTAL')]), demand: {} },
      [RENTAL],
      DEMAND,
    );
    expect(map.coverage.map((c) => c.serviceKind)).toEqual(['TECHNICAL_AID_RENTAL']);
  });

  test('the territory is named by its OKTMO as a string', () => {
    expect(assembleResourceMap({ oktmo: 25701000 }, [], undefined).territoryOktmo).toBe('25701000');
  });
});

// tests/resource-map/coverage.test.ts covers NO_PROVIDER, suppressed demand, the over-capacity factor and sums of
// several providers; these cover the rest of the rule.
describe('coverage: the rest of the gap rule (seed 003 §34.2–34.3)', () => {
  const supply = (
    serviceKind: string,
    capacityTotal: number | null,
    capacityAvailable: number | null,
    queueLength: number | null = null,
  ) => ({
    serviceKind,
    capacityTotal,
    capacityAvailable,
    queueLength,
  });

  test('service kinds are those of supply and demand together, each once, in order', () => {
    const result = coverage(
      [supply('SOCIAL_SUPPORT', 5, 5), supply('EARLY_HELP', 5, 5), supply('SOCIAL_SUPPORT', 5, 5)],
      [
        { kind: 'QUOTA_JOBS', value: '11', count: 11 },
        { kind: 'EARLY_HELP', value: '3', count: 3 },
      ],
    );
    expect(result.map((c) => c.serviceKind)).toEqual(['EARLY_HELP', 'QUOTA_JOBS', 'SOCIAL_SUPPORT']);
  });

  test('supply with no demand shows demand "0" and no gap', () => {
    expect(coverage([supply('EARLY_HELP', 5, 5)], [])).toEqual([
      { serviceKind: 'EARLY_HELP', demand: '0', providers: 1, capacityTotal: 5, capacityAvailable: 5, queueLength: 0, gap: 'NONE' },
    ]);
  });

  test('no free places and no demand is not a gap', () => {
    expect(coverage([supply('EARLY_HELP', 5, 0)], [])[0].gap).toBe('NONE');
  });

  test('demand with no free place at all is OVER_CAPACITY, even with nobody queuing yet', () => {
    expect(coverage([supply('EARLY_HELP', 5, 0)], [{ kind: 'EARLY_HELP', value: '1', count: 1 }])[0].gap).toBe('OVER_CAPACITY');
  });

  test('a suppressed demand ("<10") against no free place is OVER_CAPACITY: it counts as at least one', () => {
    expect(coverage([supply('EARLY_HELP', 5, 0)], [{ kind: 'EARLY_HELP', value: '<10', count: null }])[0].gap).toBe('OVER_CAPACITY');
  });

  test('providers that publish no capacity are counted, but not judged over capacity', () => {
    const result = coverage([supply('SOCIAL_SUPPORT', null, null)], [{ kind: 'SOCIAL_SUPPORT', value: '40', count: 40 }]);
    expect(result[0]).toMatchObject({ providers: 1, capacityTotal: null, capacityAvailable: null, gap: 'NONE' });
  });

  test('capacity is summed over the providers that publish it; one that does not adds nothing', () => {
    const result = coverage([supply('EARLY_HELP', 10, 4), supply('EARLY_HELP', null, null)], []);
    expect(result[0]).toMatchObject({ providers: 2, capacityTotal: 10, capacityAvailable: 4 });
  });

  test('queues add up over providers; an unknown queue counts as none', () => {
    const result = coverage(
      [supply('TECHNICAL_AID_RENTAL', 4, 1, 2), supply('TECHNICAL_AID_RENTAL', 4, 1, null), supply('TECHNICAL_AID_RENTAL', 4, 1, 3)],
      [],
    );
    expect(result[0].queueLength).toBe(5);
  });

  test('a queue where places are still free is not by itself a gap', () => {
    expect(coverage([supply('TECHNICAL_AID_RENTAL', 4, 1, 2)], [])[0].gap).toBe('NONE');
  });

  test('a negative free capacity (overbooked) counts as none free', () => {
    expect(coverage([supply('EARLY_HELP', 5, -2)], [{ kind: 'EARLY_HELP', value: '1', count: 1 }])[0].gap).toBe('OVER_CAPACITY');
  });

  test('a demand of zero with no provider is not a gap', () => {
    expect(coverage([], [{ kind: 'EARLY_HELP', value: '0', count: 0 }])[0]).toMatchObject({ providers: 0, gap: 'NONE' });
  });

  test('no supply and no demand, no coverage rows', () => {
    expect(coverage([], [])).toEqual([]);
  });
});
