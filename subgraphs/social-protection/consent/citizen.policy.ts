import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { today } from '../../kit/platform/clock';
import { Role } from '../../kit/policy/roles';
// Types only: the loaders find the entities by name, so this policy (used by Person's own fields) does not load
// the family entities, which load Person.
import type { FamilyMember } from '../family/family.entity';
import type { Person } from '../person/person.entity';
import { coordinatesPerson } from '../support-case/support-case.policy';
import { ConsentSignatory, needsLegalRepresentative, representationOf, type Membership } from './consent.rules';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * THE CITIZEN (issue 15 §6): a CITIZEN caller is bound by their token to one person. They act for that person when
 * the person may act alone (an adult with legal capacity), and for the people they are recorded as legal
 * representative of (a minor child as parent or guardian, an adult recognized incapable as guardian — the same
 * rule that checks who signs a consent, consent.rules.ts). Acting for a person opens exactly that person's consents
 * and access log, and giving or revoking their consents; nothing else of social protection, nor of any agency.
 */
export async function citizenActsFor(ctx: HubContext, personId: string): Promise<ConsentSignatory | null> {
  const { identity } = ctx;
  if (identity.role !== Role.CITIZEN || !identity.personId || !UUID.test(identity.personId) || !UUID.test(personId)) return null;
  const person = await loaderBy<Person>(ctx, 'Person', 'id').load(personId);
  if (!person) return null;
  const subject = { id: person.id, birthDate: person.birthDate, isLegallyIncapable: person.isLegallyIncapable };
  const day = today();
  if (identity.personId === personId) return needsLegalRepresentative(subject, day) ? null : ConsentSignatory.PERSON;
  const rows = await loaderManyBy<FamilyMember>(ctx, 'FamilyMember', 'person').loadMany([personId, identity.personId]);
  const memberships: Membership[] = rows
    .flatMap((r) => (Array.isArray(r) ? r : []))
    .map((m) => ({ familyId: m.family.id, personId: m.person.id, relation: m.relation, isLegalRepresentative: m.isLegalRepresentative }));
  return representationOf(subject, identity.personId, memberships, day);
}

/** The people a citizen acts for: themself (when they may act alone) and those they legally represent. */
export async function peopleCitizenActsFor(ctx: HubContext): Promise<string[]> {
  const { identity } = ctx;
  if (identity.role !== Role.CITIZEN || !identity.personId || !UUID.test(identity.personId)) return [];
  const own = await loaderManyBy<FamilyMember>(ctx, 'FamilyMember', 'person').load(identity.personId);
  const families = own.filter((m) => m.isLegalRepresentative).map((m) => m.family.id);
  const members = (await loaderManyBy<FamilyMember>(ctx, 'FamilyMember', 'family').loadMany(families)).flatMap((r) =>
    Array.isArray(r) ? r : [],
  );
  const candidates = [...new Set([identity.personId, ...members.map((m) => m.person.id)])];
  const decisions = await Promise.all(candidates.map(async (id) => ((await citizenActsFor(ctx, id)) ? id : null)));
  return decisions.filter((id): id is string => id !== null);
}

/** The person's consents: the coordinator of the person's family, or the citizen who is or represents the person. */
export async function mayReadConsents(ctx: HubContext, personId: string): Promise<boolean> {
  return (await coordinatesPerson(ctx, personId)) || (await citizenActsFor(ctx, personId)) !== null;
}

/** Marks `Person.consents`: refused (FORBIDDEN, audited) for anyone but the family's coordinator and the citizen. */
export function ConsentsOfPerson() {
  const guard: MiddlewareFn<HubContext> = async ({ root, context, info }, next) => {
    const personId = (root as { id: string }).id;
    const operation = `Person.${info.fieldName}`;
    if (!(await mayReadConsents(context, personId))) {
      context.audit.denied(operation, personId, 'FORBIDDEN');
      throw forbidden(`Personal data (${operation}) is not open to this caller`, { field: info.fieldName });
    }
    context.audit.read('Person', personId);
    return next();
  };
  return UseMiddleware(guard);
}
