import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { today } from '../kit/platform/clock';
import { mergeAccessLog } from '../conventions/access-log/assembly';
import type { Assembly } from './assembly-schema';
import { contributionsTo } from './contributions';
import { assembleResourceMap } from '../conventions/resource-map/assembly';
import { assembleFamilyRoute, type FamilyRepresentation } from '../conventions/route/assembly';
import { missingAgencies, openReport, reportCells } from '../conventions/statistics/assembly';

type Row = Record<string, unknown>;
const asIs = { __resolveReference: (reference: Row) => reference };

/** Wires each convention's assembly to its field; the contributions arrive in the representation (`@requires`). */
export function assemblyResolvers(assembly: Assembly): GraphQLResolverMap<unknown> {
  const { contributions, offers } = assembly;
  const routes = contributionsTo(contributions, 'route').filter((c) => c.parentType === 'Person');
  const logs = contributionsTo(contributions, 'accessLog').filter((c) => c.parentType === 'Person');
  const resources = contributionsTo(contributions, 'resources').filter((c) => c.parentType === 'Territory');
  const demand = contributionsTo(contributions, 'demand').find((c) => c.parentType === 'Territory');
  const statistics = contributionsTo(contributions, 'statistics').filter((c) => c.parentType === 'StatisticsReport');
  const resolvers: GraphQLResolverMap<unknown> = {};
  if (offers.route) resolvers.Family = { ...asIs, route: (family: FamilyRepresentation) => assembleFamilyRoute(family, routes, today()) };
  if (offers.accessLog) resolvers.Person = { ...asIs, accessLog: (person: Row) => mergeAccessLog(person, logs) };
  if (offers.resourceMap)
    resolvers.Territory = { ...asIs, resourceMap: (territory: Row) => assembleResourceMap(territory, resources, demand) };
  if (offers.statistics) {
    resolvers.Query = {
      statistics: (_: unknown, args: { fromMonth: string; toMonth: string; territoryOktmo?: string | null }) => openReport(args),
    };
    resolvers.StatisticsReport = {
      ...asIs,
      cells: (report: Row) => reportCells(report, statistics),
      missingAgencies: (report: Row) => missingAgencies(report, statistics),
    };
  }
  return resolvers;
}
