import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm test`: the whole suite, once per day below, each run on a clock it sets (HUB_TEST_CLOCK,
 * read by tests/support/clock.ts). Demo data is laid out relative to the day it is loaded and every
 * rule reads the hub clock, so the suite must pass on any of them; these are the days where a
 * date-handling mistake would show.
 *
 *   npm test                          every day below
 *   npm test -- --days 2027-04-15     only the given days (comma-separated), e.g. while developing
 *   npm test -- tests/route           extra arguments go to jest
 */
export const TEST_DAYS: { at: string; why: string }[] = [
  { at: '2026-12-03T12:00:00+08:00', why: 'an ordinary Thursday (the default test clock)' },
  { at: '2025-12-31T12:00:00+08:00', why: 'the last day of a year, a day off by decree No. 1335' },
  { at: '2026-06-12T12:00:00+08:00', why: 'Russia Day, a holiday on a Friday' },
  { at: '2025-11-01T12:00:00+08:00', why: 'a Saturday that is a working day (decree No. 1335)' },
  { at: '2026-03-15T23:30:00Z', why: '23:30 UTC: already Monday 16 March in Irkutsk (UTC+8)' },
  { at: '2026-12-25T12:00:00+08:00', why: 'deadlines cross into 2027, a year with no decree loaded (provisional)' },
  { at: '2027-04-15T12:00:00+08:00', why: 'a day in a year the hub holds no decree for' },
  { at: '2030-02-20T12:00:00+08:00', why: 'years ahead: everything on the statutory calendar' },
];

function parseArguments(argv: string[]): { days: string[]; jestArgs: string[] } {
  const jestArgs: string[] = [];
  let days = TEST_DAYS.map((d) => d.at);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--days') days = (argv[++i] ?? '').split(',').filter(Boolean);
    else jestArgs.push(argv[i]);
  }
  return { days, jestArgs };
}

function main(): void {
  const { days, jestArgs } = parseArguments(process.argv.slice(2));
  const jest = path.resolve(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
  const results: { at: string; ok: boolean; seconds: number }[] = [];
  for (const at of days) {
    process.stdout.write(`\n=== npm test on the clock ${at} (${TEST_DAYS.find((d) => d.at === at)?.why ?? 'given day'}) ===\n`);
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [jest, ...jestArgs], { stdio: 'inherit', env: { ...process.env, HUB_TEST_CLOCK: at } });
    results.push({ at, ok: run.status === 0, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
  }
  process.stdout.write('\n=== the suite on each day ===\n');
  for (const r of results) process.stdout.write(`${r.ok ? 'pass' : 'FAIL'}  ${r.at.padEnd(26)} ${r.seconds.toFixed(0)} s\n`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

if (require.main === module) main();
