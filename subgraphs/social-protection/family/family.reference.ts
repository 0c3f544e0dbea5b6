import type { HubContext } from '../../kit/context';
import { loaderBy } from '../../kit/entity-loaders';
import { Family } from './family.entity';

export const familyReference = {
  __resolveReference: (reference: { id: string }, ctx: HubContext) => loaderBy(ctx, Family, 'id').load(reference.id),
};
