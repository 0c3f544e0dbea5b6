import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencyAccess } from '@federation-hub/partner-kit';

/** The stub of social protection's Person (CONVENTIONS §1): the centre adds its fields to it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person of the hub; social protection owns the person, the centre adds its route and access log.' })
export class Person {
  @Field(() => ID, { description: 'The hub person id.' })
  id!: string;

  @Directive('@external')
  @Field(() => AgencyAccess, { description: "Social protection's signed decision on who may read this person's records." })
  agencyAccess?: AgencyAccess;
}
