import { Client } from 'pg';
import { openDatabase } from '../../../subgraphs/kit/platform/database';
import { moduleEntities } from '../../../subgraphs/kit/platform/subgraph';
import { SUBGRAPH_MODULES } from '../subgraphs';
import { generateEducation, generateEmployment, generateProvidedServices, generateRentals, generateRentalStock } from './agencies';
import { SNILS_FUNCTION, type Batch } from './common';
import { generateHealth } from './health';
import { generateProviders, generateSocialProtection } from './social-protection';

type Generator = (client: Client, batch: Batch) => Promise<void>;

/** Per agency: what to do once (stock, providers, services) and per batch of families. */
const PLAN: Record<string, { once?: (client: Client) => Promise<void>; perBatch: Generator }> = {
  'social-protection': { once: generateProviders, perBatch: generateSocialProtection },
  health: {
    once: (c) =>
      generateProvidedServices(c, 'HEALTH', [
        { kind: 'MEDICAL_REHABILITATION', name: 'Медицинская реабилитация', places: 40, skipEvery: 4 },
        { kind: 'SANATORIUM_TREATMENT', name: 'Санаторно-курортное лечение', places: 20, skipEvery: 3 },
      ]),
    perBatch: generateHealth,
  },
  education: {
    once: (c) =>
      generateProvidedServices(c, 'EDUCATION', [
        { kind: 'EARLY_HELP', name: 'Служба ранней помощи', places: 15, skipEvery: 3 },
        { kind: 'INCLUSIVE_EDUCATION', name: 'Инклюзивные классы', places: 60, skipEvery: 5 },
        { kind: 'PSYCHOLOGICAL_PEDAGOGICAL', name: 'Психолого-педагогическая помощь', places: 30, skipEvery: 4 },
      ]),
    perBatch: generateEducation,
  },
  employment: {
    once: (c) =>
      generateProvidedServices(c, 'EMPLOYMENT', [
        { kind: 'SOCIAL_EMPLOYMENT', name: 'Социальная занятость (605н)', places: 10, skipEvery: 2 },
      ]),
    perBatch: generateEmployment,
  },
  'rental-fund': { once: generateRentalStock, perBatch: generateRentals },
};

export interface GenerateOptions {
  families: number;
  /** Database URL of each subgraph. */
  urls: Record<string, string>;
  batchSize?: number;
  firstFamily?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Generates a consistent synthetic region in all five databases. Rows are made by set-based INSERT … SELECT over
 * generate_series inside each database (no row-by-row round trips), batch by batch, all databases in parallel.
 */
export async function generateRegion(options: GenerateOptions): Promise<void> {
  const batchSize = options.batchSize ?? 5000;
  const first = options.firstFamily ?? 1;
  // Migrations and reference data first, so generated rows meet the real schema and catalogues.
  for (const module of SUBGRAPH_MODULES) {
    const db = await openDatabase({ url: options.urls[module.name], entities: moduleEntities(module), migrations: module.migrations });
    await db.migrate();
    await module.loadReferenceData?.(db.orm.em.fork() as never);
    await db.close();
  }
  const clients = Object.fromEntries(
    await Promise.all(
      SUBGRAPH_MODULES.map(async (m) => {
        const client = new Client({ connectionString: options.urls[m.name] });
        await client.connect();
        await client.query(SNILS_FUNCTION);
        await PLAN[m.name]?.once?.(client);
        return [m.name, client] as const;
      }),
    ),
  );
  try {
    for (let from = first; from < first + options.families; from += batchSize) {
      const to = Math.min(from + batchSize - 1, first + options.families - 1);
      await Promise.all(
        Object.entries(clients).map(async ([name, client]) => {
          await client.query('begin');
          await PLAN[name]?.perBatch(client, { from, to });
          await client.query('commit');
        }),
      );
      options.onProgress?.(to - first + 1, options.families);
    }
    await Promise.all(Object.values(clients).map((c) => c.query('analyze')));
  } finally {
    await Promise.all(Object.values(clients).map((c) => c.end()));
  }
}
