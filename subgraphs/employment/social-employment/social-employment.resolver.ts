import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { PeriodInput } from '../../kit/platform/period';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertText } from '../../kit/platform/input-rules';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { SocialEmployment } from './social-employment.entity';
import { checkSocialEmployment } from './social-employment.rules';

@InputType({ description: 'Social employment to start under order 605n (seed 003 §29).' })
export class StartSocialEmploymentInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Client-supplied key (8–128 letters, digits, "-", "_", ".", ":"): a retry with the same key answers the record the first call made.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The person starting social employment (hub person id).' })
  personId!: string;

  @Field(() => ID, { description: 'The organization authorized for social employment (directory organization id).' })
  organizationId!: string;

  @Field({ description: 'The activity the person will do (data text, Russian, up to 500 characters).' })
  activity!: string;

  @Field(() => PeriodInput, { description: 'The term of social employment: both days required.' })
  period!: PeriodInput;

  @Field(() => Int, {
    description:
      'Degree of limitation of the ability to work (1, 2 or 3) as written in the IPRA the person presents. ' +
      'Health owns the IPRA; the employment service records what it was shown. Only degree 3 qualifies (seed 003 §29).',
  })
  workAbilityLimitationDegree!: number;

  @Field(() => String, { nullable: true, description: 'Number of the IPRA presented.' })
  ipraNumber?: string | null;
}

@ObjectType({ description: 'What startSocialEmployment did: the social employment started, or why it was refused.' })
export class StartSocialEmploymentPayload extends MutationPayload {
  @Field(() => SocialEmployment, {
    nullable: true,
    description: 'The social employment started (or started by the first call with this idempotencyKey); null when refused.',
  })
  socialEmployment?: SocialEmployment | null;
}

@Resolver(() => SocialEmployment)
export class SocialEmploymentResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => StartSocialEmploymentPayload, {
    description:
      'Starts social employment (employment-service specialists only); refused with RULE_VIOLATION unless the IPRA states the 3rd degree (seed 003 §29).',
  })
  startSocialEmployment(
    @Arg('input', { description: 'The person, the organization, the activity, the term and the IPRA presented.' })
    input: StartSocialEmploymentInput,
    @Ctx() ctx: HubContext,
  ): Promise<StartSocialEmploymentPayload> {
    assertEmploymentSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const key = assertIdempotencyKey(input.idempotencyKey);
      const personId = assertPersonId(input.personId);
      const organizationId = assertOrganizationId(input.organizationId);
      const term = checkSocialEmployment(input);
      const ipraNumber = input.ipraNumber ? assertText(input.ipraNumber, 'ipraNumber', 64) : null;
      const socialEmployment = await writeOnce(ctx, SocialEmployment, key, personId, async (em) => {
        const record = em.create(SocialEmployment, {
          personId,
          organizationId,
          activity: input.activity.trim(),
          startDate: term.startsOn,
          endDate: term.endsOn,
          workAbilityLimitationDegree: input.workAbilityLimitationDegree,
          ipraNumber,
          idempotencyKey: key,
        });
        ctx.audit.recordWrite(em, 'startSocialEmployment', [personId]);
        return record;
      });
      return { socialEmployment };
    });
  }
}
