import { runSubgraphFromEnvironment } from '../kit/platform/main';
import { rentalFund } from './subgraph';

runSubgraphFromEnvironment(rentalFund);
