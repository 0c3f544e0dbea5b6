import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Connection, PageArgs } from '../../kit/platform/connection';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { Period, PeriodInput, periodOf } from '../../kit/platform/period';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertRecordId, assertText } from '../../kit/platform/input-rules';
import { Person } from '../person/person.entity';
import { historyPage } from '../shared/history-page';
import { missing } from '../shared/missing';
import { Organization, organizationRef } from '../../conventions/organization-reference';
import { assertEducationSpecialist } from '../shared/specialist.policy';
import { EarlyHelpProgramme, EarlyHelpProgrammeStatus } from './early-help-programme.entity';
import { EarlyHelpServiceKind, EarlyHelpSession, EarlyHelpSessionStatus } from './early-help-session.entity';
import { checkEarlyHelpProgramme, checkEarlyHelpSession } from './early-help.rules';

const IDEMPOTENCY_KEY = 'Client-supplied key: a retry with the same key answers the record the first call made, and writes nothing.';

@InputType({ description: 'An individual early-help programme as agreed with the family (seed 003 §8.4).' })
export class StartEarlyHelpProgrammeInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The child (hub person id).' })
  personId!: string;

  @Field(() => ID, { description: 'The early-help service that delivers the programme (hub organization id).' })
  organizationId!: string;

  @Field(() => LocalDate, {
    description:
      "The child's birth date as presented (birth certificate). Checked against the 0–3 bound of seed 003 §8.2 and kept on the programme.",
  })
  childBornOn!: string;

  @Field({
    defaultValue: false,
    description: 'True when the child is in the risk group rather than having an established limitation (seed 003 §8.3).',
  })
  atRisk!: boolean;

  @Field(() => PeriodInput, {
    description:
      'The term of the programme, both ends required: it starts while the child is under 3 and ends at the latest the day before the third birthday (seed 003 §8.2).',
  })
  period!: PeriodInput;

  @Field(() => [String], { description: 'Goals of early help for the child and the family; at least one (seed 003 §8.4).' })
  goals!: string[];

  @Field(() => Int, { description: 'The volume of services, hours per month, 1 to 200 (seed 003 §8.4).' })
  hoursPerMonth!: number;

  @Field(() => [String], { description: "The child's natural life situations the services are given in; at least one (seed 003 §8.4)." })
  naturalLifeSituations!: string[];
}

@InputType({ description: 'A session of an early-help programme, planned or as it went.' })
export class RecordEarlyHelpSessionInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The programme the session belongs to.' })
  earlyHelpProgrammeId!: string;

  @Field(() => LocalDate, { description: 'The day of the session, within the term of the programme.' })
  heldOn!: string;

  @Field(() => EarlyHelpServiceKind, { description: 'The service the session gives.' })
  serviceKind!: EarlyHelpServiceKind;

  @Field({ description: 'Post of the specialist, e.g. "учитель-дефектолог" (never a private name).' })
  specialistPost!: string;

  @Field(() => EarlyHelpSessionStatus, {
    description: 'PLANNED (only in an active programme), or DONE or MISSED once the day has come.',
  })
  status!: EarlyHelpSessionStatus;

  @Field(() => String, { nullable: true, description: 'A note of the specialist, e.g. why the session did not take place.' })
  note?: string | null;
}

@ObjectType({ description: 'What startEarlyHelpProgramme answers: the programme, or why it was refused.' })
export class StartEarlyHelpProgrammePayload extends MutationPayload {
  @Field(() => EarlyHelpProgramme, {
    nullable: true,
    description: 'The programme started (or started by the first call with this key); null when refused.',
  })
  earlyHelpProgramme!: EarlyHelpProgramme | null;
}

@ObjectType({ description: 'What recordEarlyHelpSession answers: the session, or why it was refused.' })
export class RecordEarlyHelpSessionPayload extends MutationPayload {
  @Field(() => EarlyHelpSession, {
    nullable: true,
    description: 'The session recorded (or recorded by the first call with this key); null when refused.',
  })
  earlyHelpSession!: EarlyHelpSession | null;
}

@ObjectType({ description: 'A page of the sessions of an early-help programme, by day.' })
export class EarlyHelpSessionConnection extends Connection(EarlyHelpSession) {}

const personRef = (id: string): Person => ({ id }) as Person;

@Resolver(() => EarlyHelpProgramme)
export class EarlyHelpProgrammeResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The child; social protection answers the fields of the person.' })
  person(@Root() programme: EarlyHelpProgramme): Person {
    return personRef(programme.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The early-help service delivering the programme.' })
  organization(@Root() programme: EarlyHelpProgramme): Organization | null {
    return organizationRef(programme.organizationId);
  }

  @FieldResolver(() => Period, {
    description:
      'The term of the programme: from its start to its planned end, at the latest the day before the child turns 3 (seed 003 §8.2).',
  })
  period(@Root() programme: EarlyHelpProgramme): Period {
    return periodOf(programme.startDate, programme.endDate);
  }

  @FieldResolver(() => EarlyHelpSessionConnection, { description: 'Sessions of the programme, by day (oldest first).' })
  async sessions(
    @Root() programme: EarlyHelpProgramme,
    @Args() page: PageArgs,
    @Arg('period', () => PeriodInput, { nullable: true, description: 'Only the sessions held within these days.' })
    period: PeriodInput | null,
    @Ctx() ctx: HubContext,
  ) {
    const rows = await loaderManyBy<EarlyHelpSession>(ctx, EarlyHelpSession, 'programmeId', { date: 'asc' }).load(programme.id);
    return historyPage(rows, page, period, (s) => ({ startsOn: s.date, endsOn: s.date }));
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => StartEarlyHelpProgrammePayload, {
    description: 'Starts an individual early-help programme for a child under 3 (seed 003 §8.2–8.4). Education specialists only.',
  })
  startEarlyHelpProgramme(
    @Arg('input', { description: 'The programme as agreed with the family.' }) input: StartEarlyHelpProgrammeInput,
    @Ctx() ctx: HubContext,
  ) {
    assertEducationSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const organizationId = assertOrganizationId(input.organizationId);
      const term = checkEarlyHelpProgramme(input);
      const earlyHelpProgramme = await writeOnce(ctx, EarlyHelpProgramme, key, personId, async (em) => {
        const programme = em.create(EarlyHelpProgramme, {
          personId,
          organizationId,
          startDate: term.startsOn,
          endDate: term.endsOn,
          childBirthDate: input.childBornOn,
          atRisk: input.atRisk,
          goals: input.goals.map((g) => g.trim()),
          hoursPerMonth: input.hoursPerMonth,
          naturalLifeSituations: input.naturalLifeSituations.map((s) => s.trim()),
          status: EarlyHelpProgrammeStatus.ACTIVE,
          idempotencyKey: key,
        });
        ctx.audit.recordWrite(em, 'startEarlyHelpProgramme', [personId]);
        return programme;
      });
      return { earlyHelpProgramme };
    });
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RecordEarlyHelpSessionPayload, {
    description: 'Records a planned, done or missed session of an early-help programme. Education specialists only.',
  })
  recordEarlyHelpSession(
    @Arg('input', { description: 'The session, planned or as it went.' }) input: RecordEarlyHelpSessionInput,
    @Ctx() ctx: HubContext,
  ) {
    assertEducationSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const programmeId = assertRecordId(input.earlyHelpProgrammeId, 'earlyHelpProgrammeId');
      const programme = await ctx.em.findOne(EarlyHelpProgramme, { id: programmeId });
      if (!programme) throw missing('Early-help programme', programmeId, 'earlyHelpProgrammeId');
      checkEarlyHelpSession(programme, input, today());
      const note = input.note ? assertText(input.note, 'note') : null;
      const earlyHelpSession = await writeOnce(ctx, EarlyHelpSession, key, programme.personId, async (em) => {
        const session = em.create(EarlyHelpSession, {
          programmeId: programme.id,
          personId: programme.personId,
          date: input.heldOn,
          serviceKind: input.serviceKind,
          specialistPost: input.specialistPost.trim(),
          status: input.status,
          note,
          idempotencyKey: key,
        });
        ctx.audit.recordWrite(em, 'recordEarlyHelpSession', [programme.personId]);
        return session;
      });
      return { earlyHelpSession };
    });
  }
}

@Resolver(() => EarlyHelpSession)
export class EarlyHelpSessionResolver {
  @FieldResolver(() => EarlyHelpProgramme, { nullable: true, description: 'The programme the session belongs to.' })
  programme(@Root() session: EarlyHelpSession, @Ctx() ctx: HubContext): Promise<EarlyHelpProgramme | null> {
    return loaderBy<EarlyHelpProgramme>(ctx, EarlyHelpProgramme, 'id').load(session.programmeId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The child; social protection answers the fields of the person.' })
  person(@Root() session: EarlyHelpSession): Person {
    return personRef(session.personId);
  }
}
