import type { EntityName } from '@mikro-orm/core';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { assertMayReadAgencyRecords } from '../../kit/policy/agency-access';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import { AGENCY } from './specialist.policy';

/**
 * The reference resolver of an education record (`@key(fields: "id")`), so the gateway can refetch it by id
 * (`node(id:)`, a route step's record). The records asked for in one request are loaded in one statement
 * (`loaderBy`), and each is authorized exactly as the person's field that lists it (`Person.enrolments`…):
 * `assertMayReadAgencyRecords` with the same audit of the read or the denial. Education specialists read
 * education's records. A coordinator reads them only with social protection's signed consent decision, which
 * reaches education only on `Person` (`@requires agencyAccess`): a bare reference carries none, so a coordinator
 * is refused with FORBIDDEN here and reads the record through the person. A record that does not exist is null
 * for those who may read education's records, and the same FORBIDDEN for the others (no hint that it exists).
 */
export function educationRecordReference<T extends { id: string; personId: string }>(entity: EntityName<T>, typeName: string) {
  const operation = `${typeName}.reference`;
  return {
    async __resolveReference(reference: { id: string }, ctx: HubContext): Promise<T | null> {
      const record = await loaderBy<T>(ctx, entity, 'id').load(reference.id);
      if (record) {
        assertMayReadAgencyRecords(ctx, AGENCY, { id: record.personId, agencyAccess: null }, operation);
        return record;
      }
      const { role, agency } = ctx.identity;
      if (role === Role.SPECIALIST && agency === AGENCY) return null;
      ctx.audit.denied(operation, [], 'FORBIDDEN');
      throw role === Role.COORDINATOR
        ? forbidden('This person is not in a family of your organization')
        : forbidden(`Records of ${AGENCY} are not open to the ${role.toLowerCase()} role`, { agency: AGENCY });
    },
  };
}
