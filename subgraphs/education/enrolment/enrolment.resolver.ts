import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { PmpkConclusion } from '../pmpk/pmpk-conclusion.entity';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertRecordId, assertText } from '../../kit/platform/input-rules';
import { assertEducationSpecialist } from '../shared/specialist.policy';
import { EducationForm, EducationLevel, Enrolment } from './enrolment.entity';
import { checkCitedConclusion, checkEnrolment } from './enrolment.rules';

@InputType({ description: 'Enrolment in a kindergarten, school or college.' })
export class EnrolInput {
  @Field(() => String, { nullable: true, description: 'Client-supplied key: a retry with the same key returns the same enrolment.' })
  idempotencyKey?: string | null;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => EducationLevel)
  level!: EducationLevel;

  @Field(() => EducationForm)
  form!: EducationForm;

  @Field(() => String, { nullable: true })
  className?: string | null;

  @Field(() => LocalDate)
  fromDate!: string;

  @Field(() => LocalDate, { nullable: true })
  toDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for inclusive and special classes.' })
  pmpkConclusionId?: string | null;
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => Enrolment, { description: 'Enrols a person in an education organization for a period.' })
  async enrol(@Arg('input') input: EnrolInput, @Ctx() ctx: HubContext): Promise<Enrolment> {
    assertEducationSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const personId = assertPersonId(input.personId);
    const organizationId = assertOrganizationId(input.organizationId);
    const pmpkConclusionId = input.pmpkConclusionId ? assertRecordId(input.pmpkConclusionId, 'pmpkConclusionId') : null;
    const draft = { form: input.form, fromDate: input.fromDate, toDate: input.toDate ?? null, pmpkConclusionId };
    checkEnrolment(draft);
    if (pmpkConclusionId) {
      const conclusion = await ctx.em.findOne(PmpkConclusion, { id: pmpkConclusionId });
      if (!conclusion) throw notFound('PMPK conclusion', pmpkConclusionId);
      checkCitedConclusion(conclusion, personId, input.fromDate);
    }
    const className = input.className ? assertText(input.className, 'className', 32) : null;
    return writeOnce(ctx, Enrolment, key, personId, async (em) => {
      const enrolment = em.create(Enrolment, {
        personId,
        organizationId,
        level: input.level,
        form: input.form,
        className,
        fromDate: input.fromDate,
        toDate: draft.toDate,
        pmpkConclusionId,
        idempotencyKey: key,
      });
      ctx.audit.recordWrite(em, 'enrol', [personId]);
      return enrolment;
    });
  }
}
