import { runSubgraphFromEnvironment } from '../kit/main';
import { health } from './subgraph';

runSubgraphFromEnvironment(health);
