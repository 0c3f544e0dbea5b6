import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize, Connection, decodeCursor, PageArgs, pageOf } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { forbidden } from '../../kit/policy/authorization';
import { badInput } from '../../kit/platform/errors';
import { Period, periodBounds, periodOf, PeriodInput } from '../../kit/platform/period';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { RentalApplication } from '../application/rental-application.entity';
import { RentalContract } from '../contract/rental-contract.entity';
import { ApplicationStatus, ReturnCondition } from '../enums';
import { Person } from '../person/person.entity';
import { AGENCY, requireRentalSpecialist } from '../policy';
import { demandPlan } from '../rules/demand-plan';
import { parseIsoDate } from '../rules/dates';
import { isUuid } from '../stock/sql';

/**
 * The journals of seed 004 annex 1 (annex 2: issue journal, annex 4: movement journal) are QUERIES
 * over applications and contracts — not tables of their own that could drift from the records.
 */
@ObjectType({ description: 'A line of the issue journal (seed 004 annex 1 annex 2).' })
export class IssueJournalEntry {
  @Field(() => Int, { description: '№ п/п: the line number within the selected period, counted from its first line.' })
  number!: number;

  /** The application behind the line (its edge is `application`). */
  applicationId!: string;

  @Field(() => LocalDate, { description: 'Дата приема заявления: the day the application was received.' })
  appliedOn!: string;

  @Field(() => ID, { description: 'The hub person id of the applicant; `person` is the applicant.' })
  personId!: string;

  @Field({ description: 'Needed aid (code, seed 004 annex 1 annex 3).' })
  neededAidCode!: string;

  @Field({ description: 'Needed aid (name as annex 3 spells it).' })
  neededAidName!: string;

  @Field(() => String, { nullable: true, description: 'Issued item: its indelible mark; null while nothing was issued.' })
  issuedItemMark!: string | null;

  @Field(() => Period, {
    nullable: true,
    description: 'Срок пользования: from the issue to the due day of the contract; null while nothing was issued.',
  })
  period!: Period | null;

  @Field(() => String, { nullable: true, description: 'Number of the contract; null while nothing was issued.' })
  contractNumber!: string | null;

  @Field({ description: 'Delivery mark: the aid was delivered home (seed 004 annex 1 §3.5).' })
  delivered!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Day the aid was returned; null while it is with the renter or was not issued.' })
  returnedOn!: string | null;

  @Field(() => ReturnCondition, { nullable: true, description: 'Condition in the acceptance act; null until the return.' })
  returnCondition!: ReturnCondition | null;

  @Field(() => ApplicationStatus, { description: 'Where the application stands.' })
  status!: ApplicationStatus;
}

@ObjectType({ description: 'A line of the movement journal (seed 004 annex 1 annex 4).' })
export class MovementJournalEntry {
  @Field(() => Int, { description: '№ п/п: the line number within the selected period, counted from its first line.' })
  number!: number;

  /** The contract behind the line (its edge is `contract`). */
  contractId!: string;

  @Field({ description: 'Наименование ТСР: the aid’s name as annex 3 spells it.' })
  aidName!: string;

  @Field({ description: 'Indelible mark of the item.' })
  itemMark!: string;

  @Field(() => LocalDate, { description: 'Дата выдачи: the day the aid was handed over.' })
  issuedOn!: string;

  @Field(() => ID, { description: 'The hub person id of the recipient; `person` is the recipient.' })
  personId!: string;

  @Field(() => LocalDate, { description: 'Return day by the contract.' })
  dueOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Actual return day; null while the aid is with the renter.' })
  returnedOn!: string | null;
}

@ObjectType({ description: 'A page of the issue journal (seed 004 annex 1 annex 2).' })
export class IssueJournalEntryConnection extends Connection(IssueJournalEntry) {}
@ObjectType({ description: 'A page of the movement journal (seed 004 annex 1 annex 4).' })
export class MovementJournalEntryConnection extends Connection(MovementJournalEntry) {}

@ObjectType({ description: 'One aid kind in the yearly demand plan (seed 004 annex 1 §5.1).' })
export class DemandPlanLine {
  @Field({ description: 'Code of the aid kind.' })
  aidCode!: string;
  @Field(() => Int, { description: 'Contracts made for the aid in the year before the plan.' })
  issuedLastYear!: number;
  @Field(() => Int, { description: 'Applications waiting for the aid now.' })
  queued!: number;
  @Field(() => Int, { description: 'Items of the aid in the fund that are not written off.' })
  stock!: number;
  @Field(() => Int, { description: 'Expected demand: issued last year + queued.' })
  expectedDemand!: number;
  @Field(() => Int, { description: 'Units to request: max(0, issued last year + queued − stock).' })
  additionalUnits!: number;
}

@ObjectType({ description: 'The yearly request for aids sent before 1 May (seed 004 annex 1 §5.1).' })
export class DemandPlan {
  @Field(() => Int, { description: 'The year the plan is sent in.' })
  year!: number;
  @Field(() => Int, { description: 'The year the purchases are for.' })
  forYear!: number;
  @Field(() => LocalDate, { description: 'The plan must arrive before this day (1 May of `year`, seed 004 annex 1 §5.1).' })
  dueOn!: string;
  @Field(() => [DemandPlanLine], { description: 'One line per aid kind of the catalogue that has stock, issues or a queue.' })
  lines!: DemandPlanLine[];
  @Field(() => Int, { description: 'Units to request, all aid kinds together.' })
  totalAdditionalUnits!: number;
  @Field({ description: 'The clause the plan follows.' })
  rule!: string;
}

@ArgsType()
class JournalArgs extends PageArgs {
  @Field(() => ID, { description: 'The rental point whose journal is read.' })
  rentalPointId!: string;

  @Field(() => PeriodInput, {
    nullable: true,
    description: 'Only lines whose day (application or issue) falls within this period, both ends included.',
  })
  period?: PeriodInput | null;
}

function range(args: JournalArgs) {
  if (!isUuid(args.rentalPointId)) throw badInput('rentalPointId is not an id', { argument: 'rentalPointId' });
  return periodBounds(args.period);
}

type Row = Record<string, unknown> & { total_count: string };

@Resolver()
export class JournalResolver {
  @Authorized(Role.SPECIALIST)
  @Query(() => IssueJournalEntryConnection, {
    nullable: true,
    description:
      'Issue journal of a point (seed 004 annex 1 annex 2), in the order applications came, in keyset pages. For rental fund specialists.',
  })
  async issueJournal(@Args() args: JournalArgs, @Ctx() ctx: HubContext) {
    requireRentalSpecialist(ctx);
    const { from, to } = range(args);
    const first = checkPageSize(args.first);
    // The cursor holds the line's key (applied_at, id) and its number, so numbering goes on across pages.
    const after = decodeCursor(args.after, 3);
    const rows = await ctx.em.execute<Row[]>(
      `with selection as (
         select a.id as application_id, a.applied_at, a.applied_at::text as applied_at_key, a.applied_on::text as applied_on,
                a.person_id, a.aid_code, t.name as aid_name, i.mark, c.issued_on::text as issued_on, c.due_on::text as due_on,
                c.contract_number, coalesce(c.delivery_required, a.delivery_required) as delivered, c.returned_on::text as returned_on,
                c.return_condition, a.status
           from rental_application a
           join aid_type t on t.code = a.aid_code
           left join rental_contract c on c.application_id = a.id
           left join rental_item i on i.id = c.item_id
          where a.rental_point_id = ? and a.applied_on between ? and ?)
       select s.*, (select count(*) from selection) as total_count
         from selection s
        ${after ? 'where (s.applied_at, s.application_id) > (?::timestamptz, ?::uuid)' : ''}
        order by s.applied_at, s.application_id
        limit ?`,
      [args.rentalPointId, from, to, ...(after ? [after[0], after[1]] : []), first + 1],
    );
    const before = after ? Number(after[2]) : 0;
    ctx.audit.read('issueJournal', [...new Set(rows.slice(0, first).map((r) => r.person_id as string))]);
    const entries = rows.map((r, i) => ({
      key: r.applied_at_key as string,
      entry: {
        number: before + i + 1,
        applicationId: r.application_id as string,
        appliedOn: r.applied_on as string,
        personId: r.person_id as string,
        neededAidCode: r.aid_code as string,
        neededAidName: r.aid_name as string,
        issuedItemMark: (r.mark as string) ?? null,
        period: r.issued_on != null ? periodOf(r.issued_on as string, r.due_on as string) : null,
        contractNumber: (r.contract_number as string) ?? null,
        delivered: Boolean(r.delivered) && r.issued_on != null,
        returnedOn: (r.returned_on as string) ?? null,
        returnCondition: (r.return_condition as ReturnCondition) ?? null,
        status: r.status as ApplicationStatus,
      } satisfies IssueJournalEntry,
    }));
    const page = pageOf(entries, Number(rows[0]?.total_count ?? 0), first, after, (e) => [e.key, e.entry.applicationId, e.entry.number]);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.entry })) };
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => MovementJournalEntryConnection, {
    nullable: true,
    description: 'Movement journal of a point (seed 004 annex 1 annex 4), by issue day, in keyset pages. For rental fund specialists.',
  })
  async movementJournal(@Args() args: JournalArgs, @Ctx() ctx: HubContext) {
    requireRentalSpecialist(ctx);
    const { from, to } = range(args);
    const first = checkPageSize(args.first);
    // The cursor holds the line's key (issued_on, contract_number) and its number, so numbering goes on across pages.
    const after = decodeCursor(args.after, 3);
    const rows = await ctx.em.execute<Row[]>(
      `with selection as (
         select c.id, t.name as aid_name, i.mark, c.issued_on, c.person_id, c.due_on::text as due_on,
                c.returned_on::text as returned_on, c.contract_number
           from rental_contract c
           join aid_type t on t.code = c.aid_code
           join rental_item i on i.id = c.item_id
          where c.rental_point_id = ? and c.issued_on between ? and ?)
       select s.*, s.issued_on::text as issued_on_text, (select count(*) from selection) as total_count
         from selection s
        ${after ? 'where (s.issued_on, s.contract_number) > (?::date, ?::text)' : ''}
        order by s.issued_on, s.contract_number
        limit ?`,
      [args.rentalPointId, from, to, ...(after ? [after[0], after[1]] : []), first + 1],
    );
    const before = after ? Number(after[2]) : 0;
    ctx.audit.read('movementJournal', [...new Set(rows.slice(0, first).map((r) => r.person_id as string))]);
    const entries = rows.map((r, i) => ({
      contractNumber: r.contract_number as string,
      entry: {
        number: before + i + 1,
        contractId: r.id as string,
        aidName: r.aid_name as string,
        itemMark: r.mark as string,
        issuedOn: r.issued_on_text as string,
        personId: r.person_id as string,
        dueOn: r.due_on as string,
        returnedOn: (r.returned_on as string) ?? null,
      } satisfies MovementJournalEntry,
    }));
    const page = pageOf(entries, Number(rows[0]?.total_count ?? 0), first, after, (e) => [
      e.entry.issuedOn,
      e.contractNumber,
      e.entry.number,
    ]);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.entry })) };
  }

  @Authorized(Role.SPECIALIST, Role.ANALYST)
  @Query(() => DemandPlan, {
    nullable: true,
    description:
      'The yearly demand plan per aid kind (seed 004 annex 1 §5.1), counted in the database; optionally for one point. ' +
      'For rental fund specialists and analysts.',
  })
  async demandPlan(
    @Arg('year', () => Int, { description: 'The year the plan is sent in (purchases are for the year after).' }) year: number,
    @Arg('rentalPointId', () => ID, { nullable: true, description: 'Only this rental point; the whole fund when omitted.' })
    rentalPointId: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<DemandPlan> {
    if (ctx.identity.role === Role.SPECIALIST && ctx.identity.agency !== AGENCY)
      throw forbidden('Only specialists of the rental fund may do this');
    if (rentalPointId && !isUuid(rentalPointId)) throw badInput('rentalPointId is not an id', { argument: 'rentalPointId' });
    parseIsoDate(`${String(year).padStart(4, '0')}-01-01`, 'year');
    const point = rentalPointId ? 'and rental_point_id = ?' : '';
    const p = rentalPointId ? [rentalPointId] : [];
    const rows = await ctx.em.execute<{ aid_code: string; kind: string; n: number }[]>(
      `select aid_code, 'issued' as kind, count(*)::int as n from rental_contract
        where issued_on between ? and ? ${point} group by aid_code
       union all
       select aid_code, 'queued', count(*)::int from rental_application where status = 'QUEUED' ${point} group by aid_code
       union all
       select aid_code, 'stock', count(*)::int from rental_item where condition <> 'WRITTEN_OFF' ${point} group by aid_code`,
      [`${year - 1}-01-01`, `${year - 1}-12-31`, ...p, ...p, ...p],
    );
    const maps = { issued: {} as Record<string, number>, queued: {} as Record<string, number>, stock: {} as Record<string, number> };
    for (const r of rows) maps[r.kind as keyof typeof maps][r.aid_code] = r.n;
    const plan = demandPlan({ year, issuedLastYearByAid: maps.issued, queuedByAid: maps.queued, stockByAid: maps.stock });
    return { ...plan, dueOn: plan.deadline };
  }
}

@Resolver(() => IssueJournalEntry)
export class IssueJournalEntryResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'Сведения о заявителе: resolved by social protection; null when social protection cannot show the person.',
  })
  person(@Root() entry: IssueJournalEntry): Pick<Person, 'id'> {
    return { id: entry.personId };
  }

  @FieldResolver(() => RentalApplication, { nullable: true, description: 'The application behind the line.' })
  application(@Root() entry: IssueJournalEntry, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalApplication, 'id').load(entry.applicationId);
  }
}

@Resolver(() => MovementJournalEntry)
export class MovementJournalEntryResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'Получатель ТСР: resolved by social protection; null when social protection cannot show the person.',
  })
  person(@Root() entry: MovementJournalEntry): Pick<Person, 'id'> {
    return { id: entry.personId };
  }

  @FieldResolver(() => RentalContract, { nullable: true, description: 'The contract behind the line.' })
  contract(@Root() entry: MovementJournalEntry, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalContract, 'id').load(entry.contractId);
  }
}
