import { Arg, Args, Authorized, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { checkPageSize, Connection, decodeCursor, PageArgs, pageOf, type Page } from '../../kit/platform/connection';
import { badInput } from '../../kit/platform/errors';
import { DATABASE_UUID } from '../../kit/platform/input-rules';
import { Role } from '../../kit/policy/roles';
import { assertEmploymentSpecialist } from '../shared/specialist.policy';
import { Territory } from '../resource-map/resources';
import { QuotaJob } from './quota-job.entity';

@ObjectType({ description: 'A page of quota jobs on a territory: those with free places first, then by employer.' })
export class QuotaJobConnection extends Connection(QuotaJob) {}

/** The keyset of the list: filled jobs (1) after those with free places (0), then by employer name and id. */
type QuotaJobKey = [number, string, string];
const keyOf = (job: QuotaJob): QuotaJobKey => [job.filled >= job.quota ? 1 : 0, job.employerName, job.id];

@Resolver(() => QuotaJob)
export class QuotaJobResolver {
  @FieldResolver(() => Territory, {
    nullable: true,
    description: 'The territory where the jobs are (from social protection’s directory of territories).',
  })
  territory(@Root() job: QuotaJob): InstanceType<typeof Territory> {
    return { oktmo: job.territoryOktmo };
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => QuotaJobConnection, {
    nullable: true,
    description:
      'Quota jobs for disabled people on a territory (181-FZ art. 21; seed 003 §28), those with free places first, then by employer; employment-service specialists only.',
  })
  async quotaJobs(
    @Arg('territoryOktmo', { description: 'OKTMO code of the territory, 8 or 11 digits.' }) territoryOktmo: string,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Page<QuotaJob>> {
    assertEmploymentSpecialist(ctx);
    if (!/^\d{8}(\d{3})?$/.test(territoryOktmo))
      throw badInput('territoryOktmo is an OKTMO code of 8 or 11 digits', { field: 'territoryOktmo' });
    const size = checkPageSize(first);
    const cursor = decodeCursor(after, 3);
    if (cursor && !(typeof cursor[0] === 'number' && typeof cursor[1] === 'string' && DATABASE_UUID.test(String(cursor[2]))))
      throw badInput('Invalid cursor: pass back a cursor from this connection', { argument: 'after' });
    const full = '(case when "filled" >= "quota" then 1 else 0 end)';
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select * from "quota_job" where "territory_oktmo" = ?` +
        (cursor ? ` and (${full}, "employer_name", "id") > (?, ?, ?::uuid)` : '') +
        ` order by ${full}, "employer_name", "id" limit ?`,
      [territoryOktmo, ...(cursor ?? []), size + 1],
    );
    const [{ total }] = await ctx.em.execute<{ total: number }[]>(
      `select count(*)::int as total from "quota_job" where "territory_oktmo" = ?`,
      [territoryOktmo],
    );
    const jobs = rows.map((row) => ctx.em.map(QuotaJob, row));
    return pageOf(jobs, total, size, cursor, keyOf);
  }
}
