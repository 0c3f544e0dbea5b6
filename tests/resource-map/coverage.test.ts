import { coverage } from '../../subgraphs/conventions/resource-map/coverage';

test('demand with no provider on the territory is a NO_PROVIDER gap (seed 003 §34.2)', () => {
  expect(coverage([], [{ kind: 'EARLY_HELP', value: '14', count: 14 }])).toEqual([
    {
      serviceKind: 'EARLY_HELP',
      demand: '14',
      providers: 0,
      capacityTotal: null,
      capacityAvailable: null,
      queueLength: 0,
      gap: 'NO_PROVIDER',
    },
  ]);
});

test('a suppressed demand ("<10") still reveals a territory with no provider at all', () => {
  expect(coverage([], [{ kind: 'QUOTA_JOBS', value: '<10', count: null }])[0].gap).toBe('NO_PROVIDER');
});

test('demand far above the free places, or people queuing with nothing free, is OVER_CAPACITY', () => {
  const supply = [{ serviceKind: 'EARLY_HELP', capacityTotal: 12, capacityAvailable: 3, queueLength: null }];
  expect(coverage(supply, [{ kind: 'EARLY_HELP', value: '7', count: 7 }])[0].gap).toBe('OVER_CAPACITY');
  expect(coverage(supply, [{ kind: 'EARLY_HELP', value: '6', count: 6 }])[0].gap).toBe('NONE');
  const rental = [{ serviceKind: 'TECHNICAL_AID_RENTAL', capacityTotal: 4, capacityAvailable: 0, queueLength: 2 }];
  expect(coverage(rental, [])[0].gap).toBe('OVER_CAPACITY');
});

test('supply of several providers adds up per service kind', () => {
  const supply = [
    { serviceKind: 'INCLUSIVE_EDUCATION', capacityTotal: 25, capacityAvailable: 7, queueLength: null },
    { serviceKind: 'INCLUSIVE_EDUCATION', capacityTotal: 30, capacityAvailable: 10, queueLength: null },
  ];
  expect(coverage(supply, [{ kind: 'INCLUSIVE_EDUCATION', value: '12', count: 12 }])[0]).toMatchObject({
    providers: 2,
    capacityTotal: 55,
    capacityAvailable: 17,
    gap: 'NONE',
  });
});
