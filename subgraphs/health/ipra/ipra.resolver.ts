import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { DomainError, ErrorCode, illegalTransition, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { AGENCY, assertHealthSpecialist } from '../shared/agency';
import { assertUuid } from '../../kit/platform/input-rules';
import { ipraSignalInput } from '../signal-outbox/ipra-signal';
import { SignalOutbox } from '../signal-outbox/signal-outbox.entity';
import { Ipra, IpraDisabilityGroup, IpraMeasure, IpraMeasureExecutionStatus } from './ipra.entity';
import { checkExecutionReport, checkIpra } from './ipra.rules';

@InputType({ description: 'One measure of an IPRA as the bureau wrote it.' })
export class IpraMeasureInput {
  @Field({
    description:
      'Section code (IpraSection), as the MSE extract spells it; an unknown section is refused (BAD_USER_INPUT, reason UNKNOWN_IPRA_SECTION).',
  })
  section!: string;

  @Field()
  title!: string;

  @Field(() => LocalDate)
  periodFrom!: string;

  @Field(() => LocalDate)
  periodTo!: string;

  @Field(() => ID, { nullable: true, description: 'Organization that executes the measure, when already known.' })
  executorOrganizationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'TECHNICAL_AIDS only: the aid code (rental-fund catalogue style, e.g. WHEELCHAIR_MANUAL).',
  })
  aidCode?: string | null;

  @Field(() => String, { nullable: true, description: 'TECHNICAL_AIDS only: the aid as the IPRA names it.' })
  aidName?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'TECHNICAL_AIDS only: the person is queued for their own aid.' })
  queuedForOwnAid?: boolean | null;
}

@InputType({
  description:
    'An IPRA extract as it arrives from the federal MSE bureau. The IPRA number identifies it: registering it twice returns the first registration.',
})
export class RegisterIpraInput {
  @Field()
  number!: string;

  @Field(() => ID, { description: 'The hub person.' })
  personId!: string;

  @Field({ description: 'SNILS as written in the IPRA; printed or bare form.' })
  personSnils!: string;

  @Field(() => LocalDate)
  issuedOn!: string;

  @Field(() => LocalDate, { nullable: true })
  validUntil?: string | null;

  @Field(() => IpraDisabilityGroup)
  disabilityGroup!: IpraDisabilityGroup;

  @Field()
  disabilityCause!: string;

  @Field()
  mseBureauName!: string;

  @Field(() => [IpraMeasureInput])
  measures!: IpraMeasureInput[];
}

@ObjectType({ description: 'Result of registerIpra.' })
export class RegisterIpraPayload {
  @Field(() => Ipra)
  ipra!: Ipra;

  @Field({ description: 'False when the IPRA number was already registered (a retry): nothing new was written.' })
  created!: boolean;
}

@InputType({ description: "An executor's report on one IPRA measure." })
export class ReportIpraMeasureExecutionInput {
  @Field({ description: 'Number of the IPRA the measure belongs to (it is on every document the executor holds).' })
  ipraNumber!: string;

  @Field(() => ID)
  measureId!: string;

  @Field(() => IpraMeasureExecutionStatus)
  status!: IpraMeasureExecutionStatus;

  @Field(() => LocalDate)
  reportedOn!: string;

  @Field(() => String, { nullable: true, description: 'Required for NOT_DONE.' })
  notDoneReason?: string | null;
}

@InputType({ description: 'The organization that will execute an IPRA measure.' })
export class AssignIpraMeasureExecutorInput {
  @Field()
  ipraNumber!: string;

  @Field(() => ID)
  measureId!: string;

  @Field(() => ID, { description: 'Executor organization (hub directory id).' })
  executorOrganizationId!: string;
}

export const measuresOf = (ctx: HubContext) =>
  loaderManyBy<IpraMeasure>(ctx, IpraMeasure, 'ipra', { periodFrom: 'asc', section: 'asc', id: 'asc' }); // sections in the IPRA form's order

@Resolver(() => Ipra)
export class IpraResolver {
  @FieldResolver(() => [IpraMeasure], { description: 'The measures of the IPRA by section, each with its executor and execution status.' })
  measures(@Root() ipra: Ipra, @Ctx() ctx: HubContext): Promise<IpraMeasure[]> {
    return measuresOf(ctx).load(ipra.id);
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => Ipra, { description: 'An IPRA by id (health specialists).' })
  async ipra(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Ipra> {
    assertHealthSpecialist(ctx);
    const ipra = await ctx.em.findOne(Ipra, { id: assertUuid(id, 'id') });
    if (!ipra) throw notFound('IPRA', id);
    ctx.audit.read('ipra', [ipra.personId]);
    return ipra;
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => Ipra, { description: 'An IPRA by the number the MSE bureau gave it (health specialists).' })
  async ipraByNumber(@Arg('number') number: string, @Ctx() ctx: HubContext): Promise<Ipra> {
    assertHealthSpecialist(ctx);
    const ipra = await ctx.em.findOne(Ipra, { number: number.trim() });
    if (!ipra) throw notFound('IPRA', number);
    ctx.audit.read('ipraByNumber', [ipra.personId]);
    return ipra;
  }

  /**
   * Registers an IPRA extract with its measures and, in the same transaction, the signal it owes
   * social protection (seed 003 §15.1) in the outbox — the dispatcher delivers it. Idempotent on the
   * bureau's IPRA number: a retry (or a concurrent twin) gets the first registration and writes nothing.
   */
  @Authorized(Role.SPECIALIST)
  @Mutation(() => RegisterIpraPayload, {
    description: 'Registers an IPRA extract (health specialists); announces it to social protection as a signal.',
  })
  async registerIpra(@Arg('input') input: RegisterIpraInput, @Ctx() ctx: HubContext): Promise<RegisterIpraPayload> {
    assertHealthSpecialist(ctx);
    const checked = checkIpra(input, today());
    const existing = await ctx.em.findOne(Ipra, { number: checked.number });
    if (existing) return this.retried(existing, checked.personId);
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
        const signal = ipraSignalInput(
          checked,
          checked.measures.map((m) => m.section),
        );
        em.create(SignalOutbox, { idempotencyKey: signal.idempotencyKey, payload: { ...signal }, personId: checked.personId });
        ctx.audit.recordWrite(em, 'registerIpra', [checked.personId]);
        return ipra;
      });
      return { ipra, created: true };
    } catch (error) {
      // A concurrent registration of the same number committed first: return it.
      if (error instanceof UniqueConstraintViolationException) {
        const winner = await ctx.em.fork().findOne(Ipra, { number: checked.number });
        if (winner) return this.retried(winner, checked.personId);
      }
      throw error;
    }
  }

  private retried(existing: Ipra, personId: string): RegisterIpraPayload {
    if (existing.personId !== personId) {
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
  @Mutation(() => IpraMeasure, { description: 'Records the execution status of an IPRA measure (DONE and NOT_DONE are final).' })
  async reportIpraMeasureExecution(@Arg('input') input: ReportIpraMeasureExecutionInput, @Ctx() ctx: HubContext): Promise<IpraMeasure> {
    const measureId = assertUuid(input.measureId, 'measureId');
    return ctx.em.transactional(async (em) => {
      const ipra = await em.findOne(Ipra, { number: input.ipraNumber.trim() });
      if (!ipra) throw notFound('IPRA', input.ipraNumber);
      const measure = await em.findOne(IpraMeasure, { id: measureId, ipra: ipra.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!measure) throw notFound(`Measure of IPRA ${ipra.number}`, measureId);
      const mayReport =
        ctx.identity.agency === AGENCY || (measure.executorAgency !== null && ctx.identity.agency === measure.executorAgency);
      if (!mayReport) throw forbidden('Only health or the executing agency reports on an IPRA measure', { agency: measure.executorAgency });
      const { notDoneReason } = checkExecutionReport(measure, ipra.issuedOn, input, today());
      measure.executionStatus = input.status;
      measure.executionReportedOn = input.reportedOn;
      measure.notDoneReason = notDoneReason;
      ctx.audit.recordWrite(em, 'reportIpraMeasureExecution', [measure.personId]);
      return measure;
    });
  }

  /**
   * Places a measure with the organization that executes it — what clears IPRA_MEASURE_NO_EXECUTOR.
   * Health places any measure; the executing agency may place its own section's measures. A measure
   * already reported DONE or NOT_DONE keeps the executor that reported it.
   */
  @Authorized(Role.SPECIALIST)
  @Mutation(() => IpraMeasure, { description: 'Assigns the executor organization of an IPRA measure.' })
  async assignIpraMeasureExecutor(@Arg('input') input: AssignIpraMeasureExecutorInput, @Ctx() ctx: HubContext): Promise<IpraMeasure> {
    const measureId = assertUuid(input.measureId, 'measureId');
    const organizationId = assertUuid(input.executorOrganizationId, 'executorOrganizationId');
    return ctx.em.transactional(async (em) => {
      const ipra = await em.findOne(Ipra, { number: input.ipraNumber.trim() });
      if (!ipra) throw notFound('IPRA', input.ipraNumber);
      const measure = await em.findOne(IpraMeasure, { id: measureId, ipra: ipra.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!measure) throw notFound(`Measure of IPRA ${ipra.number}`, measureId);
      const mayAssign =
        ctx.identity.agency === AGENCY || (measure.executorAgency !== null && ctx.identity.agency === measure.executorAgency);
      if (!mayAssign) throw forbidden('Only health or the executing agency places an IPRA measure', { agency: measure.executorAgency });
      if (measure.executionStatus === IpraMeasureExecutionStatus.DONE || measure.executionStatus === IpraMeasureExecutionStatus.NOT_DONE) {
        throw illegalTransition(`The measure is already reported ${measure.executionStatus}; its executor is not changed`, {
          status: measure.executionStatus,
        });
      }
      measure.executorOrganizationId = organizationId;
      ctx.audit.recordWrite(em, 'assignIpraMeasureExecutor', [measure.personId]);
      return measure;
    });
  }
}
