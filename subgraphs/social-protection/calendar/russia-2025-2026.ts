import { CalendarDay } from './production-calendar';

/**
 * Russian federal production calendar for 2025 and 2026 (DOMAIN.md, "Deadlines are in working days").
 *
 * Sources: Labour Code art. 112 (non-working holidays: 1–6 and 8 January, 7 January, 23 February,
 * 8 March, 1 May, 9 May, 12 June, 4 November; a holiday on a weekend moves to the next working day
 * unless a decree moves it elsewhere); government decree No. 1335 of 4 Oct 2024 (2025 transfers);
 * government decree No. 1466 of 24 Sep 2025 (2026 transfers).
 *
 * Only days that differ from plain Mon–Fri are listed: holidays and transferred days off that fall on
 * weekdays, and weekend days made working. Holidays that fall on a Saturday or Sunday change nothing
 * by themselves; where a decree moved them, the weekday they moved to is listed.
 * Yearly totals: 2025 — 247 working days, 2026 — 247 working days (checked in the tests).
 */
export const RUSSIA_2025_2026: CalendarDay[] = [
  // ---- 2025 (decree No. 1335 of 4 Oct 2024) ----
  { date: '2025-01-01', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  { date: '2025-01-02', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  { date: '2025-01-03', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  // 4 and 5 January 2025 are Sat/Sun; their days off move to 2 May and 31 December.
  { date: '2025-01-06', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  { date: '2025-01-07', kind: 'holiday', note: 'Christmas (Labour Code art. 112)' },
  { date: '2025-01-08', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  // 23 February 2025 is a Sunday; moved to Thu 8 May. 8 March 2025 is a Saturday; moved to Fri 13 June.
  { date: '2025-05-01', kind: 'holiday', note: 'Spring and Labour Day (Labour Code art. 112)' },
  { date: '2025-05-02', kind: 'holiday', note: 'Day off moved from Sat 4 Jan (decree No. 1335)' },
  { date: '2025-05-08', kind: 'holiday', note: 'Day off moved from Sun 23 Feb (decree No. 1335)' },
  { date: '2025-05-09', kind: 'holiday', note: 'Victory Day (Labour Code art. 112)' },
  { date: '2025-06-12', kind: 'holiday', note: 'Russia Day (Labour Code art. 112)' },
  { date: '2025-06-13', kind: 'holiday', note: 'Day off moved from Sat 8 Mar (decree No. 1335)' },
  { date: '2025-11-01', kind: 'working_weekend', note: 'Saturday worked; its day off moved to Mon 3 Nov (decree No. 1335)' },
  { date: '2025-11-03', kind: 'holiday', note: 'Day off moved from Sat 1 Nov (decree No. 1335)' },
  { date: '2025-11-04', kind: 'holiday', note: 'National Unity Day (Labour Code art. 112)' },
  { date: '2025-12-31', kind: 'holiday', note: 'Day off moved from Sun 5 Jan (decree No. 1335)' },

  // ---- 2026 (decree No. 1466 of 24 Sep 2025): New Year break 31 Dec 2025 – 11 Jan 2026 ----
  { date: '2026-01-01', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  { date: '2026-01-02', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  // 3 and 4 January 2026 are Sat/Sun; their days off move to Fri 9 Jan and Thu 31 Dec.
  { date: '2026-01-05', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  { date: '2026-01-06', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  { date: '2026-01-07', kind: 'holiday', note: 'Christmas (Labour Code art. 112)' },
  { date: '2026-01-08', kind: 'holiday', note: 'New Year holidays (Labour Code art. 112)' },
  { date: '2026-01-09', kind: 'holiday', note: 'Day off moved from Sat 3 Jan (decree No. 1466)' },
  { date: '2026-02-23', kind: 'holiday', note: 'Defender of the Fatherland Day (Labour Code art. 112)' },
  { date: '2026-03-09', kind: 'holiday', note: 'Day off for Sun 8 Mar, International Women’s Day (Labour Code art. 112)' },
  { date: '2026-05-01', kind: 'holiday', note: 'Spring and Labour Day (Labour Code art. 112)' },
  { date: '2026-05-11', kind: 'holiday', note: 'Day off for Sat 9 May, Victory Day (Labour Code art. 112)' },
  { date: '2026-06-12', kind: 'holiday', note: 'Russia Day (Labour Code art. 112)' },
  { date: '2026-11-04', kind: 'holiday', note: 'National Unity Day (Labour Code art. 112)' },
  { date: '2026-12-31', kind: 'holiday', note: 'Day off moved from Sun 4 Jan (decree No. 1466)' },
];
