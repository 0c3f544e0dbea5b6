import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize, Connection, decodeOffsetCursor as decodeCursor, offsetPageOf as pageOf } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { forbidden } from '../../kit/policy/authorization';
import { badInput } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { ReturnCondition } from '../enums';
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
  @Field(() => Int, { description: '№ п/п within the selection.' })
  number!: number;

  @Field(() => ID)
  applicationId!: string;

  @Field(() => LocalDate, { description: 'Дата приема заявления.' })
  appliedOn!: string;

  @Field(() => ID)
  personId!: string;

  @Field({ description: 'Needed aid (code).' })
  neededAidCode!: string;

  @Field({ description: 'Needed aid (name).' })
  neededAidName!: string;

  @Field(() => String, { nullable: true, description: 'Issued item: its indelible mark.' })
  issuedItemMark!: string | null;

  @Field(() => LocalDate, { nullable: true })
  periodFrom!: string | null;

  @Field(() => LocalDate, { nullable: true })
  periodTo!: string | null;

  @Field(() => String, { nullable: true })
  contractNumber!: string | null;

  @Field({ description: 'Delivery mark (§3.5).' })
  delivered!: boolean;

  @Field(() => LocalDate, { nullable: true })
  returnedOn!: string | null;

  @Field(() => ReturnCondition, { nullable: true })
  returnCondition!: ReturnCondition | null;

  @Field({ description: 'Application status: QUEUED, ISSUED, REFUSED, WITHDRAWN.' })
  status!: string;
}

@ObjectType({ description: 'A line of the movement journal (seed 004 annex 1 annex 4).' })
export class MovementJournalEntry {
  @Field(() => Int)
  number!: number;

  @Field(() => ID)
  contractId!: string;

  @Field({ description: 'Наименование ТСР.' })
  aidName!: string;

  @Field({ description: 'Indelible mark of the item.' })
  itemMark!: string;

  @Field(() => LocalDate, { description: 'Дата выдачи.' })
  issuedOn!: string;

  @Field(() => ID, { description: 'Получатель ТСР.' })
  personId!: string;

  @Field(() => LocalDate, { description: 'Return date by the contract.' })
  dueOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Actual return date.' })
  returnedOn!: string | null;
}

@ObjectType()
export class IssueJournalConnection extends Connection(IssueJournalEntry) {}
@ObjectType()
export class MovementJournalConnection extends Connection(MovementJournalEntry) {}

@ObjectType({ description: 'One aid type in the yearly demand plan (seed 004 annex 1 §5.1).' })
export class DemandPlanLine {
  @Field()
  aidCode!: string;
  @Field(() => Int)
  issuedLastYear!: number;
  @Field(() => Int)
  queued!: number;
  @Field(() => Int)
  stock!: number;
  @Field(() => Int)
  expectedDemand!: number;
  @Field(() => Int, { description: 'Units to request: max(0, issued last year + queued − stock).' })
  additionalUnits!: number;
}

@ObjectType({ description: 'The yearly request for aids sent before 1 May (seed 004 annex 1 §5.1).' })
export class DemandPlan {
  @Field(() => Int)
  year!: number;
  @Field(() => Int, { description: 'The year the purchases are for.' })
  forYear!: number;
  @Field(() => LocalDate, { description: 'The plan must arrive before this date.' })
  deadline!: string;
  @Field(() => [DemandPlanLine])
  lines!: DemandPlanLine[];
  @Field(() => Int)
  totalAdditionalUnits!: number;
  @Field()
  rule!: string;
}

@ArgsType()
class JournalArgs {
  @Field(() => ID)
  rentalPointId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'From this day (inclusive).' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'To this day (inclusive).' })
  to?: string | null;

  @Field(() => Int, { defaultValue: 50 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

function range(args: JournalArgs) {
  if (!isUuid(args.rentalPointId)) throw badInput('rentalPointId is not an id', { field: 'rentalPointId' });
  return { from: args.from ?? '0001-01-01', to: args.to ?? '9999-12-31' };
}

type Row = Record<string, unknown> & { total_count: string };

@Resolver()
export class JournalResolver {
  @Authorized(Role.SPECIALIST)
  @Query(() => IssueJournalConnection, { description: 'Issue journal of a point (annex 2), by application date.' })
  async issueJournal(@Args() args: JournalArgs, @Ctx() ctx: HubContext) {
    requireRentalSpecialist(ctx);
    const { from, to } = range(args);
    const first = checkPageSize(args.first);
    const offset = decodeCursor(args.after);
    const rows = await ctx.em.execute<Row[]>(
      `select a.id as application_id, a.applied_on::text as applied_on, a.person_id, a.aid_code, t.name as aid_name,
              i.mark, c.issued_on::text as issued_on, c.due_on::text as due_on, c.contract_number,
              coalesce(c.delivery_required, a.delivery_required) as delivered, c.returned_on::text as returned_on,
              c.return_condition, a.status, count(*) over () as total_count
         from rental_application a
         join aid_type t on t.code = a.aid_code
         left join rental_contract c on c.application_id = a.id
         left join rental_item i on i.id = c.item_id
        where a.rental_point_id = ? and a.applied_on between ? and ?
        order by a.applied_at, a.id
        limit ? offset ?`,
      [args.rentalPointId, from, to, first, offset],
    );
    ctx.audit.read('issueJournal', [...new Set(rows.map((r) => r.person_id as string))]);
    const entries: IssueJournalEntry[] = rows.map((r, i) => ({
      number: offset + i + 1,
      applicationId: r.application_id as string,
      appliedOn: r.applied_on as string,
      personId: r.person_id as string,
      neededAidCode: r.aid_code as string,
      neededAidName: r.aid_name as string,
      issuedItemMark: (r.mark as string) ?? null,
      periodFrom: (r.issued_on as string) ?? null,
      periodTo: (r.due_on as string) ?? null,
      contractNumber: (r.contract_number as string) ?? null,
      delivered: Boolean(r.delivered) && r.issued_on != null,
      returnedOn: (r.returned_on as string) ?? null,
      returnCondition: (r.return_condition as ReturnCondition) ?? null,
      status: r.status as string,
    }));
    return pageOf(entries, Number(rows[0]?.total_count ?? 0), offset, first);
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => MovementJournalConnection, { description: 'Movement journal of a point (annex 4), by issue date.' })
  async movementJournal(@Args() args: JournalArgs, @Ctx() ctx: HubContext) {
    requireRentalSpecialist(ctx);
    const { from, to } = range(args);
    const first = checkPageSize(args.first);
    const offset = decodeCursor(args.after);
    const rows = await ctx.em.execute<Row[]>(
      `select c.id, t.name as aid_name, i.mark, c.issued_on::text as issued_on, c.person_id, c.due_on::text as due_on,
              c.returned_on::text as returned_on, count(*) over () as total_count
         from rental_contract c
         join aid_type t on t.code = c.aid_code
         join rental_item i on i.id = c.item_id
        where c.rental_point_id = ? and c.issued_on between ? and ?
        order by c.issued_on, c.contract_number
        limit ? offset ?`,
      [args.rentalPointId, from, to, first, offset],
    );
    ctx.audit.read('movementJournal', [...new Set(rows.map((r) => r.person_id as string))]);
    const entries: MovementJournalEntry[] = rows.map((r, i) => ({
      number: offset + i + 1,
      contractId: r.id as string,
      aidName: r.aid_name as string,
      itemMark: r.mark as string,
      issuedOn: r.issued_on as string,
      personId: r.person_id as string,
      dueOn: r.due_on as string,
      returnedOn: (r.returned_on as string) ?? null,
    }));
    return pageOf(entries, Number(rows[0]?.total_count ?? 0), offset, first);
  }

  @Authorized(Role.SPECIALIST, Role.ANALYST)
  @Query(() => DemandPlan, {
    description: 'The yearly demand plan per aid type (seed 004 annex 1 §5.1), counted in the database; optionally for one point.',
  })
  async demandPlan(
    @Arg('year', () => Int) year: number,
    @Arg('rentalPointId', () => ID, { nullable: true }) rentalPointId: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<DemandPlan> {
    if (ctx.identity.role === Role.SPECIALIST && ctx.identity.agency !== AGENCY)
      throw forbidden('Only specialists of the rental fund may do this');
    if (rentalPointId && !isUuid(rentalPointId)) throw badInput('rentalPointId is not an id');
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
    return demandPlan({ year, issuedLastYearByAid: maps.issued, queuedByAid: maps.queued, stockByAid: maps.stock });
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
}

@Resolver(() => MovementJournalEntry)
export class MovementJournalEntryResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'Получатель ТСР: resolved by social protection; null when social protection cannot show the person.',
  })
  recipient(@Root() entry: MovementJournalEntry): Pick<Person, 'id'> {
    return { id: entry.personId };
  }
}
