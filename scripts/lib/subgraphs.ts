import 'reflect-metadata';
import type { SubgraphModule } from '../../subgraphs/kit/platform/subgraph';
import { education } from '../../subgraphs/education/subgraph';
import { employment } from '../../subgraphs/employment/subgraph';
import { health } from '../../subgraphs/health/subgraph';
import { rentalFund } from '../../subgraphs/rental-fund/subgraph';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';

/** The founding agencies, in the order they start, with the ports `npm start` gives them. */
export const SUBGRAPH_MODULES: SubgraphModule[] = [socialProtection, health, education, employment, rentalFund];

export const DEFAULT_PORTS: Record<string, number> = {
  gateway: 4000,
  'social-protection': 4001,
  health: 4002,
  education: 4003,
  employment: 4004,
  'rental-fund': 4005,
  assembly: 4006,
};
