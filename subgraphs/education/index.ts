import { runSubgraphFromEnvironment } from '../kit/main';
import { education } from './subgraph';

runSubgraphFromEnvironment(education);
