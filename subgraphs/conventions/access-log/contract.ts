import {
  Ctx,
  Directive,
  Field,
  FieldResolver,
  GraphQLISODateTime,
  ID,
  ObjectType,
  Resolver,
  Root,
  registerEnumType,
  type ClassType,
} from 'type-graphql';
import { globalId } from '../../kit/platform/global-id';
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
/** What an access was: the audit trail's action. */
export enum AccessAction {
  READ = 'READ',
  WRITE = 'WRITE',
  DENIED = 'DENIED',
}
registerEnumType(AccessAction, {
  name: 'AccessAction',
  description: "What an access to a person's data was, as the agency's audit trail recorded it.",
  valuesConfig: {
    READ: { description: 'The data was read.' },
    WRITE: { description: 'The data was written (created or changed).' },
    DENIED: { description: 'The access was refused (role, scope or consent); the refusal itself is recorded.' },
  },
});

@ObjectType({ description: "One access to a person's data, as the agency that holds the data recorded it." })
export class AccessLogEntry {
  @Field(() => ID, { description: "The audit record's id in its agency; with `accessedAt` it orders the log." })
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the data was accessed.' })
  accessedAt!: Date | string;

  @Field({ description: 'Agency code of the agency that holds the data and recorded the access.' })
  agency!: string;

  @Field({ description: 'Who: the subject of the token (a staff account or a partner system).' })
  subject!: string;

  @Field({
    description:
      "The caller's role: COORDINATOR, SPECIALIST, ANALYST, PARTNER_SERVICE, ADMINISTRATOR, or CITIZEN (the person or their legal representative).",
  })
  role!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The global id of the caller's organization (`Organization.id`), null for a caller without one.",
  })
  organizationId!: string | null;

  @Field(() => AccessAction, { description: 'Read, written or refused.' })
  action!: AccessAction;

  @Field({ description: 'Which operation or field, e.g. `Person.ipra`.' })
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

/** The newest entries about a person that each agency answers; `Person.accessLog` pages within them (CONVENTIONS §7.9). */
export const LIMIT_PER_PERSON = 200;

/** The newest entries about each person of the request, in one statement. */
async function entriesFor(ctx: HubContext, agency: string, personId: string): Promise<AccessLogEntry[]> {
  const loader = ctx.loaders.get<string, AccessLogEntry[]>('AccessLogEntry.person', async (ids) => {
    const rows = await ctx.em.find(
      AuditRecord,
      { personIds: { $overlap: [...ids] } },
      { orderBy: { at: 'desc', id: 'desc' }, limit: LIMIT_PER_PERSON * ids.length },
    );
    return ids.map((id) =>
      rows
        .filter((r) => r.personIds.includes(id))
        .slice(0, LIMIT_PER_PERSON)
        .map((r) => ({
          id: r.id,
          accessedAt: new Date(r.at).toISOString(),
          agency,
          subject: r.subject,
          role: r.role,
          organizationId: r.organizationId ? globalId('Organization', r.organizationId) : null,
          action: r.action as AccessAction,
          operation: r.operation,
        })),
    );
  });
  return loader.load(personId);
}

/**
 * Who reads an agency's log about a person, from social protection's signed decision: the coordinator of the person's
 * family, and the citizen who is the person or their legal representative (issue 15 §6: the citizen sees who looked).
 * The grant's basis must match the caller's role, so a grant made for one cannot serve the other.
 */
export function mayReadAccessLog(ctx: HubContext, person: { id: string; agencyAccess?: AgencyAccess | null }): boolean {
  const grant = consentGrantFor(ctx, person);
  if (typeof grant === 'string') return false;
  const basis = grant.basis ?? 'COORDINATOR';
  return (ctx.identity.role === 'COORDINATOR' && basis === 'COORDINATOR') || (ctx.identity.role === 'CITIZEN' && basis === 'CITIZEN');
}

/**
 * The access-log field of one subgraph. Agencies that do not own Person receive the caller's
 * scope from social protection through `@requires`; social protection decides itself.
 */
export function accessLogResolver(
  personType: ClassType<{ id: string; agencyAccess?: AgencyAccess | null }>,
  agency: string,
  fieldName: string,
  mayRead: (ctx: HubContext, person: { id: string; agencyAccess?: AgencyAccess | null }) => Promise<boolean> | boolean = mayReadAccessLog,
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
      description: refusable(
        `Who accessed this person's data held by ${agency}, newest first: the newest ${LIMIT_PER_PERSON} entries (coordinator of the family, or the citizen who is or represents the person). ` +
          'Clients read `accessLog`, which pages the entries of every agency.',
      ),
    })
    async accessLog(@Root() person: { id: string; agencyAccess?: AgencyAccess | null }, @Ctx() ctx: HubContext): Promise<AccessLogEntry[]> {
      if (!(await mayRead(ctx, person))) {
        ctx.audit.denied(`Person.${fieldName}`, person.id, 'FORBIDDEN');
        throw forbidden('The access log is open to the coordinator of the person’s family and to the person only');
      }
      return entriesFor(ctx, agency, person.id);
    }
  }
  return AccessLogResolver;
}
