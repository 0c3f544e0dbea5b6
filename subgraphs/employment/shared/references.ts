import type { EntityName } from '@mikro-orm/core';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { forbidden } from '../../kit/policy/authorization';
import { assertMayReadAgencyRecords } from '../../kit/policy/agency-access';
import { Role } from '../../kit/policy/roles';
import { AGENCY, assertEmploymentSpecialist } from './specialist.policy';

const isEmploymentSpecialist = (ctx: HubContext) => ctx.identity.role === Role.SPECIALIST && ctx.identity.agency === AGENCY;

/**
 * The reference resolver of an employment record about a person (`node(id:)`, an entity reference): the records of
 * the request are loaded with one statement per type (kit loaders), and each is authorized exactly as the person's
 * field that lists it (`Person.jobPlacements` …, CONVENTIONS §3): employment specialists read it; a coordinator only
 * with social protection's signed grant, which a reference does not carry, so a coordinator is refused (FORBIDDEN)
 * and reads these records through the person; other roles are refused. Every decision is audited.
 */
export function personRecordReference<T extends { id: string; personId: string }>(entity: EntityName<T>, typeName: string) {
  return {
    async __resolveReference(reference: { id: string }, ctx: HubContext): Promise<T | null> {
      const record = await loaderBy<T>(ctx, entity, 'id').load(reference.id);
      if (!record) {
        // Whether a record exists is itself employment's data: only its specialists learn that it does not.
        if (isEmploymentSpecialist(ctx)) return null;
        throw forbidden(`Records of ${AGENCY} are read by its specialists, or by a family's coordinator through the person`, {
          agency: AGENCY,
        });
      }
      assertMayReadAgencyRecords(ctx, AGENCY, { id: record.personId }, typeName);
      return record;
    },
  };
}

/** Quota jobs are read by employment specialists only, as `quotaJobs` is. */
export function quotaJobReference<T extends { id: string }>(entity: EntityName<T>) {
  return {
    async __resolveReference(reference: { id: string }, ctx: HubContext): Promise<T | null> {
      assertEmploymentSpecialist(ctx);
      return loaderBy<T>(ctx, entity, 'id').load(reference.id);
    },
  };
}
