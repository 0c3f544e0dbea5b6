import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Territory } from '../territory/territory.entity';

/** Roles an organization plays in the inter-agency model (seed 003 §4.2–4.4, §22). */
export enum OrganizationKind {
  OPERATOR = 'OPERATOR',
  CO_EXECUTOR = 'CO_EXECUTOR',
  RESOURCE_CENTRE = 'RESOURCE_CENTRE',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'Operator organization (seed 003 §4.2), co-executor (§4.4) or regional resource centre (§4.3).',
  valuesConfig: {
    OPERATOR: { description: 'Runs the support of the families of its territory; their coordinators work here (seed 003 §4.2).' },
    CO_EXECUTOR: { description: 'Carries out measures of programmes on referral (seed 003 §4.4).' },
    RESOURCE_CENTRE: { description: 'Regional resource centre: methods, monitoring and statistics (seed 003 §4.3).' },
  },
});

/** The region's directory of organizations that identify, support and serve families. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An organization of the inter-agency model: operator, co-executor or resource centre.' })
@Entity({ tableName: 'organization' })
export class Organization {
  @Field(() => ID, { description: 'Hub id of the organization.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Stable short code used in reference data, e.g. irk-op-01.' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Official name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name as staff use it; null when it has none.' })
  @Property({ type: 'text', nullable: true })
  shortName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Agency the organization belongs to: SOCIAL_PROTECTION, HEALTH, EDUCATION, EMPLOYMENT, ...',
  })
  @Property({ type: 'string', length: 64 })
  agency!: string;

  @Field(() => OrganizationKind, { nullable: true, description: 'The role the organization plays in the inter-agency model.' })
  @Enum({ items: () => OrganizationKind, nativeEnumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Field(() => Territory, { nullable: true, description: 'The municipality where the organization is registered.' })
  @ManyToOne(() => Territory, { fieldName: 'territory_oktmo', index: true })
  territory!: Territory;

  @Field(() => String, { nullable: true, description: 'Postal address; null when not recorded.' })
  @Property({ type: 'text', nullable: true })
  postalAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL; null when none.' })
  @Property({ type: 'text', nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true, description: 'Reception phone; null when not recorded.' })
  @Property({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Reception e-mail; null when not recorded.' })
  @Property({ type: 'text', nullable: true })
  email!: string | null;
}
