/**
 * @federation-hub/partner-kit — the narrow surface a partner agency's subgraph uses (schema/CONVENTIONS.md).
 * Everything here is RE-EXPORTED from the hub's own kit and conventions: a partner runs the very code the founding
 * agencies run, so the shapes the assembly subgraph `@requires` and the identity checks cannot drift apart.
 */

// Server bootstrap: migrations, audit trail, identity verification (only the gateway's signed requests are served).
export { startSubgraph, type SubgraphModule, type SubgraphConfig, type RunningSubgraph } from '../../../subgraphs/kit/platform/subgraph';
export { runSubgraphFromEnvironment } from '../../../subgraphs/kit/platform/main';
export { subgraphKeysFromEnvironment, KEY_FILES } from '../../../subgraphs/kit/platform/key-files';
export { createLogger } from '../../../subgraphs/kit/platform/logging';
export { ensureDatabase } from './database';

// CONVENTIONS §1: the Person and Territory stubs' access requirement.
export {
  AGENCY_ACCESS_REQUIRES,
  AgencyAccess,
  agencyRouteAccess,
  assertMayReadAgencyRecords,
  refusable,
} from '../../../subgraphs/kit/policy/agency-access';
export { Role } from '../../../subgraphs/kit/policy/roles';
export { forbidden } from '../../../subgraphs/kit/policy/authorization';

// CONVENTIONS §2: the route contribution.
export { RouteContribution, RouteStepStatus, stepId, type AgencyRoute } from '../../../subgraphs/conventions/route/contract';

// CONVENTIONS §4: the access log and the resource map.
export { accessLogResolver } from '../../../subgraphs/conventions/access-log/contract';
export {
  ProvidedService,
  resourcesResolver,
  territoryStub,
  type LiveCapacity,
  type ServiceCapacity,
} from '../../../subgraphs/conventions/resource-map/contract';

// Request context and batched loading (one statement per entity type per request).
export type { HubContext } from '../../../subgraphs/kit/platform/context';
export { loaderBy, loaderManyBy } from '../../../subgraphs/kit/platform/entity-loaders';

// CONVENTIONS §5: errors, input rules and mutation payloads.
export { DomainError, ErrorCode, badInput, notFound, ruleViolation, illegalTransition } from '../../../subgraphs/kit/platform/errors';
export { MutationPayload, payloadOf, UserError } from '../../../subgraphs/kit/platform/user-errors';
export { assertIdempotencyKey, assertPersonId, assertRecordId, assertNotFuture } from '../../../subgraphs/kit/platform/input-rules';
export { LocalDate } from '../../../subgraphs/kit/platform/scalars';
export { Period, periodOf } from '../../../subgraphs/kit/platform/period';

// CONVENTIONS §7.5: Relay connections with keyset cursors.
export { Connection, PageArgs, checkPageSize, decodeCursor, encodeCursor, pageOf } from '../../../subgraphs/kit/platform/connection';

// The hub's one clock (HUB_CLOCK, HUB_TIME_ZONE): rules ask it for "today", never the machine.
export { today, now, setClock, resetClock } from '../../../subgraphs/kit/platform/clock';
export { addDays, type IsoDate } from '../../../subgraphs/kit/platform/dates';
