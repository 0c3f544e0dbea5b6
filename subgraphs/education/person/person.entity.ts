import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencyAccess } from '../../kit/policy/agency-access';
import { LocalDate } from '../../kit/platform/scalars';

/** The hub-wide person, owned by social protection; Education adds its own fields. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Person {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => AgencyAccess)
  agencyAccess?: AgencyAccess;

  @Directive('@external')
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Owned by social protection (null when refused there); required for the early-help age limit (seed 003 §8.2).',
  })
  birthDate?: string;
}
