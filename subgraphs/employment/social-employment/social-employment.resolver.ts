import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { writeOnce } from '../../kit/platform/idempotency';
import { assertIdempotencyKey, assertOrganizationId, assertPersonId, assertText } from '../../kit/platform/input-rules';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { SocialEmployment } from './social-employment.entity';
import { checkSocialEmployment } from './social-employment.rules';

@InputType({ description: 'Social employment under order 605n (seed 003 §29).' })
export class StartSocialEmploymentInput {
  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;

  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field()
  activity!: string;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => LocalDate)
  endDate!: string;

  @Field(() => Int, {
    description:
      'Degree of limitation of the ability to work (1, 2 or 3) as written in the IPRA the person presents. ' +
      'Health owns the IPRA; the employment service records what it was shown. Only degree 3 qualifies (seed 003 §29).',
  })
  workAbilityLimitationDegree!: number;

  @Field(() => String, { nullable: true, description: 'Number of the IPRA presented.' })
  ipraNumber?: string | null;
}

@Resolver(() => SocialEmployment)
export class SocialEmploymentResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => SocialEmployment, {
    description: 'Starts social employment; refused unless the IPRA states the 3rd degree (seed 003 §29).',
  })
  async startSocialEmployment(@Arg('input') input: StartSocialEmploymentInput, @Ctx() ctx: HubContext): Promise<SocialEmployment> {
    assertEmploymentSpecialist(ctx);
    const key = assertIdempotencyKey(input.idempotencyKey);
    const personId = assertPersonId(input.personId);
    const organizationId = assertOrganizationId(input.organizationId);
    checkSocialEmployment(input);
    const ipraNumber = input.ipraNumber ? assertText(input.ipraNumber, 'ipraNumber', 64) : null;
    return writeOnce(ctx, SocialEmployment, key, personId, async (em) => {
      const record = em.create(SocialEmployment, {
        personId,
        organizationId,
        activity: input.activity.trim(),
        startDate: input.startDate,
        endDate: input.endDate,
        workAbilityLimitationDegree: input.workAbilityLimitationDegree,
        ipraNumber,
        idempotencyKey: key,
      });
      ctx.audit.recordWrite(em, 'startSocialEmployment', [personId]);
      return record;
    });
  }
}
