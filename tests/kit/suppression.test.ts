import { suppress } from '../../subgraphs/kit/policy/suppression';

test('counts below the threshold are released as "<10" (small-cell suppression for analysts)', () => {
  const released = suppress([
    { group: 'm', key: 'a', count: 3 },
    { group: 'm', key: 'b', count: 12 },
    { group: 'm', key: 'c', count: 0 },
    { group: 'm', key: 'd', count: 4 },
  ]);
  expect(released.map((c) => c.value)).toEqual(['<10', '12', '0', '<10']);
});

test('a single suppressed cell in a group takes the next smallest with it, so the total cannot reveal it', () => {
  const released = suppress([
    { group: 'm', key: 'a', count: 3 },
    { group: 'm', key: 'b', count: 40 },
    { group: 'm', key: 'c', count: 15 },
    { group: 'other', key: 'a', count: 25 },
  ]);
  expect(released.map((c) => `${c.group}.${c.key}=${c.value}`)).toEqual(['m.a=<10', 'm.b=40', 'm.c=<10', 'other.a=25']);
});

test('the threshold is configurable', () => {
  expect(
    suppress(
      [
        { group: 'g', key: 'a', count: 4 },
        { group: 'g', key: 'b', count: 6 },
      ],
      5,
    ).map((c) => c.value),
  ).toEqual(['<5', '<5']);
});
