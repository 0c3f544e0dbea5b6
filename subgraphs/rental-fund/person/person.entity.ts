import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencyAccess } from '../../kit/policy/agency-access';

/** The hub-wide person, owned by social protection; The rental fund adds its own fields. */
@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A person of the hub, owned by social protection; the rental fund adds the person’s applications, contracts and route.',
})
export class Person {
  @Field(() => ID, { description: 'The hub id of the person.' })
  id!: string;

  @Directive('@external')
  @Field(() => AgencyAccess, {
    description: 'What the caller may read of the person in each agency, decided by social protection (consent, scope).',
  })
  agencyAccess?: AgencyAccess;
}
