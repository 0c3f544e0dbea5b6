import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { Role } from '../../kit/policy/roles';
import { Referral } from '../referral/referral.entity';
import { coordinatesPerson } from '../support-case/support-case.policy';

/**
 * How much of a person a caller may see (152-FZ; seed 001 §1.5, seed 002 §2.4 — confidentiality):
 * - the coordinator of the person's family: everything social protection holds;
 * - an agency specialist: the minimal identity (name, birth date, SNILS) of people their
 *   organization serves — known here by the referrals sent to that organization or agency;
 * - analysts, administrators, partner services: nothing that identifies a person.
 * The check sits on every personal field, so no nested path (a referral's person, an agency's
 * record pointing at a Person) can reach the data another way.
 */
export type PersonalDataLevel = 'IDENTITY' | 'SENSITIVE';

async function servesPerson(ctx: HubContext, personId: string): Promise<boolean> {
  const { identity } = ctx;
  if (identity.role !== Role.SPECIALIST) return false;
  const referrals = await loaderManyBy(ctx, Referral, 'personId').load(personId);
  return referrals.some(
    (r) =>
      (identity.organizationId && r.executorOrganizationId === identity.organizationId) ||
      (identity.agency && r.executorAgency === identity.agency),
  );
}

export async function mayReadPersonalData(ctx: HubContext, personId: string, level: PersonalDataLevel): Promise<boolean> {
  if (await coordinatesPerson(ctx, personId)) return true;
  return level === 'IDENTITY' && (await servesPerson(ctx, personId));
}

/** Marks a Person field as personal data of the given level; a refused read is null with FORBIDDEN, and audited. */
export function PersonalData(level: PersonalDataLevel) {
  const guard: MiddlewareFn<HubContext> = async ({ root, context, info }, next) => {
    const personId = (root as { id: string }).id;
    const operation = `Person.${info.fieldName}`;
    if (!(await mayReadPersonalData(context, personId, level))) {
      context.audit.denied(operation, personId, 'FORBIDDEN');
      throw forbidden(`Personal data (${operation}) is not open to this caller`, { field: info.fieldName });
    }
    context.audit.read('Person', personId);
    return next();
  };
  return UseMiddleware(guard);
}
