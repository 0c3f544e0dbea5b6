import { runSubgraphFromEnvironment } from '../kit/platform/main';
import { education } from './subgraph';

runSubgraphFromEnvironment(education);
