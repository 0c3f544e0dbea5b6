/**
 * The administrator's production calendar tool (README, "Each autumn: load next year's decree").
 *   npm run calendar -- check <file>     checks a decree file offline and prints the year it gives
 *   npm run calendar -- load <file>      loads it through the gateway (loadCalendarDecree, audited)
 *   npm run calendar -- status           which years are decreed or provisional, and the alerts
 * The hub is reached at HUB_URL (default http://127.0.0.1:4000/graphql) with an administrator's token from
 * HUB_TOKEN; without one, a development token is minted from the local dev key (.hub/keys, npm start).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateDevKeys, mintToken } from '../gateway/dev-keys';
import { DomainError } from '../subgraphs/kit/platform/errors';
import { parseDecreeFile } from '../subgraphs/social-protection/calendar/decree-file';
import { decreedCalendarDays, type Decree } from '../subgraphs/social-protection/calendar/decree-rules';
import { ProductionCalendar } from '../subgraphs/social-protection/calendar/production-calendar';
import { HUB_HOME } from './lib/config';

const LOAD = `mutation($input: LoadCalendarDecreeInput!) { loadCalendarDecree(input: $input) {
  load { year workingDays days { on kind note }
    recomputedCases { supportCaseId stage formerDueOn dueOn provisionalBefore provisionalAfter } }
  userErrors { code message field } } }`;
const STATUS = `{ productionCalendarStatus { judgedOn years { year decreed } alerts { code year message } } }`;

class CliError extends Error {}

function readDecree(file: string | undefined): Decree {
  if (!file) throw new CliError('Give the decree file: npm run calendar -- load <file>');
  try {
    const decree = parseDecreeFile(fs.readFileSync(path.resolve(file), 'utf8'));
    decreedCalendarDays(decree); // every check of the hub, before anything is sent
    return decree;
  } catch (e) {
    if (e instanceof DomainError)
      throw new CliError(`${file}: ${e.message} (${e.code}${e.extensions.reason ? `, ${e.extensions.reason}` : ''})`);
    throw e;
  }
}

async function adminToken(): Promise<string> {
  if (process.env.HUB_TOKEN) return process.env.HUB_TOKEN;
  const keys = await loadOrCreateDevKeys(path.join(HUB_HOME, 'keys'));
  return mintToken(
    keys.privateJwk,
    { subject: 'calendar-cli', role: 'ADMINISTRATOR', organizationId: null, territoryOktmo: null, agency: null, grants: [] },
    '10m',
  );
}

interface LoadAnswer {
  loadCalendarDecree: {
    load: {
      year: number;
      workingDays: number;
      days: unknown[];
      recomputedCases: {
        supportCaseId: string;
        stage: string;
        formerDueOn: string | null;
        dueOn: string | null;
        provisionalBefore: boolean;
        provisionalAfter: boolean;
      }[];
    } | null;
    userErrors: { code: string; message: string; field: string[] | null }[];
  };
}
interface StatusAnswer {
  productionCalendarStatus: { years: { year: number; decreed: boolean }[]; alerts: { message: string }[] };
}

async function call<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const url = process.env.HUB_URL ?? 'http://127.0.0.1:4000/graphql';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new CliError(`${e.message} (${e.extensions?.code ?? 'ERROR'}${e.extensions?.reason ? `, ${e.extensions.reason}` : ''})`);
  }
  return body.data as T;
}

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if (command === 'check') {
    const decree = readDecree(file);
    const days = decreedCalendarDays(decree);
    for (const d of days) console.log(`${d.date}  ${d.kind.padEnd(15)}  ${d.note}`);
    console.log(`${decree.year}: ${new ProductionCalendar(days, [decree.year]).workingDaysInYear(decree.year)} working days`);
  } else if (command === 'load') {
    const decree = readDecree(file);
    const days = decree.days.map((d) => ({ on: d.date, kind: d.kind.toUpperCase(), reference: d.reference, movedFromOn: d.from ?? null }));
    const { loadCalendarDecree: answer } = await call<LoadAnswer>(LOAD, { input: { year: decree.year, days } });
    const refusal = answer.userErrors[0];
    if (refusal || !answer.load) throw new CliError(`${refusal?.message ?? 'the decree was not loaded'} (${refusal?.code ?? 'ERROR'})`);
    const result = answer.load;
    console.log(`${result.year}: decree loaded, ${result.days.length} federal days, ${result.workingDays} working days`);
    console.log(`${result.recomputedCases.length} open case(s) with a changed deadline`);
    for (const c of result.recomputedCases) {
      console.log(
        `  ${c.supportCaseId} ${c.stage}: ${c.formerDueOn}${c.provisionalBefore ? ' (provisional)' : ''} -> ${c.dueOn}${c.provisionalAfter ? ' (provisional)' : ''}`,
      );
    }
  } else if (command === 'status') {
    const { productionCalendarStatus: status } = await call<StatusAnswer>(STATUS);
    for (const y of status.years) console.log(`${y.year}: ${y.decreed ? 'decreed' : 'PROVISIONAL (Labour Code only)'}`);
    for (const a of status.alerts) console.log(`! ${a.message}`);
  } else {
    throw new CliError('usage: npm run calendar -- check <file> | load <file> | status');
  }
}

main().catch((error) => {
  console.error(error instanceof CliError ? error.message : error);
  process.exit(1);
});
