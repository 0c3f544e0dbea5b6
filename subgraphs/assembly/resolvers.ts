import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { today } from '../kit/platform/clock';
import { badInput } from '../kit/platform/errors';
import { parseGlobalId } from '../kit/platform/global-id';
import type { PeriodInput } from '../kit/platform/period';
import { mergeAccessLog, type AccessLogArgs } from '../conventions/access-log/assembly';
import type { Assembly } from './assembly-schema';
import { contributionsTo } from './contributions';
import { assembleResourceMap } from '../conventions/resource-map/assembly';
import { assembleFamilyRoute, type FamilyRepresentation } from '../conventions/route/assembly';
import { missingAgencies, openReport, reportCells } from '../conventions/statistics/assembly';

type Row = Record<string, unknown>;
const asIs = { __resolveReference: (reference: Row) => reference };

/**
 * `node(id:)`: the record a global id names, as a reference the router completes from the agency that owns the type
 * (that agency authorizes it). A text that is no global id of a Node type is refused with BAD_USER_INPUT.
 */
export function nodeReference(nodeTypes: ReadonlySet<string>, id: string): { __typename: string; id: string } {
  const decoded = parseGlobalId(id);
  if (!decoded || !nodeTypes.has(decoded.type)) throw badInput('id is not a global id of a record the hub can refetch', { argument: 'id' });
  return { __typename: decoded.type, id };
}

/** Wires each convention's assembly to its field; the contributions arrive in the representation (`@requires`). */
export function assemblyResolvers(assembly: Assembly): GraphQLResolverMap<unknown> {
  const { contributions, offers } = assembly;
  const routes = contributionsTo(contributions, 'route').filter((c) => c.parentType === 'Person');
  const logs = contributionsTo(contributions, 'accessLog').filter((c) => c.parentType === 'Person');
  const resources = contributionsTo(contributions, 'resources').filter((c) => c.parentType === 'Territory');
  const demand = contributionsTo(contributions, 'demand').find((c) => c.parentType === 'Territory');
  const statistics = contributionsTo(contributions, 'statistics').filter((c) => c.parentType === 'StatisticsReport');
  const nodeTypes = new Set(assembly.nodeTypes);
  const resolvers: GraphQLResolverMap<unknown> = {};
  const query: Record<string, unknown> = {};
  for (const type of nodeTypes) resolvers[type] = { ...asIs };
  if (offers.route)
    resolvers.Family = {
      ...asIs,
      route: (family: FamilyRepresentation, args: { period?: PeriodInput | null }) =>
        assembleFamilyRoute(family, routes, today(), args.period, { agencies: assembly.retiredAgencies, code: assembly.retiredGapCode }),
    };
  if (offers.accessLog) resolvers.Person = { ...asIs, accessLog: (person: Row, args: AccessLogArgs) => mergeAccessLog(person, logs, args) };
  if (offers.resourceMap)
    resolvers.Territory = { ...asIs, resourceMap: (territory: Row) => assembleResourceMap(territory, resources, demand) };
  if (offers.statistics) {
    query.statistics = (_: unknown, args: { fromMonth: string; toMonth: string; territoryOktmo?: string | null }) => openReport(args);
    resolvers.StatisticsReport = {
      ...asIs,
      cells: (report: Row) => reportCells(report, statistics),
      missingAgencies: (report: Row) => missingAgencies(report, statistics),
    };
  }
  if (nodeTypes.size) query.node = (_: unknown, args: { id: string }) => nodeReference(nodeTypes, args.id);
  if (Object.keys(query).length) resolvers.Query = query as GraphQLResolverMap<unknown>[string];
  return resolvers;
}
