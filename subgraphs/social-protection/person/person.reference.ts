import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { normalizeSnils } from '../../kit/domain/snils';
import { Person } from './person.entity';

/** Other subgraphs point at a person by hub id or by SNILS; both are batched per request. */
export const personReference = {
  __resolveReference(reference: { id?: string; snils?: string }, ctx: HubContext) {
    if (reference.id) return loaderBy(ctx, Person, 'id').load(reference.id);
    return loaderBy(ctx, Person, 'snils').load(normalizeSnils(reference.snils ?? ''));
  },
};
