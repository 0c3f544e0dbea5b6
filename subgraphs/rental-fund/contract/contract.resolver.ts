import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { checkPageSize, Connection, decodeCursor, PageArgs, pageOf } from '../../kit/platform/connection';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, illegalTransition, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { periodBounds, PeriodInput } from '../../kit/platform/period';
import { today } from '../../kit/platform/clock';
import { RentalApplication } from '../application/rental-application.entity';
import { ContractStatus, ItemCondition, ReturnCondition, WithdrawalReason } from '../enums';
import { Person } from '../person/person.entity';
import { requireRentalSpecialist } from '../policy';
import { assertExtension, isOverdue } from '../rules/contract-term';
import { daysBetween } from '../rules/dates';
import { earlyReturnRefund, extensionFee } from '../rules/pricing';
import { assertEarlyWithdrawal, settleReturn } from '../rules/return';
import { AidType } from '../stock/aid-type.entity';
import { RentalItem } from '../stock/rental-item.entity';
import { RentalPoint } from '../stock/rental-point.entity';
import { isUuid } from '../stock/sql';
import { aidInIpra, lapseReservations, lockContract, reserveForQueue } from './booking';
import { RentalContract } from './rental-contract.entity';

@ObjectType({ description: 'What the renter owes after the acceptance act (§3.9–3.10), in kopecks.' })
export class RenterCharges {
  @Field(() => Int, { description: 'Repair, when the renter broke the rules of use (§3.9).' })
  repairKopecks!: number;

  @Field(() => Int, { description: 'Transport to and from the repair (§3.9).' })
  transportKopecks!: number;

  @Field(() => Int, { description: 'Compensation of the market value on loss (§3.10).' })
  compensationKopecks!: number;

  @Field(() => Int, { description: 'Repair, transport and compensation together.' })
  totalKopecks!: number;
}

@ObjectType({ description: 'A page of rental contracts.' })
export class RentalContractConnection extends Connection(RentalContract) {}

@InputType({ description: 'The return of an aid with its acceptance act (contract §2.3.4).' })
export class ReturnRentalItemInput {
  @Field(() => ID, { description: 'The active contract whose aid comes back.' })
  rentalContractId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the actual return; today when omitted.' })
  returnedOn?: string | null;

  @Field(() => ReturnCondition, {
    description: 'Condition recorded in the acceptance act; it decides who pays (seed 004 annex 1 §3.9–3.11).',
  })
  condition!: ReturnCondition;

  @Field({ description: 'Number of the acceptance act signed by both parties.' })
  acceptanceActNumber!: string;

  @Field(() => Int, { nullable: true, description: 'Repair cost in kopecks when damaged by misuse (seed 004 annex 1 §3.9).' })
  repairCostKopecks?: number | null;

  @Field(() => Int, { nullable: true, description: 'Transport cost in kopecks to and from the repair (seed 004 annex 1 §3.9).' })
  transportCostKopecks?: number | null;

  @Field({ nullable: true, description: 'Damaged by misuse beyond repair: treated like a loss (§3.10).' })
  irreparable?: boolean;

  @Field({ nullable: true, description: 'For a loss: whether it is the renter’s fault (default true, §3.10).' })
  renterAtFault?: boolean;
}

@InputType({ description: 'Taking an aid back early (seed 004 annex 1 §3.8, contract §2.2.4).' })
export class WithdrawRentalContractInput extends ReturnRentalItemInput {
  @Field(() => WithdrawalReason, {
    description: 'Why the aid is taken back early; only misuse and damage allow it (seed 004 annex 1 §3.8).',
  })
  reason!: WithdrawalReason;
}

@InputType({ description: 'An extension by an additional agreement (seed 004 annex 1 §3.6).' })
export class ExtendRentalContractInput {
  @Field(() => ID, { description: 'The active contract to extend.' })
  rentalContractId!: string;

  @Field(() => LocalDate, { description: 'The new last day of use.' })
  newDueOn!: string;

  @Field({ defaultValue: true, description: 'The renter still needs the aid (§3.6 allows an extension only then).' })
  continuedNeed!: boolean;
}

/** What a return and an early withdrawal answer: the settled contract and what the freed item did next. */
function SettlementPayload(description: string) {
  @ObjectType({ description })
  abstract class Payload extends MutationPayload {
    @Field(() => RentalContract, { nullable: true, description: 'The settled contract; null when refused.' })
    contract!: RentalContract | null;

    @Field(() => String, { nullable: true, description: 'The clause that decides whether the renter pays; null when refused.' })
    settlementRule!: string | null;

    @Field(() => RentalApplication, {
      nullable: true,
      description:
        'The application of the next person in the queue, for whom the freed item is now reserved and who is notified (`reservation`); ' +
        'the contract is made on the day they come (seed 004 annex 1 §2.2, §3.2, §3.4). Null when nobody waits or the item is not fit.',
    })
    nextReservation!: RentalApplication | null;
  }
  return Payload;
}

@ObjectType({ description: 'A settled return and what the freed item did next, or userErrors and nothing written.' })
export class ReturnRentalItemPayload extends SettlementPayload(
  'A settled return and what the freed item did next, or userErrors and nothing written.',
) {}

@ObjectType({ description: 'An aid taken back early, settled, and what the freed item did next; or userErrors and nothing written.' })
export class WithdrawRentalContractPayload extends SettlementPayload(
  'An aid taken back early, settled, and what the freed item did next; or userErrors and nothing written.',
) {}

@ObjectType({ description: 'The extended contract, or userErrors and nothing written.' })
export class ExtendRentalContractPayload extends MutationPayload {
  @Field(() => RentalContract, { nullable: true, description: 'The contract with its new `dueOn` and fee; null when refused.' })
  contract!: RentalContract | null;
}

type Settlement = { contract: RentalContract; settlementRule: string; nextReservation: RentalApplication | null };

@ArgsType()
class RentalContractsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the contracts of this rental point.' })
  rentalPointId?: string | null;

  @Field(() => ContractStatus, { nullable: true, description: 'Only contracts in this status.' })
  status?: ContractStatus | null;

  @Field({ defaultValue: false, description: 'Only active contracts past their due date (seed 004 annex 1 §3.6).' })
  overdueOnly!: boolean;

  @Field(() => PeriodInput, { nullable: true, description: 'Only contracts issued within this period.' })
  period?: PeriodInput | null;
}

function checkDay(value: string, issuedOn: string, field: string): void {
  if (daysBetween(today(), value, 'today', field) > 0) throw badInput(`${field} must not be in the future`, { field });
  if (daysBetween(issuedOn, value, 'issuedOn', field) < 0) throw badInput(`${field} must not be before the issue`, { field, issuedOn });
}

/** Acceptance act, settlement (§3.9–3.11), refund (contract §3.3) and the freed item to the queue (§2.2). */
async function settle(
  em: EntityManager,
  input: ReturnRentalItemInput,
  status: ContractStatus,
  withdrawalReason: WithdrawalReason | null,
): Promise<Settlement> {
  if (!input.acceptanceActNumber.trim())
    throw badInput('acceptanceActNumber is required (contract §2.3.4)', { field: 'acceptanceActNumber' });
  const contract = isUuid(input.rentalContractId) ? await lockContract(em, input.rentalContractId) : null;
  if (!contract) throw notFound('Rental contract', input.rentalContractId);
  if (contract.status !== ContractStatus.ACTIVE) {
    throw illegalTransition(`The contract is ${contract.status}, not ACTIVE`, { status: contract.status });
  }
  // Reservations past their term lapse first, so the queue this item joins is today's (issue 15 §5.5).
  await lapseReservations(em, today());
  const returnedOn = input.returnedOn ?? today();
  checkDay(returnedOn, contract.issuedOn, 'returnedOn');
  const item = await em.findOneOrFail(RentalItem, { id: contract.item.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const settlement = settleReturn({
    condition: input.condition,
    repairCostKopecks: input.repairCostKopecks ?? undefined,
    transportCostKopecks: input.transportCostKopecks ?? undefined,
    itemValueKopecks: item.valueKopecks,
    irreparable: input.irreparable ?? undefined,
    renterAtFault: input.renterAtFault ?? undefined,
  });
  const lost = input.condition === ReturnCondition.LOST;
  // Early return: the unused days from the day after the return are refunded (contract §3.3; §2.1.4 for a withdrawal).
  const refund = lost
    ? 0
    : earlyReturnRefund({
        feeKopecks: contract.feeKopecks,
        tariffKopecks: contract.tariffKopecks,
        issuedOn: contract.issuedOn,
        dueOn: contract.dueOn,
        returnedOn,
      }).kopecks;
  Object.assign(contract, {
    status: lost ? ContractStatus.LOST : status,
    returnedOn,
    returnCondition: input.condition,
    acceptanceActNumber: input.acceptanceActNumber.trim(),
    refundKopecks: refund,
    repairChargeKopecks: settlement.charges.repairKopecks,
    transportChargeKopecks: settlement.charges.transportKopecks,
    compensationChargeKopecks: settlement.charges.compensationKopecks,
    settlementReason: `${settlement.reason} (${settlement.rule})`,
    withdrawalReason,
  });
  item.condition = settlement.nextCondition;
  item.onLoan = false;
  // Flush the closed contract first: the partial unique index allows one ACTIVE contract per item.
  await em.flush();
  const nextReservation = settlement.nextCondition === ItemCondition.WORKING_ORDER ? await reserveForQueue(em, item, today()) : null;
  return { contract, settlementRule: settlement.rule, nextReservation };
}

@Resolver(() => RentalContract)
export class RentalContractResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => ReturnRentalItemPayload, {
    description:
      'Records a return with its acceptance act; settles refund and charges; a working item is reserved for the next person in the queue ' +
      '(seed 004 annex 1 §2.2, §3.9–3.11, contract §2.3.4, §3.3). A contract that is not active is ILLEGAL_TRANSITION, as a userError.',
  })
  async returnRentalItem(
    @Arg('input', { description: 'The return and its acceptance act.' }) input: ReturnRentalItemInput,
    @Ctx() ctx: HubContext,
  ): Promise<ReturnRentalItemPayload> {
    requireRentalSpecialist(ctx);
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const result = await settle(em, input, ContractStatus.RETURNED, null);
        ctx.audit.recordWrite(em, 'returnRentalItem', [
          result.contract.personId,
          ...(result.nextReservation ? [result.nextReservation.personId] : []),
        ]);
        return result;
      }),
    );
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => WithdrawRentalContractPayload, {
    description:
      'Takes an aid back early for misuse or damage, with an acceptance act, and settles it like a return (seed 004 annex 1 §3.8, ' +
      'contract §2.2.4). Another reason is RULE_VIOLATION, as a userError.',
  })
  async withdrawRentalContract(
    @Arg('input', { description: 'The early withdrawal, its reason and its acceptance act.' }) input: WithdrawRentalContractInput,
    @Ctx() ctx: HubContext,
  ): Promise<WithdrawRentalContractPayload> {
    requireRentalSpecialist(ctx);
    return payloadOf(ctx, async () => {
      assertEarlyWithdrawal(input.reason);
      return ctx.em.transactional(async (em) => {
        const result = await settle(em, input, ContractStatus.WITHDRAWN, input.reason);
        ctx.audit.recordWrite(em, 'withdrawRentalContract', [
          result.contract.personId,
          ...(result.nextReservation ? [result.nextReservation.personId] : []),
        ]);
        return result;
      });
    });
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => ExtendRentalContractPayload, {
    description:
      'Extends a contract once, by at most 6 months, while the renter still needs the aid (seed 004 annex 1 §3.6); the added days are ' +
      'priced like the contract. A refusal by the rule is a userError.',
  })
  async extendRentalContract(
    @Arg('input', { description: 'The contract and its new last day.' }) input: ExtendRentalContractInput,
    @Ctx() ctx: HubContext,
  ): Promise<ExtendRentalContractPayload> {
    requireRentalSpecialist(ctx);
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const contract = isUuid(input.rentalContractId) ? await lockContract(em, input.rentalContractId) : null;
        if (!contract) throw notFound('Rental contract', input.rentalContractId);
        if (contract.status !== ContractStatus.ACTIVE)
          throw illegalTransition(`The contract is ${contract.status}, not ACTIVE`, { status: contract.status });
        assertExtension({
          issuedOn: contract.issuedOn,
          currentDueOn: contract.dueOn,
          newDueOn: input.newDueOn,
          extensionsSoFar: contract.extensionsCount,
          continuedNeed: input.continuedNeed,
        });
        const application = await em.findOneOrFail(RentalApplication, { id: contract.application.id });
        const fee = extensionFee({
          ground: application.ground,
          aidCode: contract.aidType.code,
          aidInIpra: aidInIpra(application, contract.aidType.code),
          tariffKopecks: contract.tariffKopecks,
          currentDueOn: contract.dueOn,
          newDueOn: input.newDueOn,
        });
        contract.feeKopecks += fee.kopecks;
        contract.dueOn = input.newDueOn;
        contract.extensionsCount += 1;
        ctx.audit.recordWrite(em, 'extendRentalContract', [contract.personId]);
        return { contract };
      }),
    );
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => RentalContractConnection, {
    nullable: true,
    description:
      'Contracts of the rental fund, newest issue first, in keyset pages (a page starts after the last contract seen). ' +
      'For rental fund specialists.',
  })
  async rentalContracts(@Args() args: RentalContractsArgs, @Ctx() ctx: HubContext) {
    requireRentalSpecialist(ctx);
    const first = checkPageSize(args.first);
    const after = decodeCursor(args.after, 2);
    const { from, to } = periodBounds(args.period);
    const where: FilterQuery<RentalContract> = { issuedOn: { $gte: from, $lte: to } };
    if (args.rentalPointId) {
      if (!isUuid(args.rentalPointId)) throw badInput('rentalPointId is not an id', { argument: 'rentalPointId' });
      where.rentalPoint = args.rentalPointId;
    }
    if (args.status) where.status = args.status;
    if (args.overdueOnly) Object.assign(where, { status: ContractStatus.ACTIVE, dueOn: { $lt: today() } });
    // Newest first: the next page holds the contracts whose (issuedOn, id) comes below the cursor's.
    const page: FilterQuery<RentalContract> = after
      ? { $and: [where, { $or: [{ issuedOn: { $lt: String(after[0]) } }, { issuedOn: String(after[0]), id: { $lt: String(after[1]) } }] }] }
      : where;
    const [rows, total] = await Promise.all([
      ctx.em.find(RentalContract, page, { orderBy: { issuedOn: 'desc', id: 'desc' }, limit: first + 1 }),
      ctx.em.count(RentalContract, where),
    ]);
    ctx.audit.read(
      'rentalContracts',
      rows.slice(0, first).map((c) => c.personId),
    );
    return pageOf(rows, total, first, after, (c) => [c.issuedOn, c.id]);
  }

  @FieldResolver(() => Boolean, {
    description: 'Active and past its due date: the aid should have been returned (seed 004 annex 1 §3.6).',
  })
  overdue(@Root() contract: RentalContract): boolean {
    return contract.status === ContractStatus.ACTIVE && isOverdue(contract.dueOn, today());
  }

  @FieldResolver(() => RenterCharges, { description: 'What the renter owes after the acceptance act (seed 004 annex 1 §3.9–3.10).' })
  renterCharges(@Root() c: RentalContract): RenterCharges {
    const total = c.repairChargeKopecks + c.transportChargeKopecks + c.compensationChargeKopecks;
    return {
      repairKopecks: c.repairChargeKopecks,
      transportKopecks: c.transportChargeKopecks,
      compensationKopecks: c.compensationChargeKopecks,
      totalKopecks: total,
    };
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The renter (resolved by social protection); null when social protection cannot show the person.',
  })
  person(@Root() contract: RentalContract): Pick<Person, 'id'> {
    return { id: contract.personId };
  }

  @FieldResolver(() => RentalApplication, { nullable: true, description: 'The application the contract was made on.' })
  application(@Root() contract: RentalContract, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalApplication, 'id').load(contract.application.id);
  }

  @FieldResolver(() => RentalItem, { nullable: true, description: 'The item lent, with its indelible mark.' })
  item(@Root() contract: RentalContract, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalItem, 'id').load(contract.item.id);
  }

  @FieldResolver(() => AidType, { nullable: true, description: 'The aid kind lent (seed 004 annex 1 annex 3).' })
  aidKind(@Root() contract: RentalContract, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, AidType, 'code').load(contract.aidType.code);
  }

  @FieldResolver(() => RentalPoint, { nullable: true, description: 'The rental point that lent the aid.' })
  rentalPoint(@Root() contract: RentalContract, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalPoint, 'id').load(contract.rentalPoint.id);
  }
}
