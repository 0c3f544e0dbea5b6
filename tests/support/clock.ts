import { setClock } from '../../subgraphs/kit/platform/clock';

/**
 * Every test runs on a clock it sets, never on the machine's date: the day comes from
 * HUB_TEST_CLOCK (set by scripts/test-on-dates.ts, which runs the suite on several days) or the
 * default below. The region's zone is fixed too, so a machine in another zone sees the same day.
 */
export const DEFAULT_TEST_CLOCK = '2026-12-03T12:00:00+08:00';

setClock({ at: process.env.HUB_TEST_CLOCK || DEFAULT_TEST_CLOCK, timeZone: process.env.HUB_TIME_ZONE || 'Asia/Irkutsk' });
