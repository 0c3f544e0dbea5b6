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
import { lapseReservations, reserveForQueue } from '../contract/booking';
import { RentalApplication } from '../application/rental-application.entity';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { AcquisitionSource, ItemCondition } from '../enums';
import { requireRentalSpecialist } from '../policy';
import { AidType } from './aid-type.entity';
import { Organization } from '../../conventions/organization-reference';
import { RentalItem } from './rental-item.entity';
import { RentalPoint } from './rental-point.entity';
import { isUuid, uuidArray } from './sql';

/** HSDS 3.1 `service_capacity` for one aid type at one point: what the resource map shows. */
@ObjectType({ description: 'Capacity of a rental point for one aid type (HSDS service_capacity style).' })
export class AidCapacity {
  @Field({ description: 'Code of the aid kind (`aidKind` is the kind).' })
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
  @Field(() => RentalPoint, { nullable: true, description: 'The rental point.' })
  rentalPoint!: RentalPoint;

  @Field(() => Int, { description: 'Free items of the aid kind at the point: in working order and not lent out.' })
  available!: number;

  @Field(() => Float, { description: 'Great-circle distance in km.' })
  distanceKm!: number;
}

@InputType({ description: 'An item taken into the fund, with its indelible mark and record card (seed 004 annex 1 §5.2).' })
export class RegisterRentalItemInput {
  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key, 1–200 characters: a retry with the same key answers the item the first call registered.',
  })
  idempotencyKey?: string | null;

  @Field({
    description: 'The indelible mark; unique in the fund (seed 004 annex 1 §5.2). Registering the same mark again answers the item.',
  })
  mark!: string;

  @Field({ description: 'Code of the aid kind, e.g. WHEELCHAIR_MANUAL (seed 004 annex 1 annex 3).' })
  aidCode!: string;

  @Field(() => ID, { description: 'The rental point that keeps the item.' })
  rentalPointId!: string;

  @Field(() => AcquisitionSource, { description: 'How the item came into the fund (seed 004 annex 1 §1.3).' })
  acquisitionSource!: AcquisitionSource;

  @Field(() => Int, { description: 'Value in kopecks (for loss compensation, seed 004 annex 1 §3.10).' })
  valueKopecks!: number;

  @Field(() => LocalDate, { nullable: true, description: 'Day the item came into the fund, for its record card (seed 004 annex 1 §5.2).' })
  acquiredOn?: string | null;
}

@ObjectType({ description: 'The item taken into the fund and the reservation it went to at once, or userErrors and nothing written.' })
export class RegisterRentalItemPayload extends MutationPayload {
  @Field(() => RentalItem, { nullable: true, description: 'The item; null when refused.' })
  item!: RentalItem | null;

  @Field(() => RentalApplication, {
    nullable: true,
    description:
      'The application of the head of the queue, for whom the new item is now reserved and who is notified, when someone waited for the ' +
      'aid at the point (seed 004 annex 1 §2.2); the contract is made on the day they come (§3.2, §3.4).',
  })
  nextReservation!: RentalApplication | null;
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
  @FieldResolver(() => AidType, { nullable: true, description: 'The aid kind (seed 004 annex 1 annex 3).' })
  aidKind(@Root() capacity: AidCapacity, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, AidType, 'code').load(capacity.aidCode);
  }
}

@Resolver(() => RentalPoint)
export class RentalPointResolver {
  @Query(() => [RentalPoint], {
    nullable: true,
    description: 'Rental points of technical aids, optionally on one territory (no personal data: open to every role).',
  })
  rentalPoints(
    @Arg('territoryOktmo', () => String, { nullable: true, description: 'Only the points on this territory (OKTMO).' })
    territoryOktmo: string | null,
    @Ctx() ctx: HubContext,
  ) {
    return ctx.em.find(RentalPoint, territoryOktmo ? { territoryOktmo } : {}, { orderBy: { name: 'asc' } });
  }

  @Query(() => RentalPoint, { nullable: true, description: 'One rental point by id; null when there is none (open to every role).' })
  rentalPoint(@Arg('id', () => ID, { description: 'The id of the rental point.' }) id: string, @Ctx() ctx: HubContext) {
    if (!isUuid(id)) return null;
    return loaderBy(ctx, RentalPoint, 'id').load(id);
  }

  @Query(() => [AidType], {
    nullable: true,
    description: 'The catalogue of aid kinds with tariffs, in annex order (seed 004 annex 1 annex 3).',
  })
  aidKinds(@Ctx() ctx: HubContext) {
    return ctx.em.find(AidType, {}, { orderBy: { annexRow: 'asc' } });
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The operating organization, from the directory of social protection; null when social protection cannot show it.',
  })
  organization(@Root() point: RentalPoint): Organization {
    return { id: point.organizationId };
  }

  @Query(() => [NearbyRentalPoint], {
    nullable: true,
    description:
      'Rental points with a free item of the aid kind, nearest first from a place (great-circle distance, computed in the database); ' +
      'at most `first` of them.',
  })
  async nearestRentalPoints(
    @Arg('aidCode', { description: 'Code of the aid kind needed.' }) aidCode: string,
    @Arg('latitude', () => Float, { description: 'Latitude of the place, WGS 84 degrees (−90 to 90).' }) latitude: number,
    @Arg('longitude', () => Float, { description: 'Longitude of the place, WGS 84 degrees (−180 to 180).' }) longitude: number,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many points, 1 to 50 (default 5); more is refused with BAD_USER_INPUT.' })
    first: number,
    @Ctx() ctx: HubContext,
  ): Promise<NearbyRentalPoint[]> {
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180))
      throw badInput('latitude/longitude out of range', { argument: 'latitude' });
    if (!Number.isInteger(first) || first < 1 || first > 50) throw badInput('first must be between 1 and 50', { argument: 'first' });
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

  @FieldResolver(() => [AidCapacity], {
    description: 'Per aid kind the point keeps or is asked for: total, available and queued (computed in the database).',
  })
  capacity(@Root() point: RentalPoint, @Ctx() ctx: HubContext) {
    return capacityLoader(ctx).load(point.id);
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RegisterRentalItemPayload, {
    description:
      'Takes an item into the fund (seed 004 annex 1 §1.3, §5.2); when someone waits for the aid at the point, the item goes to the ' +
      'head of the queue at once (§2.2). Idempotent by mark and by idempotencyKey; a mark already on another item is CONFLICT, as a ' +
      'userError. For rental fund specialists.',
  })
  async registerRentalItem(
    @Arg('input', { description: 'The item and its record card.' }) input: RegisterRentalItemInput,
    @Ctx() ctx: HubContext,
  ): Promise<RegisterRentalItemPayload> {
    requireRentalSpecialist(ctx);
    return payloadOf(ctx, () => register(ctx, input));
  }
}

async function register(ctx: HubContext, input: RegisterRentalItemInput): Promise<Omit<RegisterRentalItemPayload, 'userErrors'>> {
  const mark = input.mark.trim();
  const key = input.idempotencyKey ?? null;
  if (key !== null && (!key.trim() || key.length > 200))
    throw badInput('idempotencyKey must be 1–200 characters', { field: 'idempotencyKey' });
  if (!mark) throw badInput('mark is required (seed 004 annex 1 §5.2)', { field: 'mark' });
  if (!Number.isSafeInteger(input.valueKopecks) || input.valueKopecks < 0)
    throw badInput('valueKopecks must be a non-negative whole number', { field: 'valueKopecks' });
  const retried = async () => {
    const em = ctx.em.fork();
    const byKey = key ? await em.findOne(RentalItem, { idempotencyKey: key }) : null;
    if (byKey && byKey.mark !== mark) {
      throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another item', { field: 'idempotencyKey' });
    }
    const existing = byKey ?? (await em.findOne(RentalItem, { mark }));
    return existing ? { item: sameItem(existing, input), nextReservation: null } : null;
  };
  const before = await retried();
  if (before) return before;
  const [aidType, point] = await Promise.all([
    ctx.em.findOne(AidType, { code: input.aidCode }),
    isUuid(input.rentalPointId) ? ctx.em.findOne(RentalPoint, { id: input.rentalPointId }) : null,
  ]);
  if (!aidType) throw notFound('Aid kind', input.aidCode);
  if (!point) throw notFound('Rental point', input.rentalPointId);
  try {
    return await ctx.em.transactional(async (em) => {
      const item = em.create(RentalItem, {
        id: randomUUID(),
        idempotencyKey: key,
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
      await lapseReservations(em, today());
      const served = await reserveForQueue(em, item, today());
      ctx.audit.recordWrite(em, 'registerRentalItem', served ? [served.personId] : []);
      return { item, nextReservation: served };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const again = await retried();
      if (again) return again;
    }
    throw error;
  }
}

/** A mark is unique (§5.2): the same mark for a different aid or point is a conflict, not a retry. */
function sameItem(item: RentalItem, input: RegisterRentalItemInput): RentalItem {
  if (item.aidType.code !== input.aidCode || item.rentalPoint.id !== input.rentalPointId) {
    throw new DomainError(ErrorCode.CONFLICT, `Mark ${item.mark} is already on another item (seed 004 annex 1 §5.2)`, {
      mark: item.mark,
      field: 'mark',
    });
  }
  return item;
}

@Resolver(() => RentalItem)
export class RentalItemResolver {
  @FieldResolver(() => AidType, { nullable: true, description: 'The aid kind of the item (seed 004 annex 1 annex 3).' })
  aidKind(@Root() item: RentalItem, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, AidType, 'code').load(item.aidType.code);
  }

  @FieldResolver(() => RentalPoint, { nullable: true, description: 'The rental point that keeps the item.' })
  rentalPoint(@Root() item: RentalItem, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalPoint, 'id').load(item.rentalPoint.id);
  }
}
