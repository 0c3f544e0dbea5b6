import { localDateOf, now, parseClockSetting, regionTimeZone, resetClock, setClock, today } from '../../subgraphs/kit/platform/clock';
import { DEFAULT_TEST_CLOCK } from '../support/clock';

afterEach(() => setClock({ at: process.env.HUB_TEST_CLOCK || DEFAULT_TEST_CLOCK, timeZone: 'Asia/Irkutsk' }));

test('at 23:30 UTC the Irkutsk region is already on the next day', () => {
  setClock({ at: '2026-03-15T23:30:00Z', timeZone: 'Asia/Irkutsk' });
  expect(today()).toBe('2026-03-16');
});

test('until 08:00 local time the UTC date would be a day behind; the hub uses the local date', () => {
  setClock({ at: '2026-12-31T23:59:00+08:00' });
  expect(now().toISOString().slice(0, 10)).toBe('2026-12-31');
  setClock({ at: '2027-01-01T07:59:00+08:00' });
  expect(now().toISOString().slice(0, 10)).toBe('2026-12-31');
  expect(today()).toBe('2027-01-01');
});

test('a bare date on the clock means that day in the region, whatever its offset', () => {
  expect(localDateOf(parseClockSetting('2027-04-15', 'Asia/Irkutsk'), 'Asia/Irkutsk')).toBe('2027-04-15');
  expect(localDateOf(parseClockSetting('2027-04-15', 'Pacific/Kiritimati'), 'Pacific/Kiritimati')).toBe('2027-04-15');
  expect(localDateOf(parseClockSetting('2027-04-15', 'Pacific/Pago_Pago'), 'Pacific/Pago_Pago')).toBe('2027-04-15');
});

test('the same instant is a different day in another region', () => {
  setClock({ at: '2026-06-30T20:00:00Z', timeZone: 'Europe/Kaliningrad' });
  expect(today()).toBe('2026-06-30');
  setClock({ timeZone: 'Asia/Kamchatka' });
  expect(today()).toBe('2026-07-01');
  expect(regionTimeZone()).toBe('Asia/Kamchatka');
});

test('a fixed clock does not move, and the environment sets zone and clock for a whole process', () => {
  resetClock({ HUB_CLOCK: '2030-02-20T09:00:00+08:00' });
  expect(regionTimeZone()).toBe('Asia/Irkutsk');
  expect(today()).toBe('2030-02-20');
  expect(now().getTime()).toBe(now().getTime());
});

test('a wrong time zone or clock setting is refused with a message naming it', () => {
  expect(() => resetClock({ HUB_TIME_ZONE: 'Mars/Olympus' })).toThrow(/HUB_TIME_ZONE "Mars\/Olympus"/);
  expect(() => resetClock({ HUB_CLOCK: '2026-02-30' })).toThrow(/not a calendar date/);
  expect(() => resetClock({ HUB_CLOCK: '2026-12-03T10:00' })).toThrow(/ISO instant with an offset/);
});
