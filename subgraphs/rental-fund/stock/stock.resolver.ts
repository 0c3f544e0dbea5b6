import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, DomainError, ErrorCode, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { serveQueue } from '../contract/booking';
import { AcquisitionSource, ItemCondition } from '../enums';
import { requireRentalSpecialist } from '../policy';
import { AidType } from './aid-type.entity';
import { Organization } from './organization.stub';
import { RentalItem } from './rental-item.entity';
import { RentalPoint } from './rental-point.entity';
import { isUuid, uuidArray } from './sql';

/** HSDS 3.1 `service_capacity` for one aid type at one point: what the resource map shows. */
@ObjectType({ description: 'Capacity of a rental point for one aid type (HSDS service_capacity style).' })
export class AidCapacity {
  @Field()
  aidCode!: string;

  @Field(() => Int, { description: 'Items the point owns that are not written off (in stock, lent out or under repair).' })
  total!: number;

  @Field(() => Int, { description: 'Items in working order and not lent out: can be issued today.' })
  available!: number;

  @Field(() => Int, { description: 'Applications waiting for this aid at this point.' })
  queued!: number;
}

@ObjectType({ description: 'A rental point with a free item, and how far it is.' })
export class NearbyRentalPoint {
  @Field(() => RentalPoint)
  rentalPoint!: RentalPoint;

  @Field(() => Int, { description: 'Free items of the aid type at the point.' })
  available!: number;

  @Field(() => Float, { description: 'Great-circle distance in km.' })
  distanceKm!: number;
}

@InputType({ description: 'An item taken into the fund, with its indelible mark and record card (seed 004 annex 1 §5.2).' })
export class RegisterRentalItemInput {
  @Field({ description: 'The indelible mark; unique in the fund. Registering the same mark again returns the item.' })
  mark!: string;

  @Field()
  aidCode!: string;

  @Field(() => ID)
  rentalPointId!: string;

  @Field(() => AcquisitionSource)
  acquisitionSource!: AcquisitionSource;

  @Field(() => Int, { description: 'Value in kopecks (for loss compensation, §3.10).' })
  valueKopecks!: number;

  @Field(() => LocalDate, { nullable: true })
  acquiredOn?: string | null;
}

interface CapacityRow {
  point_id: string;
  aid_code: string;
  total: number;
  available: number;
  queued: number;
}

/**
 * Capacity of every point asked for in a request, in ONE statement grouped in the database:
 * stock counts per point and aid type, full-joined with queue lengths.
 */
function capacityLoader(ctx: HubContext) {
  return ctx.loaders.get<string, AidCapacity[]>('RentalPoint.capacity', async (pointIds) => {
    const ids = uuidArray(pointIds);
    const rows = await ctx.em.execute<CapacityRow[]>(
      `with stock as (
         select rental_point_id, aid_code,
                count(*) filter (where condition <> 'WRITTEN_OFF') as total,
                count(*) filter (where condition = 'WORKING_ORDER' and not on_loan) as available
           from rental_item where rental_point_id = any(?::uuid[])
          group by rental_point_id, aid_code),
       queue as (
         select rental_point_id, aid_code, count(*) as queued
           from rental_application where status = 'QUEUED' and rental_point_id = any(?::uuid[])
          group by rental_point_id, aid_code)
       select coalesce(s.rental_point_id, q.rental_point_id) as point_id,
              coalesce(s.aid_code, q.aid_code) as aid_code,
              coalesce(s.total, 0)::int as total, coalesce(s.available, 0)::int as available, coalesce(q.queued, 0)::int as queued
         from stock s full join queue q on q.rental_point_id = s.rental_point_id and q.aid_code = s.aid_code
        order by 1, 2`,
      [ids, ids],
    );
    const byPoint = new Map<string, AidCapacity[]>();
    for (const r of rows) {
      const list = byPoint.get(r.point_id) ?? [];
      list.push({ aidCode: r.aid_code, total: r.total, available: r.available, queued: r.queued });
      byPoint.set(r.point_id, list);
    }
    return pointIds.map((id) => byPoint.get(id) ?? []);
  });
}

@Resolver(() => AidCapacity)
export class AidCapacityResolver {
  @FieldResolver(() => AidType)
  aidType(@Root() capacity: AidCapacity, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, AidType, 'code').load(capacity.aidCode);
  }
}

@Resolver(() => RentalPoint)
export class RentalPointResolver {
  @Query(() => [RentalPoint], {
    description: 'Rental points of technical aids, optionally on one territory (no personal data: open to every role).',
  })
  rentalPoints(@Arg('territoryOktmo', () => String, { nullable: true }) territoryOktmo: string | null, @Ctx() ctx: HubContext) {
    return ctx.em.find(RentalPoint, territoryOktmo ? { territoryOktmo } : {}, { orderBy: { name: 'asc' } });
  }

  @Query(() => RentalPoint, { nullable: true })
  rentalPoint(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext) {
    if (!isUuid(id)) return null;
    return loaderBy(ctx, RentalPoint, 'id').load(id);
  }

  @Query(() => [AidType], { description: 'The catalogue of aids with tariffs (seed 004 annex 1 annex 3).' })
  aidTypes(@Ctx() ctx: HubContext) {
    return ctx.em.find(AidType, {}, { orderBy: { annexRow: 'asc' } });
  }

  @FieldResolver(() => Organization, { description: 'The operating organization, from the directory of social protection.' })
  organization(@Root() point: RentalPoint): Organization {
    return { id: point.organizationId };
  }

  @Query(() => [NearbyRentalPoint], {
    description:
      'Rental points with a free item of the aid type, nearest first from a place (great-circle distance, computed in the database).',
  })
  async nearestRentalPoints(
    @Arg('aidCode') aidCode: string,
    @Arg('latitude', () => Float) latitude: number,
    @Arg('longitude', () => Float) longitude: number,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
    @Ctx() ctx: HubContext,
  ): Promise<NearbyRentalPoint[]> {
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) throw badInput('latitude/longitude out of range');
    if (!Number.isInteger(first) || first < 1 || first > 50) throw badInput('first must be between 1 and 50');
    const rows = await ctx.em.execute<{ id: string; available: number; km: number }[]>(
      `select p.id, count(i.id)::int as available,
              (6371 * 2 * asin(sqrt(power(sin(radians(p.latitude - ?) / 2), 2)
                 + cos(radians(?)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ?) / 2), 2))))::float8 as km
         from rental_point p
         join rental_item i on i.rental_point_id = p.id and i.aid_code = ? and i.condition = 'WORKING_ORDER' and not i.on_loan
        group by p.id
        order by km, p.id
        limit ?`,
      [latitude, latitude, longitude, aidCode, first],
    );
    const points = await loaderBy(ctx, RentalPoint, 'id').loadMany(rows.map((r) => r.id));
    return rows.map((r, i) => ({ rentalPoint: points[i] as RentalPoint, available: r.available, distanceKm: Math.round(r.km * 10) / 10 }));
  }

  @FieldResolver(() => [AidCapacity], { description: 'Per aid type: total, available and queued (computed in the database).' })
  capacity(@Root() point: RentalPoint, @Ctx() ctx: HubContext) {
    return capacityLoader(ctx).load(point.id);
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RentalItem, {
    description:
      'Takes an item into the fund (seed 004 annex 1 §1.3, §5.2); when someone waits for the aid at the point, the item goes to the head of the queue at once. Idempotent by mark.',
  })
  async registerRentalItem(@Arg('input') input: RegisterRentalItemInput, @Ctx() ctx: HubContext): Promise<RentalItem> {
    requireRentalSpecialist(ctx);
    const mark = input.mark.trim();
    if (!mark) throw badInput('mark is required (§5.2)', { field: 'mark' });
    if (!Number.isSafeInteger(input.valueKopecks) || input.valueKopecks < 0)
      throw badInput('valueKopecks must be a non-negative whole number', { field: 'valueKopecks' });
    const existing = await ctx.em.findOne(RentalItem, { mark });
    if (existing) return sameItem(existing, input);
    const [aidType, point] = await Promise.all([
      ctx.em.findOne(AidType, { code: input.aidCode }),
      isUuid(input.rentalPointId) ? ctx.em.findOne(RentalPoint, { id: input.rentalPointId }) : null,
    ]);
    if (!aidType) throw notFound('Aid type', input.aidCode);
    if (!point) throw notFound('Rental point', input.rentalPointId);
    try {
      return await ctx.em.transactional(async (em) => {
        const item = em.create(RentalItem, {
          id: randomUUID(),
          mark,
          aidType,
          rentalPoint: point,
          condition: ItemCondition.WORKING_ORDER,
          onLoan: false,
          acquisitionSource: input.acquisitionSource,
          valueKopecks: input.valueKopecks,
          acquiredOn: input.acquiredOn ?? null,
        });
        // New stock goes straight to whoever waits for it (§2.2), in the same transaction.
        await em.flush();
        const served = await serveQueue(em, item, today());
        ctx.audit.recordWrite(em, 'registerRentalItem', served ? [served.personId] : []);
        return item;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const again = await ctx.em.fork().findOne(RentalItem, { mark });
        if (again) return sameItem(again, input);
      }
      throw error;
    }
  }
}

/** A mark is unique (§5.2): the same mark for a different aid or point is a conflict, not a retry. */
function sameItem(item: RentalItem, input: RegisterRentalItemInput): RentalItem {
  if (item.aidType.code !== input.aidCode || item.rentalPoint.id !== input.rentalPointId) {
    throw new DomainError(ErrorCode.CONFLICT, `Mark ${item.mark} is already on another item (seed 004 annex 1 §5.2)`, { mark: item.mark });
  }
  return item;
}

@Resolver(() => RentalItem)
export class RentalItemResolver {
  @FieldResolver(() => AidType)
  aidType(@Root() item: RentalItem, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, AidType, 'code').load(item.aidType.code);
  }

  @FieldResolver(() => RentalPoint)
  rentalPoint(@Root() item: RentalItem, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalPoint, 'id').load(item.rentalPoint.id);
  }
}
