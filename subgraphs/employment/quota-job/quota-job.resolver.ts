import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { badInput } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { QuotaJob } from './quota-job.entity';

@Resolver(() => QuotaJob)
export class QuotaJobResolver {
  @Authorized(Role.SPECIALIST)
  @Query(() => [QuotaJob], { description: 'Quota jobs for disabled people on a territory (181-FZ art. 21), those with free places first.' })
  async quotaJobs(@Arg('territoryOktmo') territoryOktmo: string, @Ctx() ctx: HubContext): Promise<QuotaJob[]> {
    assertEmploymentSpecialist(ctx);
    if (!/^\d{8}(\d{3})?$/.test(territoryOktmo))
      throw badInput('territoryOktmo is an OKTMO code of 8 or 11 digits', { field: 'territoryOktmo' });
    const jobs = await ctx.em.find(QuotaJob, { territoryOktmo }, { orderBy: { employerName: 'asc', id: 'asc' }, limit: 500 });
    return jobs.sort((a, b) => Number(b.quota > b.filled) - Number(a.quota > a.filled));
  }
}
