import { runSubgraphFromEnvironment } from '../kit/platform/main';
import { health } from './subgraph';

runSubgraphFromEnvironment(health);
