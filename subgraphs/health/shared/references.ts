import type { EntityName } from '@mikro-orm/core';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { assertHealthSpecialist } from './agency';

/**
 * The reference resolver of a health record (CONVENTIONS §7.4): the records asked for in one request are loaded in
 * one statement, and authorized as the `ipra` query authorizes: health specialists only (FORBIDDEN for anyone else,
 * before anything is read), each read written to the audit trail with the person it concerns. A reference carries no
 * `agencyAccess`, so a coordinator reads these records through `Person` (under consent), not by id.
 */
export function healthRecordReference<T extends { id: string; personId: string }>(entity: EntityName<T>, type: string) {
  return {
    async __resolveReference(reference: { id: string }, ctx: HubContext): Promise<T | null> {
      assertHealthSpecialist(ctx);
      const record = await loaderBy<T>(ctx, entity, 'id').load(reference.id);
      if (!record) return null;
      ctx.audit.read(`${type}.reference`, [record.personId]);
      return record;
    },
  };
}
