import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Field, InputType } from 'type-graphql';
import { notFound } from '../../kit/platform/errors';
import { Family } from '../family/family.entity';
import { Organization } from '../organization/organization.entity';
import { assertName } from './register.rules';

/**
 * What the hub records about a family a coordinator registers, whichever way it arrives (registerFamily, or a new
 * family in registerPersonFromSignal): one list of fields and one constructor, so the two cannot drift apart.
 * type-graphql copies these fields into each input that extends it; no field takes this type itself.
 */
@InputType({ description: "A family on the caller's territory, supported by the caller's operator organization." })
export abstract class FamilyDetailsInput {
  @Field({ description: 'How the coordinator refers to the family, usually the surname.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Postal address of the family home.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Social district (участок) of the operator organization.' })
  socialDistrict?: string | null;
}

/**
 * The family, on the territory of the caller's operator organization and supported by it (seed 003 §20: an operator
 * keeps the register of its territory). `field` names the input in a refusal.
 */
export async function registerFamilyOf(
  em: EntityManager,
  operatorOrganizationId: string,
  input: FamilyDetailsInput,
  field: string,
): Promise<Family> {
  const org = await em.findOne(Organization, { id: operatorOrganizationId });
  if (!org) throw notFound('Organization', operatorOrganizationId);
  return em.create(Family, {
    id: randomUUID(),
    displayName: assertName(input.displayName, field),
    territory: org.territory,
    address: input.address?.trim() || null,
    socialDistrict: input.socialDistrict?.trim() || null,
    operatorOrganization: org,
  });
}
