import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencyAccess } from '../../kit/policy/agency-access';

/** The hub-wide person, owned by social protection; The rental fund adds its own fields. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Person {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => AgencyAccess)
  agencyAccess?: AgencyAccess;
}
