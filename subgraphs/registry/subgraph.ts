import type { SubgraphModule } from '../kit/platform/subgraph';
import { installRelease } from './founding/founding-graph';
import { GraphVersion } from './graph/graph-version.entity';
import { registryRoutes } from './http-routes';
import { migrations } from './migrations';
import { GraphVersionResolver, RegisteredSubgraphResolver, RegistryResolver } from './publish/registry.resolver';
import { Organization } from '../conventions/organization-reference';
import { RegisteredSubgraph } from './subgraph/registered-subgraph.entity';
import { SubgraphSchemaVersion } from './subgraph/schema-version.entity';
import { FieldUsage } from './usage/field-usage.entity';

/**
 * The schema registry (issue 16 §1, §2): every subgraph of the graph, founding agency or partner, with its schema
 * versions; the checks a partner's schema passes before it joins; the history of the supergraph, which gateways
 * load from `/supergraph`. It stores no personal data and contributes nothing to the conventions.
 */
export const registry: SubgraphModule = {
  name: 'registry',
  agency: 'REGISTRY',
  entities: [RegisteredSubgraph, SubgraphSchemaVersion, GraphVersion, FieldUsage],
  migrations,
  resolvers: [RegistryResolver, RegisteredSubgraphResolver, GraphVersionResolver],
  orphanedTypes: [Organization],
  async loadReferenceData(em) {
    await installRelease(em);
  },
  routes: registryRoutes,
};
