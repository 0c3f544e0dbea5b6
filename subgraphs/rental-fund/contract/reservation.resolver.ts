import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { RentalApplication } from '../application/rental-application.entity';
import { ApplicationStatus } from '../enums';
import { requireRentalSpecialist } from '../policy';
import { daysBetween } from '../rules/dates';
import { assertReservationTerm, isReservationLapsed } from '../rules/reservation';
import { RentalItem } from '../stock/rental-item.entity';
import { RentalPoint } from '../stock/rental-point.entity';
import { isUuid } from '../stock/sql';
import { issueReserved, lapseReservations } from './booking';
import { RentalContract } from './rental-contract.entity';

@ObjectType({ description: 'An item held for the applicant, and the notice they are shown (issue 15 §5.5; no external sending).' })
export class RentalReservation {
  @Field(() => RentalItem, { nullable: true, description: 'The item held, with its indelible mark (seed 004 annex 1 §5.2).' })
  item!: RentalItem | null;

  @Field(() => LocalDate, { description: 'Day the item was reserved and the applicant notified.' })
  reservedOn!: string;

  @Field(() => LocalDate, {
    description:
      'Last day the applicant may come for it (the rental point’s term in its working days); the next day it goes to the next in the queue.',
  })
  dueOn!: string;

  @Field({ description: 'True once `dueOn` has passed (on the hub clock’s today): the reservation no longer holds.' })
  lapsed!: boolean;

  @Field({ description: 'The notice to the applicant: what is held, where, until when, what to bring (Russian).' })
  notice!: string;
}

@InputType({ description: 'The issue of a reserved item on the day the applicant comes (seed 004 annex 1 §3.2, §3.4, §3.7).' })
class IssueReservedItemInput {
  @Field(() => ID, { description: 'The RESERVED application of the person who came.' })
  rentalApplicationId!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day of the contract and the hand-over; today when omitted, never in the future.',
  })
  issuedOn?: string | null;
}

@ObjectType({ description: 'The contract made for a reserved item, or userErrors and nothing written.' })
class IssueReservedItemPayload extends MutationPayload {
  @Field(() => RentalContract, { nullable: true, description: 'The contract, signed and the aid handed over that day; null when refused.' })
  contract!: RentalContract | null;
}

@InputType({ description: 'How long a rental point holds a freed item for the next person in its queue.' })
class SetReservationTermInput {
  @Field(() => ID, { description: 'The rental point.' })
  rentalPointId!: string;

  @Field(() => Int, { description: 'Working days of the point (Monday to Friday, seed 004 annex 1 §3.13), 1 to 20.' })
  workingDays!: number;
}

@ObjectType({ description: 'The rental point with its new reservation term, or userErrors and nothing written.' })
class SetReservationTermPayload extends MutationPayload {
  @Field(() => RentalPoint, { nullable: true, description: 'The rental point; null when refused.' })
  rentalPoint!: RentalPoint | null;
}

@Resolver(() => RentalApplication)
export class RentalReservationResolver {
  @FieldResolver(() => RentalReservation, {
    nullable: true,
    description:
      'The item reserved for the applicant and the notice they are shown, once an item was freed for them (issue 15 §5.5); null otherwise.',
  })
  async reservation(@Root() application: RentalApplication, @Ctx() ctx: HubContext): Promise<RentalReservation | null> {
    if (!application.reservedOn || !application.reservationDueOn) return null;
    return {
      item: application.reservedItem ? await loaderBy(ctx, RentalItem, 'id').load(application.reservedItem.id) : null,
      reservedOn: application.reservedOn,
      dueOn: application.reservationDueOn,
      lapsed: application.status === ApplicationStatus.RESERVATION_LAPSED || isReservationLapsed(application.reservationDueOn, today()),
      notice: application.reservationNotice ?? '',
    };
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => IssueReservedItemPayload, {
    description:
      'Makes the contract for a reserved item on the day the person comes: the contract is signed with them, the aid checked, explained and ' +
      'handed over the same day (seed 004 annex 1 §3.2, §3.4, §3.7). A lapsed reservation is RULE_VIOLATION, an application not RESERVED ' +
      'ILLEGAL_TRANSITION, as userErrors. For rental fund specialists.',
  })
  issueReservedItem(
    @Arg('input', { description: 'The reserved application and the day.' }) input: IssueReservedItemInput,
    @Ctx() ctx: HubContext,
  ): Promise<IssueReservedItemPayload> {
    requireRentalSpecialist(ctx);
    return payloadOf(ctx, async () => {
      const onDate = input.issuedOn ?? today();
      if (daysBetween(today(), onDate, 'today', 'issuedOn') > 0)
        throw badInput('issuedOn must not be in the future', { field: 'issuedOn' });
      // Past reservations lapse first, in their own transaction: a refused issue below must not undo them, and an
      // expired reservation is found lapsed here, its item already gone on to the next in the queue.
      await ctx.em.transactional((em) => lapseReservations(em, today()));
      return ctx.em.transactional(async (em) => {
        const id = input.rentalApplicationId;
        const application = isUuid(id) ? await em.findOne(RentalApplication, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
        if (!application) throw notFound('Rental application', id);
        const contract = await issueReserved(em, application, onDate);
        ctx.audit.recordWrite(em, 'issueReservedItem', [application.personId]);
        return { contract };
      });
    });
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => SetReservationTermPayload, {
    description:
      'Sets how many working days the rental point holds a freed item for the next person in its queue (the seed sets no term; ' +
      'issue 15 §5.5). Applies to reservations made from now on. For rental fund specialists.',
  })
  setReservationTerm(
    @Arg('input', { description: 'The point and its term.' }) input: SetReservationTermInput,
    @Ctx() ctx: HubContext,
  ): Promise<SetReservationTermPayload> {
    requireRentalSpecialist(ctx);
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const workingDays = assertReservationTerm(input.workingDays);
        const point = isUuid(input.rentalPointId) ? await em.findOne(RentalPoint, { id: input.rentalPointId }) : null;
        if (!point) throw notFound('Rental point', input.rentalPointId);
        point.reservationTermWorkingDays = workingDays;
        return { rentalPoint: point };
      }),
    );
  }
}
