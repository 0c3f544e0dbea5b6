/**
 * The assembly subgraph as its own process for the bench (bench/stack.ts spawns it next to the agencies), so that
 * route-cpu.ts reads its CPU apart from the gateway's. It is built from the agency SDLs the bench composed the
 * supergraph with (a JSON file named by HUB_BENCH_AGENCY_SDLS), so it serves exactly the `@requires` the gateway
 * plans with. Keys and port come from the environment like an agency's (kit/platform/key-files.ts).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { ASSEMBLY, buildAssembly } from '../subgraphs/assembly/assembly-schema';
import { startAssembly } from '../subgraphs/assembly/service';
import { subgraphKeysFromEnvironment } from '../subgraphs/kit/platform/key-files';
import { createLogger } from '../subgraphs/kit/platform/logging';

const logger = createLogger({});
const agencySdls = JSON.parse(fs.readFileSync(process.env.HUB_BENCH_AGENCY_SDLS ?? '', 'utf8')) as Record<string, string>;

startAssembly(buildAssembly(agencySdls), { keys: subgraphKeysFromEnvironment(ASSEMBLY), logger }, Number(process.env.PORT ?? 0))
  .then((running) => {
    process.once('SIGTERM', () => void running.stop().then(() => process.exit(0)));
  })
  .catch((error) => {
    logger.log('error', `assembly failed to start: ${(error as Error).message ?? error}`);
    process.exit(1);
  });
