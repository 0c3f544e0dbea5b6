import type { EntityName } from '@mikro-orm/core';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { assertEmploymentSpecialist } from './specialist.policy';

/** Quota jobs are read by employment specialists only, as `quotaJobs` is. */
export function quotaJobReference<T extends { id: string }>(entity: EntityName<T>) {
  return {
    async __resolveReference(reference: { id: string }, ctx: HubContext): Promise<T | null> {
      assertEmploymentSpecialist(ctx);
      return loaderBy<T>(ctx, entity, 'id').load(reference.id);
    },
  };
}
