import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, Field, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { regionTimeZone, today } from '../../kit/platform/clock';
import { checkPageSize, decodeCursor, PageArgs, pageOf } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { badInput } from '../../kit/platform/errors';
import { periodBounds, PeriodInput } from '../../kit/platform/period';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { SignalConnection } from '../signal/intake.resolver';
import { signalPage } from '../signal/signal-page';
import { Signal, SignalSource } from '../signal/signal.entity';
import { SupportCase } from '../support-case/support-case.entity';
import { SupportCaseConnection } from '../support-case/support-case.resolver';
import { Territory } from '../territory/territory.entity';
import { csvDocument } from './csv';
import {
  APPEAL_COLUMNS,
  APPEAL_SOURCES,
  appealRecord,
  fullName,
  HELPLINE_CALL_COLUMNS,
  HELPLINE_SOURCES,
  helplineCallRecord,
  PRIMARY_REGISTRATION_COLUMNS,
  registrationRecord,
} from './journal.rules';

/** The journals of an operator organization the hub keeps (seed 004 §5.1). */
export enum Journal {
  HELPLINE_CALLS = 'HELPLINE_CALLS',
  APPEALS = 'APPEALS',
  PRIMARY_REGISTRATION = 'PRIMARY_REGISTRATION',
}
registerEnumType(Journal, {
  name: 'Journal',
  description: 'A journal of the operator organization (seed 004 §5.1).',
  valuesConfig: {
    HELPLINE_CALLS: { description: 'The helpline «Помощь» call journal, with the columns of seed 004 annex 4 §3.5.' },
    APPEALS: { description: 'The journal of appeals of citizens and organizations (seed 004 §5.1.4, §1.12).' },
    PRIMARY_REGISTRATION: { description: 'The primary registration journal of citizens taken on for support (seed 000 §3, stage I).' },
  },
});

/** A CSV file a client saves as it is: the journal's rows under the seed's column headers. */
@ObjectType({ description: 'A journal exported as a CSV file (RFC 4180, UTF-8 with a byte order mark, CRLF line ends).' })
export class CsvExport {
  @Field({ description: 'A file name to save it under, e.g. helpline-calls_2026-11-01_2026-11-30.csv.' })
  fileName!: string;

  @Field({ description: 'The media type of the content: text/csv; charset=utf-8.' })
  mediaType!: string;

  @Field({ description: 'The file: a header record with the journal’s column names in Russian, then one record per row.' })
  content!: string;

  @Field(() => Int, { description: 'How many rows the file holds, the header not counted.' })
  rowCount!: number;
}

/** The most rows one export holds; a period holding more is refused (narrow it), never cut. */
export const MAX_EXPORT_ROWS = 5000;

const FILE_NAMES: Record<Journal, string> = {
  HELPLINE_CALLS: 'helpline-calls',
  APPEALS: 'appeals',
  PRIMARY_REGISTRATION: 'primary-registration',
};

/**
 * The journals of seed 004 §5.1 as queries and CSV files, for the coordinators of the operator organization that keeps
 * them (seed 003 §33: the coordinator documents the process). Analysts of resource centres work on aggregates
 * (seed 003 §34): the journals name people, so they are not theirs. Every read of the people in them is audited.
 */
@Resolver()
export class JournalResolver {
  @Authorized(Role.COORDINATOR)
  @Query(() => SignalConnection, {
    nullable: true,
    description:
      'The helpline «Помощь» call journal of my organization, oldest first (seed 004 annex 4 §3.5): number, date and time, caller (blank when anonymous), category, year of birth, summary, result, service code.',
  })
  async helplineCallJournal(
    @Args() { first, after }: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: 'Days the calls came in, both ends included.' })
    period: PeriodInput | null,
    @Arg('territoryOktmo', () => String, { nullable: true, description: 'OKTMO of a territory: its calls only.' })
    territoryOktmo: string | null,
    @Ctx() ctx: HubContext,
  ) {
    const page = await signalPage(ctx, signalScope(ctx, HELPLINE_SOURCES, period, territoryOktmo), first, after);
    auditSignals(
      ctx,
      'helplineCallJournal',
      page.edges.map((e) => e.node),
    );
    return page;
  }

  @Authorized(Role.COORDINATOR)
  @Query(() => SignalConnection, {
    nullable: true,
    description:
      'The journal of appeals of citizens and organizations to my organization, oldest first (seed 004 §5.1.4; an appeal may be anonymous, §1.12).',
  })
  async appealJournal(
    @Args() { first, after }: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: 'Days the appeals arrived, both ends included.' })
    period: PeriodInput | null,
    @Arg('territoryOktmo', () => String, { nullable: true, description: 'OKTMO of a territory: its appeals only.' })
    territoryOktmo: string | null,
    @Ctx() ctx: HubContext,
  ) {
    const page = await signalPage(ctx, signalScope(ctx, APPEAL_SOURCES, period, territoryOktmo), first, after);
    auditSignals(
      ctx,
      'appealJournal',
      page.edges.map((e) => e.node),
    );
    return page;
  }

  @Authorized(Role.COORDINATOR)
  @Query(() => SupportCaseConnection, {
    nullable: true,
    description:
      'The primary registration journal of my organization: the citizens taken on for support, by the day their case opened, oldest first (seed 000 §3, stage I; seed 004 §5.1.1).',
  })
  async primaryRegistrationJournal(
    @Args() { first, after }: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: 'Days the cases opened, both ends included.' })
    period: PeriodInput | null,
    @Arg('territoryOktmo', () => String, { nullable: true, description: 'OKTMO of a territory: its registrations only.' })
    territoryOktmo: string | null,
    @Ctx() ctx: HubContext,
  ) {
    checkPageSize(first);
    const cursor = decodeCursor(after, 2);
    const where = caseScope(ctx, period, territoryOktmo);
    const conditions: FilterQuery<SupportCase>[] = [where];
    if (cursor) {
      const [day, id] = cursor.map(String);
      conditions.push({ $or: [{ openedOn: { $gt: day } }, { openedOn: day, id: { $gt: id } }] });
    }
    const rows = await ctx.em.find(SupportCase, { $and: conditions }, { orderBy: { openedOn: 'asc', id: 'asc' }, limit: first + 1 });
    const totalCount = await ctx.em.count(SupportCase, where);
    const page = pageOf(rows, totalCount, first, cursor, (c) => [c.openedOn, c.id]);
    if (page.edges.length)
      ctx.audit.read(
        'primaryRegistrationJournal',
        page.edges.map((e) => e.node.personId),
      );
    return page;
  }

  @Authorized(Role.COORDINATOR)
  @Query(() => CsvExport, {
    nullable: true,
    description: `A journal of my organization for a period as a CSV file, with the seed's column names in Russian; at most ${MAX_EXPORT_ROWS} rows (more is BAD_USER_INPUT: narrow the period).`,
  })
  async journalCsv(
    @Arg('journal', () => Journal, { description: 'Which journal.' }) journal: Journal,
    @Arg('period', () => PeriodInput, { nullable: true, description: 'Days to export, both ends included.' }) period: PeriodInput | null,
    @Arg('territoryOktmo', () => String, { nullable: true, description: 'OKTMO of a territory: its rows only.' })
    territoryOktmo: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<CsvExport> {
    const { header, rows } =
      journal === Journal.PRIMARY_REGISTRATION
        ? await registrationRows(ctx, period, territoryOktmo)
        : await signalRows(ctx, journal, period, territoryOktmo);
    const { from, to } = periodBounds(period);
    const span = `${from === '0001-01-01' ? 'start' : from}_${to === '9999-12-31' ? today() : to}`;
    return {
      fileName: `${FILE_NAMES[journal]}_${span}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      content: csvDocument(header, rows),
      rowCount: rows.length,
    };
  }
}

function organizationOf(ctx: HubContext): string {
  const organizationId = ctx.identity.organizationId;
  if (!organizationId) throw forbidden('A coordinator without an organization keeps no journals');
  return organizationId;
}

/**
 * A journal is my organization's register (seed 004 §5.1): only signals routed to it, a narrower scope than the
 * intake queue's (intakeScopeOf). An unrouted signal waits in the queues of its territory's operators, and enters
 * a journal when a coordinator matches or closes it (both route it to an organization), so it is not lost.
 */
function signalScope(
  ctx: HubContext,
  sources: readonly SignalSource[],
  period: PeriodInput | null,
  territoryOktmo: string | null,
): FilterQuery<Signal> {
  const { from, to } = periodBounds(period);
  return {
    operatorOrganizationId: organizationOf(ctx),
    source: { $in: [...sources] },
    receivedOn: { $gte: from, $lte: to },
    ...(territoryOktmo ? { territoryOktmo } : {}),
  };
}

function caseScope(ctx: HubContext, period: PeriodInput | null, territoryOktmo: string | null): FilterQuery<SupportCase> {
  const { from, to } = periodBounds(period);
  return {
    operatorOrganizationId: organizationOf(ctx),
    openedOn: { $gte: from, $lte: to },
    ...(territoryOktmo ? { territoryOktmo } : {}),
  };
}

function auditSignals(ctx: HubContext, operation: string, signals: Signal[]): void {
  const personIds = signals.flatMap((s) => (s.personId ? [s.personId] : []));
  if (personIds.length) ctx.audit.read(operation, personIds);
}

function assertExportable(count: number): void {
  if (count > MAX_EXPORT_ROWS) {
    throw badInput(`The period holds more than ${MAX_EXPORT_ROWS} rows: export a shorter period`, { argument: 'period' });
  }
}

/** Names of the territories, persons and organizations the rows refer to: one statement each. */
async function names(ctx: HubContext, oktmos: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(oktmos.filter((o): o is string => Boolean(o)))];
  const territories = wanted.length ? await ctx.em.find(Territory, { oktmo: { $in: wanted } }) : [];
  return new Map(territories.map((t) => [t.oktmo, `${t.name} (${t.oktmo})`]));
}

async function signalRows(ctx: HubContext, journal: Journal, period: PeriodInput | null, territoryOktmo: string | null) {
  const sources = journal === Journal.HELPLINE_CALLS ? HELPLINE_SOURCES : APPEAL_SOURCES;
  const signals = await ctx.em.find(Signal, signalScope(ctx, sources, period, territoryOktmo), {
    orderBy: { receivedOn: 'asc', createdAt: 'asc', id: 'asc' },
    limit: MAX_EXPORT_ROWS + 1,
  });
  assertExportable(signals.length);
  auditSignals(ctx, 'journalCsv', signals);
  if (journal === Journal.HELPLINE_CALLS) {
    const zone = regionTimeZone();
    return { header: [...HELPLINE_CALL_COLUMNS], rows: signals.map((s, i) => helplineCallRecord(s, i + 1, zone)) };
  }
  const personIds = [...new Set(signals.flatMap((s) => (s.personId ? [s.personId] : [])))];
  const orgIds = [...new Set(signals.flatMap((s) => (s.submittingOrganizationId ? [s.submittingOrganizationId] : [])))];
  const persons = personIds.length ? await ctx.em.find(Person, { id: { $in: personIds } }) : [];
  const orgs = orgIds.length ? await ctx.em.find(Organization, { id: { $in: orgIds } }) : [];
  const personName = new Map(persons.map((p) => [p.id, fullName(p)]));
  const orgName = new Map(orgs.map((o) => [o.id, o.shortName ?? o.name]));
  const territoryName = await names(
    ctx,
    signals.map((s) => s.territoryOktmo),
  );
  return {
    header: [...APPEAL_COLUMNS],
    rows: signals.map((s, i) =>
      appealRecord(
        {
          ...s,
          personName: (s.personId && personName.get(s.personId)) || s.callerName,
          organizationName: s.submittingOrganizationId ? (orgName.get(s.submittingOrganizationId) ?? null) : null,
          territoryName: s.territoryOktmo ? (territoryName.get(s.territoryOktmo) ?? s.territoryOktmo) : null,
        },
        i + 1,
      ),
    ),
  };
}

async function registrationRows(ctx: HubContext, period: PeriodInput | null, territoryOktmo: string | null) {
  const cases = await ctx.em.find(SupportCase, caseScope(ctx, period, territoryOktmo), {
    orderBy: { openedOn: 'asc', id: 'asc' },
    limit: MAX_EXPORT_ROWS + 1,
  });
  assertExportable(cases.length);
  if (cases.length) ctx.audit.read('journalCsv', [...new Set(cases.map((c) => c.personId))]);
  const persons = cases.length ? await ctx.em.find(Person, { id: { $in: [...new Set(cases.map((c) => c.personId))] } }) : [];
  const signalIds = cases.flatMap((c) => (c.signalId ? [c.signalId] : []));
  const signals = signalIds.length ? await ctx.em.find(Signal, { id: { $in: signalIds } }) : [];
  const personById = new Map(persons.map((p) => [p.id, p]));
  const sourceOf = new Map(signals.map((s) => [s.id, s.source]));
  const territoryName = await names(
    ctx,
    cases.map((c) => c.territoryOktmo),
  );
  return {
    header: [...PRIMARY_REGISTRATION_COLUMNS],
    rows: cases.map((c, i) =>
      registrationRecord(
        {
          openedOn: c.openedOn,
          person: personById.get(c.personId) ?? null,
          source: c.signalId ? (sourceOf.get(c.signalId) ?? null) : null,
          territoryName: c.territoryOktmo ? (territoryName.get(c.territoryOktmo) ?? c.territoryOktmo) : null,
          stage: c.stage,
          closedOn: c.closedOn,
        },
        i + 1,
      ),
    ),
  };
}
