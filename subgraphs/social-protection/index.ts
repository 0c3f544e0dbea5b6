import { runSubgraphFromEnvironment } from '../kit/platform/main';
import { socialProtection } from './subgraph';

runSubgraphFromEnvironment(socialProtection);
