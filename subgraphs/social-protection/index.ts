import { runSubgraphFromEnvironment } from '../kit/main';
import { socialProtection } from './subgraph';

runSubgraphFromEnvironment(socialProtection);
