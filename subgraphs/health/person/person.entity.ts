import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencyAccess } from '../../kit/policy/agency-access';

/** The hub-wide person, owned by social protection; Health adds its own fields. */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A person of the hub, kept by social protection; health adds the IPRAs, MSE referrals, rehabilitation and clinic attachment.',
})
export class Person {
  @Field(() => ID, { description: 'The id of the person in the hub.' })
  id!: string;

  @Directive('@external')
  @Field(() => AgencyAccess, { description: "Social protection's signed decision on the caller's access to this person's records." })
  agencyAccess?: AgencyAccess;
}
