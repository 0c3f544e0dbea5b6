import 'reflect-metadata';
import { runSubgraphFromEnvironment } from '../kit/platform/main';
import { registry } from './subgraph';

runSubgraphFromEnvironment(registry);
