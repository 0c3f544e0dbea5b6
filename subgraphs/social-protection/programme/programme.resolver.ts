import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { illegalTransition, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { Organization } from '../organization/organization.entity';
import { Referral } from '../referral/referral.entity';
import { SupportCase } from '../support-case/support-case.entity';
import { assertMayRunCase } from '../support-case/support-case.policy';
import { recordTransition } from '../support-case/transition';
import { assertStageDate } from '../support-case/support-case.rules';
import { assertTransition, SupportStage } from '../support-case/stages';
import { Measure, MeasureKind, MeasureStatus, Programme, ProgrammeKind, SupportAgreement } from './programme.entity';
import { assertAgreementCoversProgramme, assertMeasureWithinProgramme } from './programme.rules';

@InputType()
class SupportAgreementInput {
  @Field(() => String, { nullable: true })
  number?: string | null;

  @Field(() => LocalDate)
  signedOn!: string;

  @Field(() => LocalDate)
  validFrom!: string;

  @Field(() => LocalDate)
  validUntil!: string;
}

@InputType({ description: 'The programme agreed with the citizen and the support agreement for its term.' })
class AgreeProgrammeInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ProgrammeKind)
  kind!: ProgrammeKind;

  @Field(() => LocalDate, { nullable: true, description: 'Day of agreement; today by default.' })
  agreedOn?: string | null;

  @Field(() => LocalDate)
  validFrom!: string;

  @Field(() => LocalDate)
  validUntil!: string;

  @Field(() => SupportAgreementInput, { description: 'seed 001 §3.3(4).' })
  agreement!: SupportAgreementInput;
}

@InputType()
class AddMeasureInput {
  @Field(() => ID)
  programmeId!: string;

  @Field(() => MeasureKind)
  kind!: MeasureKind;

  @Field()
  title!: string;

  @Field(() => ID)
  executingOrganizationId!: string;

  @Field(() => LocalDate)
  plannedFrom!: string;

  @Field(() => LocalDate)
  plannedTo!: string;
}

const OPEN_FOR_MEASURES: readonly SupportStage[] = [SupportStage.PROGRAMME_AGREED, SupportStage.IN_IMPLEMENTATION];

@Resolver(() => Programme)
export class ProgrammeResolver {
  /** Records the IPSS/IPPSU (seed 003 §30) and moves the case from NEEDS_ASSESSED to PROGRAMME_AGREED. */
  @Authorized(Role.COORDINATOR)
  @Mutation(() => Programme, { description: 'Records the agreed programme and support agreement; the case enters PROGRAMME_AGREED.' })
  async agreeProgramme(@Arg('input') input: AgreeProgrammeInput, @Ctx() ctx: HubContext): Promise<Programme> {
    return ctx.em.transactional(async (em) => {
      const c = assertMayRunCase(
        ctx,
        await em.findOne(SupportCase, { id: input.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }),
        input.caseId,
      );
      const agreedOn = input.agreedOn ?? today();
      assertTransition(c.stage, SupportStage.PROGRAMME_AGREED);
      assertStageDate(agreedOn, c.stageEnteredOn, today());
      const term = { validFrom: input.validFrom, validUntil: input.validUntil };
      assertAgreementCoversProgramme(term, input.agreement);
      const programme = em.create(Programme, { caseId: c.id, personId: c.personId, kind: input.kind, agreedOn, ...term });
      em.create(SupportAgreement, {
        programmeId: programme.id,
        number: input.agreement.number ?? null,
        signedOn: input.agreement.signedOn,
        validFrom: input.agreement.validFrom,
        validUntil: input.agreement.validUntil,
      });
      recordTransition(em, ctx, c, SupportStage.PROGRAMME_AGREED, agreedOn);
      ctx.audit.recordWrite(em, 'agreeProgramme', [c.personId]);
      return programme;
    });
  }

  /** A measure and its executor, often of another agency (seed 003 §22, §27); an unknown organization writes nothing. */
  @Authorized(Role.COORDINATOR)
  @Mutation(() => Measure, { description: 'Adds a measure to an agreed programme.' })
  async addMeasure(@Arg('input') input: AddMeasureInput, @Ctx() ctx: HubContext): Promise<Measure> {
    return ctx.em.transactional(async (em) => {
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
      assertMeasureWithinProgramme(programme, input.plannedFrom, input.plannedTo);
      const measure = em.create(Measure, {
        programmeId: programme.id,
        caseId: c.id,
        personId: c.personId,
        kind: input.kind,
        title: input.title.trim(),
        executingOrganizationId: executor.id,
        executorAgency: executor.agency,
        plannedFrom: input.plannedFrom,
        plannedTo: input.plannedTo,
        status: MeasureStatus.PLANNED,
      });
      ctx.audit.recordWrite(em, 'addMeasure', [c.personId]);
      return measure;
    });
  }

  @FieldResolver(() => [Measure])
  measures(@Root() programme: Programme, @Ctx() ctx: HubContext): Promise<Measure[]> {
    return loaderManyBy(ctx, Measure, 'programmeId', { plannedFrom: 'asc' }).load(programme.id);
  }

  @FieldResolver(() => SupportAgreement, { nullable: true })
  async agreement(@Root() programme: Programme, @Ctx() ctx: HubContext): Promise<SupportAgreement | null> {
    return (await loaderManyBy(ctx, SupportAgreement, 'programmeId').load(programme.id))[0] ?? null;
  }
}

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => [Referral])
  referrals(@Root() measure: Measure, @Ctx() ctx: HubContext): Promise<Referral[]> {
    return loaderManyBy(ctx, Referral, 'measureId').load(measure.id);
  }

  @FieldResolver(() => Organization, { nullable: true })
  executingOrganization(@Root() measure: Measure, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return loaderBy(ctx, Organization, 'id').load(measure.executingOrganizationId);
  }
}
