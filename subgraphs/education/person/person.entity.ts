import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencyAccess } from '../../kit/policy/agency-access';
import { LocalDate } from '../../kit/platform/scalars';

/** The hub-wide person, owned by social protection; Education adds its own fields. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person of the hub (owned by social protection); education adds its records about the person.' })
export class Person {
  @Field(() => ID, { description: 'The hub id of the person.' })
  id!: string;

  @Directive('@external')
  @Field(() => AgencyAccess, { description: "Social protection's decision on the caller's access to this person's records (owned there)." })
  agencyAccess?: AgencyAccess;

  @Directive('@external')
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Owned by social protection (null when refused there); required for the early-help age limit (seed 003 §8.2).',
  })
  bornOn?: string;
}
