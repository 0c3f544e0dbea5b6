import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { contributionTypeName, CONVENTION_TAG } from '../tags';
import { AGENCY_ACCESS_REQUIRES, consentGrantFor, refusable, type AgencyAccess } from '../../kit/policy/agency-access';
import { AuditRecord } from '../../kit/policy/audit';
import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';

/**
 * THE ACCESS-LOG CONVENTION: every agency adds one `Person` field (`<agencyCamel>AccessLog`, tagged hub-access-log,
 * null when refused) that reads its own audit trail; the assembly subgraph `@requires` them all for `Person.accessLog`,
 * so the person's coordinator sees who touched the person's data anywhere in the hub, and when (Estonia's Data Tracker
 * idea). Each agency returns the entry shape under its own type name (`HealthAccessLogEntry`): a value type returned
 * only by `@requires` fields must have one owner (see route.ts).
 */
@ObjectType({ description: "One access to a person's data, as the agency that holds the data recorded it." })
export class AccessLogEntry {
  @Field({ description: 'When, ISO 8601 with time zone.' })
  at!: string;

  @Field()
  agency!: string;

  @Field({ description: 'Who: the subject of the token (a staff account or a partner system).' })
  subject!: string;

  @Field()
  role!: string;

  @Field(() => String, { nullable: true })
  organizationId!: string | null;

  @Field({ description: 'READ, WRITE or DENIED.' })
  action!: string;

  @Field({ description: 'Which operation or field.' })
  operation!: string;
}

const entryTypes = new Map<string, ClassType<AccessLogEntry>>();

/** The access-log entry type of one agency, e.g. `HealthAccessLogEntry`: AccessLogEntry under the agency's own name. */
export function accessLogEntryType(agency: string): ClassType<AccessLogEntry> {
  const name = contributionTypeName(agency, 'AccessLogEntry');
  let type = entryTypes.get(name);
  if (!type) {
    @ObjectType(name, { description: `One access to a person's data held by ${agency}.` })
    class PerAgencyEntry extends AccessLogEntry {}
    type = PerAgencyEntry;
    entryTypes.set(name, type);
  }
  return type;
}

const LIMIT_PER_PERSON = 200;

/** The newest entries about each person of the request, in one statement. */
async function entriesFor(ctx: HubContext, agency: string, personId: string): Promise<AccessLogEntry[]> {
  const loader = ctx.loaders.get<string, AccessLogEntry[]>('AccessLogEntry.person', async (ids) => {
    const rows = await ctx.em.find(
      AuditRecord,
      { personIds: { $overlap: [...ids] } },
      { orderBy: { at: 'desc' }, limit: LIMIT_PER_PERSON * ids.length },
    );
    return ids.map((id) =>
      rows
        .filter((r) => r.personIds.includes(id))
        .slice(0, LIMIT_PER_PERSON)
        .map((r) => ({
          at: new Date(r.at).toISOString(),
          agency,
          subject: r.subject,
          role: r.role,
          organizationId: r.organizationId,
          action: r.action,
          operation: r.operation,
        })),
    );
  });
  return loader.load(personId);
}

/**
 * The access-log field of one subgraph. Agencies that do not own Person receive the caller's
 * scope from social protection through `@requires`; social protection decides itself.
 */
export function accessLogResolver(
  personType: ClassType<{ id: string; agencyAccess?: AgencyAccess | null }>,
  agency: string,
  fieldName: string,
  mayRead: (ctx: HubContext, person: { id: string; agencyAccess?: AgencyAccess | null }) => Promise<boolean> | boolean = (ctx, person) =>
    ctx.identity.role === 'COORDINATOR' && typeof consentGrantFor(ctx, person) !== 'string',
  requiresAccess = true,
) {
  const requires: MethodDecorator = requiresAccess ? Directive(AGENCY_ACCESS_REQUIRES) : () => undefined;
  const entryType = accessLogEntryType(agency);

  @Resolver(() => personType)
  class AccessLogResolver {
    @requires
    @Directive(CONVENTION_TAG.accessLog)
    @FieldResolver(() => [entryType], {
      name: fieldName,
      nullable: true,
      description: refusable(`Who accessed this person's data held by ${agency} (coordinator of the family only).`),
    })
    async accessLog(@Root() person: { id: string; agencyAccess?: AgencyAccess | null }, @Ctx() ctx: HubContext): Promise<AccessLogEntry[]> {
      if (!(await mayRead(ctx, person))) {
        ctx.audit.denied(`Person.${fieldName}`, person.id, 'FORBIDDEN');
        throw forbidden('The access log is open to the coordinator of the person’s family only');
      }
      return entriesFor(ctx, agency, person.id);
    }
  }
  return AccessLogResolver;
}
