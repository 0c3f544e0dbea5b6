import type { EntityName } from '@mikro-orm/core';
import type { HubContext } from '../platform/context';
import { loaderBy } from '../platform/entity-loaders';
import { assertMayReadAgencyRecords } from './agency-access';
import { forbidden } from './authorization';
import { Role } from './roles';

/**
 * The reference resolver of an agency's record about a person (`@key(fields: "id")`, CONVENTIONS §7.4), so the
 * router can refetch it by id (`node(id:)`, a route step's `recordId`). The records asked for in one request are
 * loaded in one statement per type (`loaderBy`), and each is authorized exactly as the person's field that lists it
 * (`assertMayReadAgencyRecords`, which audits the read or the denial): the agency's specialists read its records; a
 * coordinator only with social protection's signed consent decision, which reaches an agency only on `Person`
 * (`@requires agencyAccess`) — a bare reference carries none, so a coordinator is refused here (FORBIDDEN) and reads
 * the record through the person; other roles are refused. A record that does not exist is null for the agency's
 * specialists and the same FORBIDDEN for everyone else, so a refusal tells nobody whether the record exists.
 */
export function agencyRecordReference<T extends { id: string; personId: string }>(agency: string, entity: EntityName<T>, typeName: string) {
  const operation = `${typeName}.reference`;
  return {
    async __resolveReference(reference: { id: string }, ctx: HubContext): Promise<T | null> {
      const record = await loaderBy<T>(ctx, entity, 'id').load(reference.id);
      if (record) {
        assertMayReadAgencyRecords(ctx, agency, { id: record.personId, agencyAccess: null }, operation);
        return record;
      }
      const { role } = ctx.identity;
      if (role === Role.SPECIALIST && ctx.identity.agency === agency) return null;
      ctx.audit.denied(operation, [], 'FORBIDDEN');
      throw role === Role.COORDINATOR
        ? forbidden('This person is not in a family of your organization')
        : forbidden(`Records of ${agency} are not open to the ${role.toLowerCase()} role`, { agency });
    },
  };
}
