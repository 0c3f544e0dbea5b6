import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertRecordId, assertText } from '../../kit/platform/input-rules';
import { assertEducationSpecialist } from '../shared/specialist.policy';
import { EarlyHelpProgram, EarlyHelpProgramStatus } from './early-help-program.entity';
import { EarlyHelpServiceKind, EarlyHelpSession, EarlyHelpSessionStatus } from './early-help-session.entity';
import { checkEarlyHelpProgram, checkEarlyHelpSession } from './early-help.rules';

@InputType({ description: 'An individual early-help programme as agreed with the family (seed 003 §8.4).' })
export class StartEarlyHelpProgramInput {
  @Field(() => String, { nullable: true, description: 'Client-supplied key: a retry with the same key returns the same programme.' })
  idempotencyKey?: string | null;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => LocalDate, {
    description:
      "The child's birth date as presented (birth certificate). Checked against the 0–3 bound of seed 003 §8.2 and kept on the programme.",
  })
  childBirthDate!: string;

  @Field({ defaultValue: false, description: 'The child is in the risk group (seed 003 §8.3).' })
  atRisk!: boolean;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => LocalDate)
  endDate!: string;

  @Field(() => [String])
  goals!: string[];

  @Field(() => Int, { description: 'Volume, hours per month.' })
  hoursPerMonth!: number;

  @Field(() => [String])
  naturalLifeSituations!: string[];
}

@InputType({ description: 'A session of an early-help programme, planned or as it went.' })
export class RecordEarlyHelpSessionInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => ID)
  programId!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field(() => EarlyHelpServiceKind)
  serviceKind!: EarlyHelpServiceKind;

  @Field()
  specialistPost!: string;

  @Field(() => EarlyHelpSessionStatus)
  status!: EarlyHelpSessionStatus;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@Resolver(() => EarlyHelpProgram)
export class EarlyHelpProgramResolver {
  @FieldResolver(() => [EarlyHelpSession], { description: 'Sessions of the programme, by date.' })
  sessions(@Root() program: EarlyHelpProgram, @Ctx() ctx: HubContext): Promise<EarlyHelpSession[]> {
    return loaderManyBy<EarlyHelpSession>(ctx, EarlyHelpSession, 'programId', { date: 'asc' }).load(program.id);
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => EarlyHelpProgram, { description: 'Starts an individual early-help programme for a child under 3 (seed 003 §8.2–8.4).' })
  async startEarlyHelpProgram(@Arg('input') input: StartEarlyHelpProgramInput, @Ctx() ctx: HubContext): Promise<EarlyHelpProgram> {
    assertEducationSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const personId = assertPersonId(input.personId);
    const organizationId = assertOrganizationId(input.organizationId);
    checkEarlyHelpProgram(input);
    return writeOnce(ctx, EarlyHelpProgram, key, personId, async (em) => {
      const program = em.create(EarlyHelpProgram, {
        personId,
        organizationId,
        startDate: input.startDate,
        endDate: input.endDate,
        childBirthDate: input.childBirthDate,
        atRisk: input.atRisk,
        goals: input.goals.map((g) => g.trim()),
        hoursPerMonth: input.hoursPerMonth,
        naturalLifeSituations: input.naturalLifeSituations.map((s) => s.trim()),
        status: EarlyHelpProgramStatus.ACTIVE,
        idempotencyKey: key,
      });
      ctx.audit.recordWrite(em, 'startEarlyHelpProgram', [personId]);
      return program;
    });
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => EarlyHelpSession, { description: 'Records a planned, done or missed session of an early-help programme.' })
  async recordEarlyHelpSession(@Arg('input') input: RecordEarlyHelpSessionInput, @Ctx() ctx: HubContext): Promise<EarlyHelpSession> {
    assertEducationSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const programId = assertRecordId(input.programId, 'programId');
    const program = await ctx.em.findOne(EarlyHelpProgram, { id: programId });
    if (!program) throw notFound('Early-help programme', programId);
    checkEarlyHelpSession(program, input, today());
    const note = input.note ? assertText(input.note, 'note') : null;
    return writeOnce(ctx, EarlyHelpSession, key, program.personId, async (em) => {
      const session = em.create(EarlyHelpSession, {
        programId: program.id,
        personId: program.personId,
        date: input.date,
        serviceKind: input.serviceKind,
        specialistPost: input.specialistPost.trim(),
        status: input.status,
        note,
        idempotencyKey: key,
      });
      ctx.audit.recordWrite(em, 'recordEarlyHelpSession', [program.personId]);
      return session;
    });
  }
}
