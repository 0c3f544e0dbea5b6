import { runSubgraphFromEnvironment } from '../kit/main';
import { employment } from './subgraph';

runSubgraphFromEnvironment(employment);
