import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { illegalTransition, notFound } from '../../kit/platform/errors';
import { Period, PeriodInput, periodOf } from '../../kit/platform/period';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { today } from '../../kit/platform/clock';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { closedPeriod, createOnce } from '../platform/create-once';
import { Referral } from '../referral/referral.entity';
import { SupportCase } from '../support-case/support-case.entity';
import { assertMayRunCase } from '../support-case/support-case.policy';
import { recordTransition } from '../support-case/transition';
import { assertProgrammeApproval, assertStageDate } from '../support-case/support-case.rules';
import { assertTransition, SupportStage } from '../support-case/stages';
import { Measure, MeasureKind, MeasureStatus, Programme, ProgrammeKind, SupportAgreement } from './programme.entity';
import { assertAgreementCoversProgramme, assertMeasureWithinProgramme } from './programme.rules';
import { MeasurePeriodicity } from './measure-execution.entity';
import { assertMeasureVolume } from './measure-execution.rules';
import { MeasureNeed, NeedDomain, NeedsAssessment } from '../needs-assessment/needs-assessment.entity';
import { assertMeasureAnswersFoundNeeds, latestAssessment } from '../needs-assessment/needs-assessment.rules';

@InputType({ description: 'The support agreement signed with the family for the term of the programme (seed 001 §3.3(4)).' })
class SupportAgreementInput {
  @Field(() => String, { nullable: true, description: 'Number of the agreement as written on it.' })
  number?: string | null;

  @Field(() => LocalDate, { description: 'Day the agreement was signed.' })
  signedOn!: string;

  @Field(() => PeriodInput, { description: "The agreement's term, both ends required; it covers the whole programme (seed 001 §3.3(4))." })
  period!: PeriodInput;
}

@InputType({ description: 'The programme agreed with the citizen and the support agreement for its term.' })
class AgreeProgrammeInput {
  @Field(() => ID, { description: 'The support case, in NEEDS_ASSESSED.' })
  supportCaseId!: string;

  @Field(() => ProgrammeKind, { description: 'IPSS or IPPSU with a support section (seed 003 §30).' })
  kind!: ProgrammeKind;

  @Field(() => LocalDate, { nullable: true, description: 'Day of agreement; today by default.' })
  agreedOn?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'Day the IPPSU was approved, required for a SERVICE_PROGRAMME and refused for an IPSS: implementation starts within 15 working days of it (seed 004 §3.2.8).',
  })
  approvedOn?: string | null;

  @Field(() => PeriodInput, { description: "The programme's term, both ends required." })
  period!: PeriodInput;

  @Field(() => SupportAgreementInput, { description: 'The support agreement for the term of the programme (seed 001 §3.3(4)).' })
  agreement!: SupportAgreementInput;
}

@InputType({ description: 'A measure of an agreed programme and the organization that carries it out.' })
class AddMeasureInput {
  @Field(() => ID, { description: 'The programme, of a case in PROGRAMME_AGREED or IN_IMPLEMENTATION.' })
  programmeId!: string;

  @Field(() => MeasureKind, { description: 'Kind of help (seed 003 §8.15).' })
  kind!: MeasureKind;

  @Field({ description: 'What the measure is, in Russian.' })
  title!: string;

  @Field(() => ID, { description: 'The organization that carries it out, often of another agency (seed 003 §22).' })
  executingOrganizationId!: string;

  @Field(() => PeriodInput, { description: 'When it is planned, both ends required, within the programme term (seed 001 §3.3(5)).' })
  plannedPeriod!: PeriodInput;

  @Field(() => Int, {
    nullable: true,
    description: 'How many times the service is given over the planned period, ≥ 1 (seed 003 §8.17–18).',
  })
  volume?: number | null;

  @Field(() => MeasurePeriodicity, { nullable: true, description: 'How often the service is given (seed 003 §8.17–18).' })
  periodicity?: MeasurePeriodicity | null;

  @Field(() => [NeedDomain], {
    nullable: true,
    description:
      'The areas of need the measure answers, as setMeasureNeeds sets them: each must be a need the survey found (RULE_VIOLATION otherwise). Leave out for none.',
  })
  addressesNeeds?: NeedDomain[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the measure the first call added.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'What agreeProgramme changed: the programme, and its case now in PROGRAMME_AGREED.' })
class AgreeProgrammePayload extends MutationPayload {
  @Field(() => Programme, { nullable: true, description: 'The agreed programme; null when refused (see userErrors).' })
  programme?: Programme | null;

  @Field(() => SupportCase, { nullable: true, description: 'The case, now in PROGRAMME_AGREED; null when refused.' })
  supportCase?: SupportCase | null;
}

@ObjectType({ description: 'What addMeasure created.' })
class AddMeasurePayload extends MutationPayload {
  @Field(() => Measure, { nullable: true, description: 'The measure added (or found by its idempotencyKey); null when refused.' })
  measure?: Measure | null;
}

const OPEN_FOR_MEASURES: readonly SupportStage[] = [SupportStage.PROGRAMME_AGREED, SupportStage.IN_IMPLEMENTATION];

@Resolver(() => Programme)
export class ProgrammeResolver {
  /** Records the IPSS/IPPSU (seed 003 §30) and moves the case from NEEDS_ASSESSED to PROGRAMME_AGREED. */
  @Authorized(Role.COORDINATOR)
  @Mutation(() => AgreeProgrammePayload, {
    description: 'Records the agreed programme and support agreement; the case enters PROGRAMME_AGREED.',
  })
  agreeProgramme(@Arg('input', { description: 'The programme and its agreement.' }) input: AgreeProgrammeInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const c = assertMayRunCase(
          ctx,
          await em.findOne(SupportCase, { id: input.supportCaseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }),
          input.supportCaseId,
        );
        const agreedOn = input.agreedOn ?? today();
        assertTransition(c.stage, SupportStage.PROGRAMME_AGREED);
        assertStageDate(agreedOn, c.stageEnteredOn, today());
        const approvedOn = assertProgrammeApproval(input.kind, input.approvedOn, c.stageEnteredOn, today());
        const period = closedPeriod(input.period, 'period');
        const agreementPeriod = closedPeriod(input.agreement.period, 'agreement.period');
        const term = { validFrom: period.startsOn, validUntil: period.endsOn };
        const agreementTerm = { validFrom: agreementPeriod.startsOn, validUntil: agreementPeriod.endsOn };
        assertAgreementCoversProgramme(term, agreementTerm);
        const programme = em.create(Programme, { caseId: c.id, personId: c.personId, kind: input.kind, agreedOn, approvedOn, ...term });
        // The case's start term counts from the approval of the IPPSU it now carries out (seed 004 §3.2.8).
        c.serviceProgrammeApprovedOn = approvedOn;
        em.create(SupportAgreement, {
          programmeId: programme.id,
          number: input.agreement.number ?? null,
          signedOn: input.agreement.signedOn,
          ...agreementTerm,
        });
        recordTransition(em, ctx, c, SupportStage.PROGRAMME_AGREED, agreedOn);
        ctx.audit.recordWrite(em, 'agreeProgramme', [c.personId]);
        return { programme, supportCase: c };
      }),
    );
  }

  /** A measure and its executor, often of another agency (seed 003 §22, §27); an unknown organization writes nothing. */
  @Authorized(Role.COORDINATOR)
  @Mutation(() => AddMeasurePayload, { description: 'Adds a measure to an agreed programme.' })
  addMeasure(@Arg('input', { description: 'The measure.' }) input: AddMeasureInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const measure = await createOnce(
        ctx,
        Measure,
        input.idempotencyKey,
        (found) => found.programmeId === input.programmeId,
        async (em) => {
          const programme = await em.findOne(Programme, { id: input.programmeId });
          if (!programme) throw notFound('Programme', input.programmeId);
          const c = assertMayRunCase(ctx, await em.findOne(SupportCase, { id: programme.caseId }), programme.caseId);
          if (!OPEN_FOR_MEASURES.includes(c.stage)) {
            throw illegalTransition(`Measures are added while the programme is agreed or in implementation; the case is ${c.stage}`, {
              stage: c.stage,
            });
          }
          const executor = await em.findOne(Organization, { id: input.executingOrganizationId });
          if (!executor) throw notFound('Organization', input.executingOrganizationId);
          const planned = closedPeriod(input.plannedPeriod, 'plannedPeriod');
          assertMeasureWithinProgramme(programme, planned.startsOn, planned.endsOn);
          assertMeasureVolume(input.volume);
          // The needs it answers are checked and written with the measure, by setMeasureNeeds' rule (seed 003 §19, §30).
          const needs = [...new Set(input.addressesNeeds ?? [])];
          if (needs.length) {
            assertMeasureAnswersFoundNeeds(needs, latestAssessment(await em.find(NeedsAssessment, { caseId: c.id })), 'addressesNeeds');
          }
          const created = em.create(Measure, {
            programmeId: programme.id,
            caseId: c.id,
            personId: c.personId,
            kind: input.kind,
            title: input.title.trim(),
            executingOrganizationId: executor.id,
            executorAgency: executor.agency,
            plannedFrom: planned.startsOn,
            plannedTo: planned.endsOn,
            status: MeasureStatus.PLANNED,
            volume: input.volume ?? null,
            periodicity: input.periodicity ?? null,
          });
          for (const need of needs) em.create(MeasureNeed, { measureId: created.id, need, caseId: c.id });
          ctx.audit.recordWrite(em, 'addMeasure', [c.personId]);
          return created;
        },
      );
      // A retry answers the first call's measure: the caller must still run its case.
      const c = await loaderBy(ctx, SupportCase, 'id').load(measure.caseId);
      assertMayRunCase(ctx, c, measure.caseId);
      return { measure };
    });
  }

  @FieldResolver(() => Period, { description: "The programme's term, both ends included." })
  period(@Root() programme: Programme): Period {
    return periodOf(programme.validFrom, programme.validUntil);
  }

  @FieldResolver(() => [Measure], { description: 'Measures of the programme, by planned start (bounded by the programme).' })
  measures(@Root() programme: Programme, @Ctx() ctx: HubContext): Promise<Measure[]> {
    return loaderManyBy(ctx, Measure, 'programmeId', { plannedFrom: 'asc' }).load(programme.id);
  }

  @FieldResolver(() => SupportAgreement, {
    nullable: true,
    description: 'The support agreement for the term of the programme (seed 001 §3.3(4)).',
  })
  async agreement(@Root() programme: Programme, @Ctx() ctx: HubContext): Promise<SupportAgreement | null> {
    return (await loaderManyBy(ctx, SupportAgreement, 'programmeId').load(programme.id))[0] ?? null;
  }

  @FieldResolver(() => SupportCase, { nullable: true, description: 'The support case the programme belongs to (its coordinator only).' })
  async supportCase(@Root() programme: Programme, @Ctx() ctx: HubContext): Promise<SupportCase | null> {
    return assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(programme.caseId), programme.caseId);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The person the programme is for; each personal field is checked on its own.',
  })
  person(@Root() programme: Programme, @Ctx() ctx: HubContext): Promise<Person | null> {
    return loaderBy(ctx, Person, 'id').load(programme.personId);
  }
}

@Resolver(() => SupportAgreement)
export class SupportAgreementResolver {
  @FieldResolver(() => Period, { description: "The agreement's term, both ends included; it covers the programme's." })
  period(@Root() agreement: SupportAgreement): Period {
    return periodOf(agreement.validFrom, agreement.validUntil);
  }
}

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => Period, { description: 'When the measure is planned, both ends included, within its programme.' })
  plannedPeriod(@Root() measure: Measure): Period {
    return periodOf(measure.plannedFrom, measure.plannedTo);
  }

  @FieldResolver(() => [Referral], { description: 'Referrals sent for the measure, a new one per attempt (bounded by the measure).' })
  referrals(@Root() measure: Measure, @Ctx() ctx: HubContext): Promise<Referral[]> {
    return loaderManyBy(ctx, Referral, 'measureId').load(measure.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that carries out the measure.' })
  executingOrganization(@Root() measure: Measure, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return loaderBy(ctx, Organization, 'id').load(measure.executingOrganizationId);
  }

  @FieldResolver(() => Programme, {
    nullable: true,
    description: 'The programme the measure belongs to (the coordinator of its case only).',
  })
  async programme(@Root() measure: Measure, @Ctx() ctx: HubContext): Promise<Programme | null> {
    assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(measure.caseId), measure.caseId);
    return loaderBy(ctx, Programme, 'id').load(measure.programmeId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person the measure is for; each personal field is checked on its own.' })
  person(@Root() measure: Measure, @Ctx() ctx: HubContext): Promise<Person | null> {
    return loaderBy(ctx, Person, 'id').load(measure.personId);
  }
}
