import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { Family } from './family.entity';

export const familyReference = {
  __resolveReference: (reference: { id: string }, ctx: HubContext) => loaderBy(ctx, Family, 'id').load(reference.id),
};
