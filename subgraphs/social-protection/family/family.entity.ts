import { Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Territory } from '../territory/territory.entity';

export enum FamilyRelation {
  PARENT = 'PARENT',
  CHILD = 'CHILD',
  SPOUSE = 'SPOUSE',
  GUARDIAN = 'GUARDIAN',
  GRANDPARENT = 'GRANDPARENT',
  SIBLING = 'SIBLING',
  SELF = 'SELF',
  OTHER = 'OTHER',
}
registerEnumType(FamilyRelation, {
  name: 'FamilyRelation',
  description: "A member's relation within the family.",
  valuesConfig: {
    PARENT: { description: 'A mother or father of children in the family.' },
    CHILD: { description: 'A child of the family.' },
    SPOUSE: { description: 'A husband or wife.' },
    GUARDIAN: { description: 'A guardian or trustee of a child or of an incapable adult.' },
    GRANDPARENT: { description: 'A grandmother or grandfather.' },
    SIBLING: { description: 'A brother or sister.' },
    SELF: { description: 'A person living alone, who is the family.' },
    OTHER: { description: 'Another relative or member of the household.' },
  },
});

/**
 * The unit of support in seeds 001 and 002: a family raising a disabled child (or a disabled
 * person living alone), served by one operator organization on its territory.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A family (or a person living alone) supported by social protection.' })
@Entity({ tableName: 'family' })
export class Family {
  @Field(() => ID, { description: 'Hub id of the family.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'How the coordinator refers to the family, usually the surname.' })
  @Property({ type: 'text' })
  displayName!: string;

  @Field(() => Territory, { nullable: true, description: 'The municipality the family lives in; its operator organization serves it.' })
  @ManyToOne(() => Territory, { fieldName: 'territory_oktmo', index: true })
  territory!: Territory;

  @Field(() => String, { nullable: true, description: 'Social district (участок) of the operator organization.' })
  @Property({ type: 'text', nullable: true })
  socialDistrict!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address of the family home; null when not recorded.' })
  @Property({ type: 'text', nullable: true })
  address!: string | null;

  @Field(() => Organization, { nullable: true, description: 'Operator organization that supports the family (seed 003 §4.2).' })
  @ManyToOne(() => Organization, { fieldName: 'operator_organization_id', index: true })
  operatorOrganization!: Organization;

  @OneToMany(() => FamilyMember, (member) => member.family)
  memberships = new Collection<FamilyMember>(this);

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}

@ObjectType({ description: 'A person as a member of a family.' })
@Entity({ tableName: 'family_member' })
export class FamilyMember {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Family, { fieldName: 'family_id', deleteRule: 'cascade', index: true })
  family!: Family;

  // Nullable, so that a person who cannot be shown never takes the family and the other members with it (issue 12 §6).
  @Field(() => Person, { nullable: true, description: 'The member; null when the person cannot be read: the error at this path says why.' })
  @ManyToOne(() => Person, { fieldName: 'person_id', index: true })
  person!: Person;

  @Field(() => FamilyRelation, { description: "The member's relation within the family." })
  @Enum({ items: () => FamilyRelation, nativeEnumName: 'family_relation' })
  relation!: FamilyRelation;

  @Field({ description: 'Legal representative of the children or of an incapable adult in the family.' })
  @Property({ type: 'boolean', default: false })
  isLegalRepresentative: boolean = false;
}
