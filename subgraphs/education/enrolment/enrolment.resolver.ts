import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { Period, PeriodInput, periodOf } from '../../kit/platform/period';
import { Role } from '../../kit/policy/roles';
import { writeOnce } from '../../kit/platform/idempotency';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertRecordId, assertText } from '../../kit/platform/input-rules';
import { Person } from '../person/person.entity';
import { PmpkConclusion } from '../pmpk/pmpk-conclusion.entity';
import { missing } from '../shared/missing';
import { Organization, organizationRef } from '../../conventions/organization-reference';
import { assertEducationSpecialist } from '../shared/specialist.policy';
import { EducationForm, EducationLevel, Enrolment } from './enrolment.entity';
import { checkCitedConclusion, checkEnrolment } from './enrolment.rules';

@InputType({ description: 'Enrolment of a person in a kindergarten, school or college.' })
export class EnrolInput {
  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the enrolment the first call made, and writes nothing.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The learner (hub person id).' })
  personId!: string;

  @Field(() => ID, { description: 'The kindergarten, school or college (hub organization id).' })
  organizationId!: string;

  @Field(() => EducationLevel, { description: 'Kindergarten, school or college.' })
  level!: EducationLevel;

  @Field(() => EducationForm, { description: 'How the person learns there; an inclusive or special class cites a PMPK conclusion.' })
  form!: EducationForm;

  @Field(() => String, { nullable: true, description: 'Group or class, e.g. "2 Б", at most 32 characters.' })
  className?: string | null;

  @Field(() => PeriodInput, { description: 'The first day (required) and the last day (left out while open-ended).' })
  period!: PeriodInput;

  @Field(() => ID, {
    nullable: true,
    description: "Required for inclusive and special classes: the person's PMPK conclusion, in force on the first day.",
  })
  pmpkConclusionId?: string | null;
}

@ObjectType({ description: 'What enrol answers: the enrolment, or why it was refused.' })
export class EnrolPayload extends MutationPayload {
  @Field(() => Enrolment, {
    nullable: true,
    description: 'The enrolment made (or made by the first call with this key); null when refused.',
  })
  enrolment!: Enrolment | null;
}

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The learner; social protection answers the fields of the person.' })
  person(@Root() enrolment: Enrolment): Person {
    return { id: enrolment.personId } as Person;
  }

  @FieldResolver(() => Period, { description: 'From the first day to the last; `endsOn` is null while the enrolment is open-ended.' })
  period(@Root() enrolment: Enrolment): Period {
    return periodOf(enrolment.fromDate, enrolment.toDate);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The kindergarten, school or college.' })
  organization(@Root() enrolment: Enrolment): Organization | null {
    return organizationRef(enrolment.organizationId);
  }

  @FieldResolver(() => PmpkConclusion, {
    nullable: true,
    description: 'The PMPK conclusion whose special conditions the organization creates for this enrolment; null for a regular class.',
  })
  pmpkConclusion(@Root() enrolment: Enrolment, @Ctx() ctx: HubContext): Promise<PmpkConclusion | null> | null {
    return enrolment.pmpkConclusionId ? loaderBy<PmpkConclusion>(ctx, PmpkConclusion, 'id').load(enrolment.pmpkConclusionId) : null;
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => EnrolPayload, { description: 'Enrols a person in an education organization for a period. Education specialists only.' })
  enrol(@Arg('input', { description: 'The enrolment.' }) input: EnrolInput, @Ctx() ctx: HubContext) {
    assertEducationSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const organizationId = assertOrganizationId(input.organizationId);
      const pmpkConclusionId = input.pmpkConclusionId ? assertRecordId(input.pmpkConclusionId, 'pmpkConclusionId') : null;
      const term = checkEnrolment({ form: input.form, period: input.period, pmpkConclusionId });
      if (pmpkConclusionId) {
        const conclusion = await ctx.em.findOne(PmpkConclusion, { id: pmpkConclusionId });
        if (!conclusion) throw missing('PMPK conclusion', pmpkConclusionId, 'pmpkConclusionId');
        checkCitedConclusion(conclusion, personId, term.startsOn);
      }
      const className = input.className ? assertText(input.className, 'className', 32) : null;
      const enrolment = await writeOnce(ctx, Enrolment, key, personId, async (em) => {
        const created = em.create(Enrolment, {
          personId,
          organizationId,
          level: input.level,
          form: input.form,
          className,
          fromDate: term.startsOn,
          toDate: term.endsOn,
          pmpkConclusionId,
          idempotencyKey: key,
        });
        ctx.audit.recordWrite(em, 'enrol', [personId]);
        return created;
      });
      return { enrolment };
    });
  }
}
