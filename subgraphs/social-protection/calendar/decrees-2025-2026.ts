import type { Decree } from './decree-rules';

/**
 * The 2025 and 2026 decrees on days off as the hub's decree format states them (DOMAIN.md). The shipped
 * calendar (russia-2025-2026.ts) equals the Labour Code's calendar with these applied (checked in the tests).
 */
const N1335 = 'Government decree No. 1335 of 4 Oct 2024';
export const DECREE_2025: Decree = {
  year: 2025,
  days: [
    { date: '2025-05-02', kind: 'day_off', from: '2025-01-04', reference: N1335 },
    { date: '2025-12-31', kind: 'day_off', from: '2025-01-05', reference: N1335 },
    { date: '2025-05-08', kind: 'day_off', from: '2025-02-23', reference: N1335 },
    { date: '2025-06-13', kind: 'day_off', from: '2025-03-08', reference: N1335 },
    { date: '2025-11-03', kind: 'day_off', from: '2025-11-01', reference: N1335 },
    { date: '2025-11-01', kind: 'working_day', reference: N1335 },
  ],
};

const N1466 = 'Government decree No. 1466 of 24 Sep 2025';
export const DECREE_2026: Decree = {
  year: 2026,
  days: [
    { date: '2026-01-09', kind: 'day_off', from: '2026-01-03', reference: N1466 },
    { date: '2026-12-31', kind: 'day_off', from: '2026-01-04', reference: N1466 },
  ],
};
