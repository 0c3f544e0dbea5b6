import 'reflect-metadata';
import type { SubgraphModule } from '../../subgraphs/kit/platform/subgraph';
import { education } from '../../subgraphs/education/subgraph';
import { employment } from '../../subgraphs/employment/subgraph';
import { health } from '../../subgraphs/health/subgraph';
import { rentalFund } from '../../subgraphs/rental-fund/subgraph';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { registry } from '../../subgraphs/registry/subgraph';

/**
 * The founding agencies, in the order they start, with the ports `npm start` gives them, and the schema registry
 * (issue 16), which partners publish to.
 */
export const SUBGRAPH_MODULES: SubgraphModule[] = [socialProtection, health, education, employment, rentalFund, registry];

/** Re-exported: the composition (subgraphs/assembly) names subgraphs by these ports too. */
export { DEFAULT_PORTS } from '../../subgraphs/assembly/ports';
