import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencyAccess } from '../../kit/policy/agency-access';

/** The hub-wide person, owned by social protection; Employment adds its own fields. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person known to the hub (owned by social protection); employment adds its records about the person.' })
export class Person {
  @Field(() => ID, { description: 'The person’s hub id.' })
  id!: string;

  @Directive('@external')
  @Field(() => AgencyAccess, {
    description: "Social protection's signed decision on the caller's access to this person's records (consent and scope).",
  })
  agencyAccess?: AgencyAccess;
}

/** The edge to a person: a reference the router resolves at social protection. */
export const personRef = (id: string): Person => ({ id });
