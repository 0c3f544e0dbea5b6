import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { DomainError, ErrorCode, illegalTransition, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { PeriodInput } from '../../kit/platform/period';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { today } from '../../kit/platform/clock';
import { AGENCY, assertHealthSpecialist } from '../shared/agency';
import { assertIdempotencyKey, assertUuid } from '../../kit/platform/input-rules';
import { RehabilitationCourse } from '../rehabilitation/rehabilitation-course.entity';
import { ClinicAttachment } from '../attachment/clinic-attachment.entity';
import { ProvidedService } from '../../conventions/resource-map/contract';
import { ipraSignalInput, territoryOfPerson } from '../signal-outbox/ipra-signal';
import { SignalOutbox } from '../signal-outbox/signal-outbox.entity';
import { Ipra, IpraDisabilityGroup, IpraMeasure, IpraMeasureExecutionStatus } from './ipra.entity';
import { checkExecutionReport, checkIpra, type CheckedIpra } from './ipra.rules';

const IDEMPOTENCY_KEY =
  'Client-chosen key (8–128 letters, digits, "-", "_", ".", ":"): a retry with the same key answers what the first call did and writes nothing.';

@InputType({ description: 'One measure of an IPRA as the bureau wrote it.' })
export class IpraMeasureInput {
  @Field({
    description:
      'Section code (IpraSection), as the MSE extract spells it; an unknown section is refused (BAD_USER_INPUT, reason UNKNOWN_IPRA_SECTION).',
  })
  section!: string;

  @Field({ description: 'The measure as the bureau wrote it (Russian, up to 500 characters).' })
  title!: string;

  @Field(() => PeriodInput, {
    description: 'The recommended period; both days are required and lie within the term of the IPRA.',
  })
  period!: PeriodInput;

  @Field(() => ID, { nullable: true, description: 'The organization (directory id) that executes the measure, when already known.' })
  organizationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'TECHNICAL_AIDS only, and required there: the aid code (rental-fund catalogue style, e.g. WHEELCHAIR_MANUAL).',
  })
  aidCode?: string | null;

  @Field(() => String, { nullable: true, description: 'TECHNICAL_AIDS only: the aid as the IPRA names it; the title when left out.' })
  aidName?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'TECHNICAL_AIDS only: the person is queued for their own aid.' })
  queuedForOwnAid?: boolean | null;
}

@InputType({
  description:
    'An IPRA extract as it arrives from the federal MSE bureau. The IPRA number identifies it: registering it twice returns the first registration.',
})
export class RegisterIpraInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field({ description: 'Number of the IPRA as the bureau registered it, e.g. 1234.5.38/2025; unique in the hub.' })
  number!: string;

  @Field(() => ID, { description: 'The hub person the IPRA is issued to.' })
  personId!: string;

  @Field({ description: 'SNILS as written in the IPRA; printed or bare form. A wrong checksum is INVALID_SNILS.' })
  personSnils!: string;

  @Field(() => LocalDate, { description: 'The day the bureau issued the IPRA; not in the future.' })
  issuedOn!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The last day the IPRA is in force (usually the next re-examination), after the day of issue; left out when issued indefinitely.',
  })
  endsOn?: string | null;

  @Field(() => IpraDisabilityGroup, { description: 'The disability group the IPRA is issued for.' })
  disabilityGroup!: IpraDisabilityGroup;

  @Field({ description: 'Cause of disability in the words of the bureau (Russian).' })
  disabilityCause!: string;

  @Field({ description: 'The federal MSE bureau (bureau-branch) that issued the IPRA.' })
  mseBureauName!: string;

  @Field(() => [IpraMeasureInput], { description: 'The measures of the IPRA by section; at least one.' })
  measures!: IpraMeasureInput[];
}

@ObjectType({ description: 'What registerIpra answers: the IPRA, or why it was refused.' })
export class RegisterIpraPayload extends MutationPayload {
  @Field(() => Ipra, { nullable: true, description: 'The IPRA registered (or registered before, on a retry); null when refused.' })
  ipra?: Ipra | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'False when the IPRA number or the idempotency key was already registered (a retry): nothing new was written. Null when refused.',
  })
  created?: boolean | null;
}

@InputType({ description: "An executor's report on one IPRA measure." })
export class ReportIpraMeasureExecutionInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;

  @Field({ description: 'Number of the IPRA the measure belongs to (it is on every document the executor holds).' })
  ipraNumber!: string;

  @Field(() => ID, { description: 'The measure reported on; it must belong to the IPRA of `ipraNumber`.' })
  ipraMeasureId!: string;

  @Field(() => IpraMeasureExecutionStatus, {
    description: 'The status reached: IN_PROGRESS, DONE or NOT_DONE (never back to NOT_STARTED; DONE and NOT_DONE are final).',
  })
  status!: IpraMeasureExecutionStatus;

  @Field(() => LocalDate, {
    description: 'The day of the report: not in the future, not before the IPRA was issued nor before the previous report.',
  })
  reportedOn!: string;

  @Field(() => String, { nullable: true, description: 'Why the measure was not done; required for NOT_DONE, refused otherwise.' })
  notDoneReason?: string | null;
}

@ObjectType({ description: 'What reportIpraMeasureExecution answers: the measure with its new status, or why the report was refused.' })
export class ReportIpraMeasureExecutionPayload extends MutationPayload {
  @Field(() => IpraMeasure, { nullable: true, description: 'The measure as reported; null when refused.' })
  ipraMeasure?: IpraMeasure | null;
}

@InputType({ description: 'The organization that will execute an IPRA measure.' })
export class AssignIpraMeasureExecutorInput {
  @Field({ description: 'Number of the IPRA the measure belongs to.' })
  ipraNumber!: string;

  @Field(() => ID, { description: 'The measure to place; it must belong to the IPRA of `ipraNumber`.' })
  ipraMeasureId!: string;

  @Field(() => ID, { description: 'The executor organization (directory id).' })
  organizationId!: string;
}

@ObjectType({ description: 'What assignIpraMeasureExecutor answers: the measure with its executor, or why it was refused.' })
export class AssignIpraMeasureExecutorPayload extends MutationPayload {
  @Field(() => IpraMeasure, { nullable: true, description: 'The measure with its executor organization; null when refused.' })
  ipraMeasure?: IpraMeasure | null;
}

export const measuresOf = (ctx: HubContext) =>
  loaderManyBy<IpraMeasure>(ctx, IpraMeasure, 'ipra', { periodFrom: 'asc', section: 'asc', id: 'asc' }); // sections in the IPRA form's order

@Resolver(() => Ipra)
export class IpraResolver {
  @FieldResolver(() => [IpraMeasure], {
    description: 'The measures of the IPRA by section, each with its executor and execution status, in the order of the IPRA form.',
  })
  measures(@Root() ipra: Ipra, @Ctx() ctx: HubContext): Promise<IpraMeasure[]> {
    return measuresOf(ctx).load(ipra.id);
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => Ipra, {
    nullable: true,
    description: 'An IPRA by id (health specialists; FORBIDDEN for anyone else, NOT_FOUND for an unknown id).',
  })
  async ipra(@Arg('id', () => ID, { description: 'The id of the IPRA.' }) id: string, @Ctx() ctx: HubContext): Promise<Ipra> {
    assertHealthSpecialist(ctx);
    const ipra = await ctx.em.findOne(Ipra, { id: assertUuid(id, 'id') });
    if (!ipra) throw notFound('IPRA', id);
    ctx.audit.read('ipra', [ipra.personId]);
    return ipra;
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => Ipra, {
    nullable: true,
    description:
      'An IPRA by the number the MSE bureau gave it (health specialists; FORBIDDEN for anyone else, NOT_FOUND for an unknown number).',
  })
  async ipraByNumber(
    @Arg('number', { description: 'The number of the IPRA, e.g. 1234.5.38/2025.' }) number: string,
    @Ctx() ctx: HubContext,
  ): Promise<Ipra> {
    assertHealthSpecialist(ctx);
    const ipra = await ctx.em.findOne(Ipra, { number: number.trim() });
    if (!ipra) throw notFound('IPRA', number);
    ctx.audit.read('ipraByNumber', [ipra.personId]);
    return ipra;
  }

  /**
   * Registers an IPRA extract with its measures and, in the same transaction, the signal it owes
   * social protection (seed 003 §15.1) in the outbox — the dispatcher delivers it. Idempotent on the
   * bureau's IPRA number and on the client's key: a retry (or a concurrent twin) gets the first registration and
   * writes nothing.
   */
  @Authorized(Role.SPECIALIST)
  @Mutation(() => RegisterIpraPayload, {
    description:
      'Registers an IPRA extract (health specialists) and announces it to social protection as a signal (seed 003 §15 item 1). ' +
      'Registering the same number again answers the first registration; the same number for another person is CONFLICT.',
  })
  async registerIpra(
    @Arg('input', { description: 'The IPRA extract.' }) input: RegisterIpraInput,
    @Ctx() ctx: HubContext,
  ): Promise<RegisterIpraPayload> {
    assertHealthSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const checked = checkIpra(input, today());
      const existing = await this.registered(ctx, key, checked);
      if (existing) return existing;
      try {
        const ipra = await ctx.em.transactional(async (em) => {
          const ipra = em.create(Ipra, {
            number: checked.number,
            personId: checked.personId,
            personSnils: checked.personSnils,
            issuedOn: checked.issuedOn,
            validUntil: checked.validUntil,
            disabilityGroup: checked.disabilityGroup,
            disabilityCause: checked.disabilityCause,
            mseBureauName: checked.mseBureauName,
            registeredAt: new Date(),
            registeredBy: ctx.identity.subject,
            idempotencyKey: key,
          });
          for (const m of checked.measures) {
            em.create(IpraMeasure, {
              ipra,
              personId: checked.personId,
              section: m.section,
              title: m.title,
              periodFrom: m.periodFrom,
              periodTo: m.periodTo,
              executorAgency: m.executorAgency,
              executorOrganizationId: m.executorOrganizationId,
              aidCode: m.aidCode,
              aidName: m.aidName,
              queuedForOwnAid: m.queuedForOwnAid,
            });
          }
          const attachments = await em.find(ClinicAttachment, { personId: checked.personId });
          const mapped = attachments.length
            ? await em.find(ProvidedService, { organizationId: { $in: [...new Set(attachments.map((a) => a.organizationId))] } })
            : [];
          const signal = ipraSignalInput(
            checked,
            checked.measures.map((m) => m.section),
            territoryOfPerson(attachments, mapped, today()),
          );
          em.create(SignalOutbox, { idempotencyKey: signal.idempotencyKey, payload: { ...signal }, personId: checked.personId });
          ctx.audit.recordWrite(em, 'registerIpra', [checked.personId]);
          return ipra;
        });
        return { ipra, created: true };
      } catch (error) {
        // A concurrent registration of the same number (or key) committed first: answer it.
        if (error instanceof UniqueConstraintViolationException) {
          const winner = await this.registered(ctx, key, checked);
          if (winner) return winner;
        }
        throw error;
      }
    });
  }

  /** The registration a retry repeats, by the client's key first and then by the bureau's number; null when none. */
  private async registered(ctx: HubContext, key: string | null, checked: CheckedIpra): Promise<{ ipra: Ipra; created: false } | null> {
    const em = ctx.em.fork();
    const byKey = key ? await em.findOne(Ipra, { idempotencyKey: key }) : null;
    if (byKey && (byKey.number !== checked.number || byKey.personId !== checked.personId)) {
      throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another IPRA', { field: 'idempotencyKey' });
    }
    const existing = byKey ?? (await em.findOne(Ipra, { number: checked.number }));
    if (!existing) return null;
    if (existing.personId !== checked.personId) {
      throw new DomainError(ErrorCode.CONFLICT, `IPRA ${existing.number} is already registered for another person`, { field: 'number' });
    }
    return { ipra: existing, created: false };
  }

  /**
   * The executor reports how far a measure got. Health specialists record reports for every section;
   * a specialist of the executing agency (education, employment, social protection) may report its
   * own section's measures directly. The measure row is locked so two reports cannot interleave.
   */
  @Authorized(Role.SPECIALIST)
  @Mutation(() => ReportIpraMeasureExecutionPayload, {
    description:
      'Records the execution status of an IPRA measure (health, or the specialist of the agency executing its section); DONE and NOT_DONE are final. ' +
      'A retry with the idempotency key of the latest report answers the measure as it is.',
  })
  async reportIpraMeasureExecution(
    @Arg('input', { description: 'The report.' }) input: ReportIpraMeasureExecutionInput,
    @Ctx() ctx: HubContext,
  ): Promise<ReportIpraMeasureExecutionPayload> {
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const measureId = assertUuid(input.ipraMeasureId, 'ipraMeasureId');
      const ipraMeasure = await ctx.em.transactional(async (em) => {
        const { ipra, measure } = await lockedMeasure(ctx, em, input.ipraNumber, measureId, 'reports on');
        if (key) {
          if (measure.executionReportKey === key) return measure;
          if (await em.findOne(IpraMeasure, { executionReportKey: key })) {
            throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another report', {
              field: 'idempotencyKey',
            });
          }
        }
        const { notDoneReason } = checkExecutionReport(measure, ipra.issuedOn, input, today());
        measure.executionStatus = input.status;
        measure.executionReportedOn = input.reportedOn;
        measure.notDoneReason = notDoneReason;
        measure.executionReportKey = key;
        ctx.audit.recordWrite(em, 'reportIpraMeasureExecution', [measure.personId]);
        return measure;
      });
      return { ipraMeasure };
    });
  }

  /**
   * Places a measure with the organization that executes it — what clears IPRA_MEASURE_NO_EXECUTOR.
   * Health places any measure; the executing agency may place its own section's measures. A measure
   * already reported DONE or NOT_DONE keeps the executor that reported it.
   */
  @Authorized(Role.SPECIALIST)
  @Mutation(() => AssignIpraMeasureExecutorPayload, {
    description:
      'Assigns the executor organization of an IPRA measure (health, or the specialist of the agency executing its section); ' +
      'a measure already reported DONE or NOT_DONE keeps its executor (ILLEGAL_TRANSITION).',
  })
  async assignIpraMeasureExecutor(
    @Arg('input', { description: 'The measure and its executor.' }) input: AssignIpraMeasureExecutorInput,
    @Ctx() ctx: HubContext,
  ): Promise<AssignIpraMeasureExecutorPayload> {
    return payloadOf(ctx, async () => {
      const measureId = assertUuid(input.ipraMeasureId, 'ipraMeasureId');
      const organizationId = assertUuid(input.organizationId, 'organizationId');
      const ipraMeasure = await ctx.em.transactional(async (em) => {
        const { measure } = await lockedMeasure(ctx, em, input.ipraNumber, measureId, 'places');
        if (
          measure.executionStatus === IpraMeasureExecutionStatus.DONE ||
          measure.executionStatus === IpraMeasureExecutionStatus.NOT_DONE
        ) {
          throw illegalTransition(`The measure is already reported ${measure.executionStatus}; its executor is not changed`, {
            status: measure.executionStatus,
          });
        }
        measure.executorOrganizationId = organizationId;
        ctx.audit.recordWrite(em, 'assignIpraMeasureExecutor', [measure.personId]);
        return measure;
      });
      return { ipraMeasure };
    });
  }
}

/**
 * The measure of the IPRA with this number, locked for the change; NOT_FOUND when either is unknown, FORBIDDEN unless
 * the caller is health or the agency that executes the measure's section.
 */
async function lockedMeasure(
  ctx: HubContext,
  em: HubContext['em'],
  ipraNumber: string,
  measureId: string,
  verb: string,
): Promise<{ ipra: Ipra; measure: IpraMeasure }> {
  const ipra = await em.findOne(Ipra, { number: ipraNumber.trim() });
  if (!ipra) throw notFound('IPRA', ipraNumber);
  const measure = await em.findOne(IpraMeasure, { id: measureId, ipra: ipra.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!measure)
    throw new DomainError(ErrorCode.NOT_FOUND, `Measure ${measureId} of IPRA ${ipra.number} was not found`, { field: 'ipraMeasureId' });
  const mayChange = ctx.identity.agency === AGENCY || (measure.executorAgency !== null && ctx.identity.agency === measure.executorAgency);
  if (!mayChange) throw forbidden(`Only health or the executing agency ${verb} an IPRA measure`, { agency: measure.executorAgency });
  return { ipra, measure };
}

@Resolver(() => IpraMeasure)
export class IpraMeasureResolver {
  /**
   * The whole IPRA is health's record: a specialist of an executing agency who reached the measure through a report
   * or a placement sees the measure, not the other sections.
   */
  @FieldResolver(() => Ipra, {
    nullable: true,
    description: 'The IPRA the measure belongs to; FORBIDDEN for a specialist of another agency, who sees only the measure it executes.',
  })
  ipra(@Root() measure: IpraMeasure, @Ctx() ctx: HubContext): Promise<Ipra | null> {
    if (ctx.identity.role === Role.SPECIALIST && ctx.identity.agency !== AGENCY) {
      throw forbidden('The IPRA is read by health; the executing agency reads its own measure', { agency: AGENCY });
    }
    return loaderBy<Ipra>(ctx, Ipra, 'id').load(measure.ipra.id);
  }
}

@Resolver(() => RehabilitationCourse)
export class RehabilitationCourseResolver {
  @FieldResolver(() => IpraMeasure, { nullable: true, description: 'The IPRA measure this course executes; null when it executes none.' })
  ipraMeasure(@Root() course: RehabilitationCourse, @Ctx() ctx: HubContext): Promise<IpraMeasure | null> | null {
    return course.ipraMeasureId ? loaderBy<IpraMeasure>(ctx, IpraMeasure, 'id').load(course.ipraMeasureId) : null;
  }
}
