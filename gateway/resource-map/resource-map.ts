import { print, type ArgumentNode, type FieldNode } from 'graphql';
import { discoverContributions } from '../hub-fields/discovery';
import type { VirtualField } from '../hub-fields/virtual-fields';
import { agencyOf } from '../route/family-route';
import { coverage, type Demand, type Supply } from './coverage';

export const RESOURCE_MAP_SDL = `
"The resources of a territory for regional resource centres (seed 003 §34.2): supply of every agency, demand, gaps."
type ResourceMap {
  territoryOktmo: ID!
  "Providers and capacity of every agency that contributes to the map (HSDS service_at_location + service_capacity)."
  supply: [ServiceCapacity!]!
  "Social protection's demand on the territory (aggregates, small counts suppressed)."
  demand: TerritoryDemand
  "Supply against demand per service kind, with the gap if any."
  coverage: [ServiceCoverage!]!
  agencies: [String!]!
}

enum CoverageGap {
  NONE
  "Demand on the territory and no provider of the service there."
  NO_PROVIDER
  "Demand far above the free capacity, or people queuing with nothing free."
  OVER_CAPACITY
}

type ServiceCoverage {
  serviceKind: String!
  "Demand as released (a number or <10)."
  demand: String!
  providers: Int!
  capacityTotal: Int
  capacityAvailable: Int
  queueLength: Int!
  gap: CoverageGap!
}

extend type Territory {
  "Supply and demand on the territory, assembled from every agency's resources (resource map convention)."
  resourceMap: ResourceMap!
}

`;

export const STATISTICS_SDL = `
extend type Query {
  "Monthly statistics of every agency (statistics convention), small counts suppressed."
  statistics(fromMonth: String!, toMonth: String!, territoryOktmo: String): [StatisticCell!]!
}
`;

const SERVICE_FIELDS =
  'serviceKind name agency organizationId address latitude longitude openingHours phone capacityTotal capacityAvailable queueLength unit';
const COUNT = 'kind value count';

export function resourceMapFields(supergraphSdl: string): { map: VirtualField; statistics: VirtualField } {
  const resources = discoverContributions(supergraphSdl, 'Territory', 'AgencyResources');
  const statistics = discoverContributions(supergraphSdl, 'Query', 'StatisticCell');
  const resourceSelections = resources.map((r) => `${r.field} { agency services { ${SERVICE_FIELDS} } }`).join(' ');
  return {
    map: {
      parentType: 'Territory',
      fieldName: 'resourceMap',
      expansion: `oktmo ${resourceSelections} demand { peopleByTargetCategory { ${COUNT} } openMeasuresByKind { ${COUNT} } byServiceKind { ${COUNT} } openReferrals { ${COUNT} } openCases { ${COUNT} } }`,
      resolve({ injected, errors }) {
        const supply: (Supply & Record<string, unknown>)[] = [];
        const missing: { message: string; extensions: Record<string, unknown> }[] = [];
        for (const r of resources) {
          const part = injected[r.field] as { services: (Supply & Record<string, unknown>)[] } | null;
          if (part) supply.push(...part.services);
          else
            missing.push({
              message: `${agencyOf(r.subgraph)} did not answer; its resources are missing from the map`,
              extensions: { code: 'SUBGRAPH_UNAVAILABLE', agency: agencyOf(r.subgraph) },
            });
        }
        const demand = injected.demand as { byServiceKind: Demand[] } | null;
        const refused = errors.filter((e) => e.path[0] === 'demand').map((e) => ({ message: e.message, extensions: e.extensions ?? {} }));
        return {
          value: {
            __typename: 'ResourceMap',
            territoryOktmo: injected.oktmo,
            supply: supply.map((s) => ({ __typename: 'ServiceCapacity', ...s })),
            demand: demand,
            coverage: coverage(supply, demand?.byServiceKind ?? []).map((c) => ({ __typename: 'ServiceCoverage', ...c })),
            agencies: resources.map((r) => agencyOf(r.subgraph)),
          },
          errors: [...missing, ...refused],
        };
      },
    },
    statistics: {
      parentType: 'Query',
      fieldName: 'statistics',
      expansion: (node: FieldNode) => {
        const args = (node.arguments ?? []).map((a) => `${a.name.value}: ${printValue(a.value)}`).join(', ');
        return statistics
          .map((s) => `${s.field}(${args}) { month territoryOktmo agency indicator targetCategory value count suppressed }`)
          .join(' ');
      },
      resolve({ injected, errors }) {
        const cells = statistics.flatMap((s) => (injected[s.field] as Record<string, unknown>[] | null) ?? []);
        return {
          value: cells.map((c) => ({ __typename: 'StatisticCell', ...c })),
          errors: errors.map((e) => ({ message: e.message, extensions: e.extensions ?? {} })),
        };
      },
    },
  };
}

function printValue(value: ArgumentNode['value']): string {
  return print(value);
}
