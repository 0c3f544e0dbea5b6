import { runSubgraphFromEnvironment } from '../kit/main';
import { rentalFund } from './subgraph';

runSubgraphFromEnvironment(rentalFund);
