import { runSubgraphFromEnvironment } from '../kit/platform/main';
import { employment } from './subgraph';

runSubgraphFromEnvironment(employment);
