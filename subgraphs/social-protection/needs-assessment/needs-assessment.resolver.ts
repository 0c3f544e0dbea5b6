import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { now, today } from '../../kit/platform/clock';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { notFound } from '../../kit/platform/errors';
import { LocalDate } from '../../kit/platform/scalars';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { Role } from '../../kit/policy/roles';
import { createOnce } from '../platform/create-once';
import { Measure } from '../programme/programme.entity';
import { SupportCase } from '../support-case/support-case.entity';
import { assertMayRunCase } from '../support-case/support-case.policy';
import {
  LivingConditionsAct,
  LivingConditionsActKind,
  MeasureNeed,
  NeedDomain,
  NeedFinding,
  NeedsAssessment,
} from './needs-assessment.entity';
import {
  assertCaseOpenForAssessment,
  assertLivingConditionsAct,
  assertMeasureAnswersFoundNeeds,
  assertMeetingDate,
  assertSurvey,
  latestAssessment,
  unansweredNeeds,
} from './needs-assessment.rules';

@InputType({ description: 'The meeting agreed with the citizen to determine the support measures (seed 003 §16.3).' })
class RecordNeedsAssessmentInput {
  @Field(() => ID, { description: 'The support case, open and run by my organization.' })
  supportCaseId!: string;

  @Field(() => LocalDate, { description: 'Day of the meeting agreed with the citizen (seed 003 §16.3); may lie ahead.' })
  meetingOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the assessment the first call recorded.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'The finding of the survey in one area of need (seed 003 §19).' })
class NeedFindingInput {
  @Field(() => NeedDomain, { description: 'The area of need; each area at most once per survey.' })
  domain!: NeedDomain;

  @Field({ description: 'True when the family needs help in this area.' })
  needed!: boolean;

  @Field({ description: 'What was found, in Russian.' })
  finding!: string;
}

@InputType({ description: 'The survey held at the meeting (seed 003 §19); saving it again replaces the findings.' })
class SaveNeedsSurveyInput {
  @Field(() => ID, { description: 'The assessment whose meeting the survey was held at.' })
  needsAssessmentId!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the survey was held, not before the agreed meeting; the meeting day by default.',
  })
  surveyedOn?: string | null;

  @Field(() => [NeedFindingInput], { description: 'The findings, one per area of need looked at; at least one.' })
  findings!: NeedFindingInput[];
}

@InputType({ description: 'The act of the survey of the living conditions (seed 004 §5.1.3); saving it again replaces it.' })
class SaveLivingConditionsActInput {
  @Field(() => ID, { description: 'The assessment the act belongs to.' })
  needsAssessmentId!: string;

  @Field(() => LivingConditionsActKind, { description: 'Which act (seed 004 §5.1.3).' })
  kind!: LivingConditionsActKind;

  @Field(() => LocalDate, { description: 'Day the home was surveyed and the act drawn up; not in the future.' })
  drawnUpOn!: string;

  @Field({ description: 'What the act found, in Russian.' })
  findings!: string;
}

@InputType({ description: 'The needs of the assessment a measure answers (seed 003 §19); saving again replaces them.' })
class SetMeasureNeedsInput {
  @Field(() => ID, { description: 'The measure, of a programme of a case run by my organization.' })
  measureId!: string;

  @Field(() => [NeedDomain], {
    description: 'The areas of need the measure answers; each must be a need the survey found. Empty clears them.',
  })
  needs!: NeedDomain[];
}

@ObjectType({ description: 'What recordNeedsAssessment recorded.' })
class RecordNeedsAssessmentPayload extends MutationPayload {
  @Field(() => NeedsAssessment, {
    nullable: true,
    description: 'The assessment (or the one found by its idempotencyKey); null when refused.',
  })
  needsAssessment?: NeedsAssessment | null;
}

@ObjectType({ description: 'What saveNeedsSurvey changed.' })
class SaveNeedsSurveyPayload extends MutationPayload {
  @Field(() => NeedsAssessment, { nullable: true, description: 'The assessment with its survey; null when refused.' })
  needsAssessment?: NeedsAssessment | null;
}

@ObjectType({ description: 'What saveLivingConditionsAct changed.' })
class SaveLivingConditionsActPayload extends MutationPayload {
  @Field(() => NeedsAssessment, { nullable: true, description: 'The assessment with its act; null when refused.' })
  needsAssessment?: NeedsAssessment | null;
}

@ObjectType({ description: 'What setMeasureNeeds changed.' })
class SetMeasureNeedsPayload extends MutationPayload {
  @Field(() => Measure, { nullable: true, description: 'The measure with the needs it answers; null when refused.' })
  measure?: Measure | null;
}

async function lockedCase(em: EntityManager | HubContext['em'], ctx: HubContext, caseId: string): Promise<SupportCase> {
  return assertMayRunCase(ctx, await em.findOne(SupportCase, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }), caseId);
}

async function assessmentForChange(em: EntityManager | HubContext['em'], ctx: HubContext, id: string) {
  const assessment = await em.findOne(NeedsAssessment, { id });
  if (!assessment) throw notFound('Needs assessment', id);
  const c = await lockedCase(em, ctx, assessment.caseId);
  assertCaseOpenForAssessment(c.stage);
  return { assessment, c };
}

@Resolver(() => NeedsAssessment)
export class NeedsAssessmentResolver {
  @Authorized(Role.COORDINATOR)
  @Mutation(() => RecordNeedsAssessmentPayload, {
    description: 'Records the meeting agreed with the citizen to assess the needs of the family (seed 003 §16.3).',
  })
  recordNeedsAssessment(@Arg('input', { description: 'The agreed meeting.' }) input: RecordNeedsAssessmentInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const needsAssessment = await createOnce(
        ctx,
        NeedsAssessment,
        input.idempotencyKey,
        (found) => found.caseId === input.supportCaseId,
        async (em) => {
          const c = await lockedCase(em, ctx, input.supportCaseId);
          assertCaseOpenForAssessment(c.stage);
          assertMeetingDate(input.meetingOn, c.openedOn);
          const created = em.create(NeedsAssessment, {
            caseId: c.id,
            personId: c.personId,
            meetingOn: input.meetingOn,
            findings: [],
            recordedBySubject: ctx.identity.subject,
            recordedAt: now(),
          });
          ctx.audit.recordWrite(em, 'recordNeedsAssessment', [c.personId]);
          return created;
        },
      );
      // A retry answers the first call's assessment: the caller must still run its case.
      assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(needsAssessment.caseId), needsAssessment.caseId);
      return { needsAssessment };
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => SaveNeedsSurveyPayload, {
    description: "Saves the survey of the family's needs held at the meeting, with a finding per area (seed 003 §19).",
  })
  saveNeedsSurvey(@Arg('input', { description: 'The survey.' }) input: SaveNeedsSurveyInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const { assessment, c } = await assessmentForChange(em, ctx, input.needsAssessmentId);
        const findings: NeedFinding[] = input.findings.map((f) => ({ domain: f.domain, needed: f.needed, finding: f.finding.trim() }));
        const surveyedOn = input.surveyedOn ?? assessment.meetingOn;
        assertSurvey({ surveyedOn, findings }, assessment.meetingOn, today());
        assessment.surveyedOn = surveyedOn;
        assessment.findings = findings;
        ctx.audit.recordWrite(em, 'saveNeedsSurvey', [c.personId]);
        return { needsAssessment: assessment };
      }),
    );
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => SaveLivingConditionsActPayload, {
    description: 'Saves the act of the survey of the living conditions of the family (seed 004 §5.1.3, §3.2.5).',
  })
  saveLivingConditionsAct(@Arg('input', { description: 'The act.' }) input: SaveLivingConditionsActInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const { assessment, c } = await assessmentForChange(em, ctx, input.needsAssessmentId);
        const findings = input.findings.trim();
        assertLivingConditionsAct({ drawnUpOn: input.drawnUpOn, findings }, c.openedOn, today());
        assessment.actKind = input.kind;
        assessment.actDrawnUpOn = input.drawnUpOn;
        assessment.actFindings = findings;
        ctx.audit.recordWrite(em, 'saveLivingConditionsAct', [c.personId]);
        return { needsAssessment: assessment };
      }),
    );
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => SetMeasureNeedsPayload, {
    description: 'Sets the needs found by the assessment that a measure of the programme answers (seed 003 §19, §30).',
  })
  setMeasureNeeds(@Arg('input', { description: 'The measure and its needs.' }) input: SetMeasureNeedsInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const measure = await em.findOne(Measure, { id: input.measureId });
        if (!measure) throw notFound('Measure', input.measureId);
        const c = await lockedCase(em, ctx, measure.caseId);
        const needs = [...new Set(input.needs)];
        assertMeasureAnswersFoundNeeds(needs, latestAssessment(await em.find(NeedsAssessment, { caseId: c.id })));
        await em.nativeDelete(MeasureNeed, { measureId: measure.id });
        for (const need of needs) em.create(MeasureNeed, { measureId: measure.id, need, caseId: c.id });
        ctx.audit.recordWrite(em, 'setMeasureNeeds', [c.personId]);
        return { measure };
      }),
    );
  }

  @FieldResolver(() => LivingConditionsAct, {
    nullable: true,
    description: 'The act of the survey of the living conditions (seed 004 §5.1.3); null until drawn up.',
  })
  livingConditionsAct(@Root() a: NeedsAssessment): LivingConditionsAct | null {
    return a.actKind && a.actDrawnUpOn ? { kind: a.actKind, drawnUpOn: a.actDrawnUpOn, findings: a.actFindings ?? '' } : null;
  }

  @FieldResolver(() => [NeedDomain], {
    description: 'The needs the survey found that no measure of the case answers yet (seed 003 §19, §33.4); empty before the survey.',
  })
  async unansweredNeeds(@Root() a: NeedsAssessment, @Ctx() ctx: HubContext): Promise<NeedDomain[]> {
    const answered = await loaderManyBy(ctx, MeasureNeed, 'caseId').load(a.caseId);
    return unansweredNeeds(
      a,
      answered.map((m) => m.need),
    );
  }

  @FieldResolver(() => SupportCase, { nullable: true, description: 'The support case assessed (its coordinator only).' })
  async supportCase(@Root() a: NeedsAssessment, @Ctx() ctx: HubContext): Promise<SupportCase | null> {
    return assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(a.caseId), a.caseId);
  }
}

@Resolver(() => SupportCase)
export class SupportCaseAssessmentResolver {
  @FieldResolver(() => NeedsAssessment, {
    nullable: true,
    description: "The case's latest needs assessment (seed 003 §19); null until a meeting is agreed.",
  })
  async needsAssessment(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<NeedsAssessment | null> {
    return latestAssessment(await loaderManyBy(ctx, NeedsAssessment, 'caseId').load(c.id));
  }

  @FieldResolver(() => [NeedsAssessment], {
    description: "The case's needs assessments by meeting day (bounded: one per assessment round, rare after the first).",
  })
  needsAssessments(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<NeedsAssessment[]> {
    return loaderManyBy(ctx, NeedsAssessment, 'caseId', { meetingOn: 'asc', recordedAt: 'asc' }).load(c.id);
  }
}

@Resolver(() => Measure)
export class MeasureNeedsResolver {
  @FieldResolver(() => [NeedDomain], { description: "The needs of the case's assessment the measure answers (seed 003 §19, §30)." })
  async addressesNeeds(@Root() m: Measure, @Ctx() ctx: HubContext): Promise<NeedDomain[]> {
    return (await loaderManyBy(ctx, MeasureNeed, 'measureId').load(m.id)).map((n) => n.need);
  }
}

/** As `SupportCase.needsAssessment`: the coordinator running the case. */
export const needsAssessmentReference = {
  async __resolveReference(reference: { id: string }, ctx: HubContext) {
    const a = await loaderBy(ctx, NeedsAssessment, 'id').load(reference.id);
    if (!a) return null;
    const c = assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(a.caseId), a.caseId);
    ctx.audit.read('NeedsAssessment', c.personId);
    return a;
  },
};
