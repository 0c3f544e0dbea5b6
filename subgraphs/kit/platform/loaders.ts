import DataLoader from 'dataloader';

/**
 * DataLoaders of one request. Created lazily by name, so a subgraph declares a loader where
 * it is used, and thrown away with the request: nothing is cached across callers, which
 * matters when two callers may see different things.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(
    name: string,
    batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
    options: Pick<DataLoader.Options<K, V>, 'batchScheduleFn'> = {},
  ): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { cache: true, ...options }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Rows back in the order of the keys that asked for them; a missing row is null. */
export function alignOne<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** For one-to-many lookups: each key gets the rows that belong to it, possibly none. */
export function alignMany<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
