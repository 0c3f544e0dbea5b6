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
import { checkPageSize, Connection, decodeOffsetCursor as decodeCursor, offsetPageOf as pageOf } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, illegalTransition, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
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
import { aidInIpra, lockContract, serveQueue } from './booking';
import { RentalContract } from './rental-contract.entity';

@ObjectType({ description: 'What the renter owes after the acceptance act (§3.9–3.10), in kopecks.' })
export class RenterCharges {
  @Field(() => Int, { description: 'Repair, when the renter broke the rules of use (§3.9).' })
  repairKopecks!: number;

  @Field(() => Int, { description: 'Transport to and from the repair (§3.9).' })
  transportKopecks!: number;

  @Field(() => Int, { description: 'Compensation of the market value on loss (§3.10).' })
  compensationKopecks!: number;

  @Field(() => Int)
  totalKopecks!: number;
}

@ObjectType()
export class RentalContractConnection extends Connection(RentalContract) {}

@InputType({ description: 'The return of an aid with its acceptance act (contract §2.3.4).' })
export class ReturnRentalItemInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the actual return; today when omitted.' })
  returnedOn?: string | null;

  @Field(() => ReturnCondition)
  condition!: ReturnCondition;

  @Field({ description: 'Number of the acceptance act signed by both parties.' })
  acceptanceActNumber!: string;

  @Field(() => Int, { nullable: true, description: 'Repair cost when damaged by misuse (§3.9).' })
  repairCostKopecks?: number | null;

  @Field(() => Int, { nullable: true, description: 'Transport cost to and from the repair (§3.9).' })
  transportCostKopecks?: number | null;

  @Field({ nullable: true, description: 'Damaged by misuse beyond repair: treated like a loss (§3.10).' })
  irreparable?: boolean;

  @Field({ nullable: true, description: 'For a loss: whether it is the renter’s fault (default true, §3.10).' })
  renterAtFault?: boolean;
}

@InputType({ description: 'Taking an aid back early (seed 004 annex 1 §3.8, contract §2.2.4).' })
export class WithdrawRentalContractInput extends ReturnRentalItemInput {
  @Field(() => WithdrawalReason)
  reason!: WithdrawalReason;
}

@InputType({ description: 'An extension by an additional agreement (seed 004 annex 1 §3.6).' })
export class ExtendRentalContractInput {
  @Field(() => ID)
  contractId!: string;

  @Field(() => LocalDate, { description: 'The new last day of use.' })
  newDueOn!: string;

  @Field({ defaultValue: true, description: 'The renter still needs the aid (§3.6 allows an extension only then).' })
  continuedNeed!: boolean;
}

@ObjectType({ description: 'A settled return and what the freed item did next.' })
export class ReturnRentalItemPayload {
  @Field(() => RentalContract)
  contract!: RentalContract;

  @Field({ description: 'Why the renter pays or not, with the clause.' })
  settlementRule!: string;

  @Field(() => RentalContract, {
    nullable: true,
    description: 'The contract made for the next person in the queue, if the item went on at once (§2.2).',
  })
  nextContract!: RentalContract | null;
}

@ArgsType()
class RentalContractsArgs {
  @Field(() => ID, { nullable: true })
  rentalPointId?: string | null;

  @Field(() => ContractStatus, { nullable: true })
  status?: ContractStatus | null;

  @Field({ defaultValue: false, description: 'Only active contracts past their due date.' })
  overdueOnly!: boolean;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
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
): Promise<ReturnRentalItemPayload> {
  if (!input.acceptanceActNumber.trim())
    throw badInput('acceptanceActNumber is required (contract §2.3.4)', { field: 'acceptanceActNumber' });
  const contract = await lockContract(em, input.contractId);
  if (!contract) throw notFound('Rental contract', input.contractId);
  if (contract.status !== ContractStatus.ACTIVE) {
    throw illegalTransition(`The contract is ${contract.status}, not ACTIVE`, { status: contract.status });
  }
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
  const nextContract = settlement.nextCondition === ItemCondition.WORKING_ORDER ? await serveQueue(em, item, today()) : null;
  return { contract, settlementRule: settlement.rule, nextContract };
}

@Resolver(() => RentalContract)
export class RentalContractResolver {
  @Authorized(Role.SPECIALIST)
  @Mutation(() => ReturnRentalItemPayload, {
    description:
      'Records a return with its acceptance act; settles refund and charges; a working item goes to the next person in the queue.',
  })
  async returnRentalItem(@Arg('input') input: ReturnRentalItemInput, @Ctx() ctx: HubContext): Promise<ReturnRentalItemPayload> {
    requireRentalSpecialist(ctx);
    return ctx.em.transactional(async (em) => {
      const result = await settle(em, input, ContractStatus.RETURNED, null);
      ctx.audit.recordWrite(em, 'returnRentalItem', [
        result.contract.personId,
        ...(result.nextContract ? [result.nextContract.personId] : []),
      ]);
      return result;
    });
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => ReturnRentalItemPayload, {
    description: 'Takes an aid back early for misuse or damage (seed 004 annex 1 §3.8, contract §2.2.4).',
  })
  async withdrawRentalContract(@Arg('input') input: WithdrawRentalContractInput, @Ctx() ctx: HubContext): Promise<ReturnRentalItemPayload> {
    requireRentalSpecialist(ctx);
    assertEarlyWithdrawal(input.reason);
    return ctx.em.transactional(async (em) => {
      const result = await settle(em, input, ContractStatus.WITHDRAWN, input.reason);
      ctx.audit.recordWrite(em, 'withdrawRentalContract', [
        result.contract.personId,
        ...(result.nextContract ? [result.nextContract.personId] : []),
      ]);
      return result;
    });
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RentalContract, {
    description: 'Extends a contract once, by at most 6 months (seed 004 annex 1 §3.6); the added days are priced like the contract.',
  })
  async extendRentalContract(@Arg('input') input: ExtendRentalContractInput, @Ctx() ctx: HubContext): Promise<RentalContract> {
    requireRentalSpecialist(ctx);
    return ctx.em.transactional(async (em) => {
      const contract = await lockContract(em, input.contractId);
      if (!contract) throw notFound('Rental contract', input.contractId);
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
      return contract;
    });
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => RentalContractConnection, { description: 'Contracts of the rental fund, newest first.' })
  async rentalContracts(@Args() args: RentalContractsArgs, @Ctx() ctx: HubContext) {
    requireRentalSpecialist(ctx);
    const first = checkPageSize(args.first);
    const offset = decodeCursor(args.after);
    const where: FilterQuery<RentalContract> = {};
    if (args.rentalPointId) where.rentalPoint = args.rentalPointId;
    if (args.status) where.status = args.status;
    if (args.overdueOnly) Object.assign(where, { status: ContractStatus.ACTIVE, dueOn: { $lt: today() } });
    const [rows, total] = await ctx.em.findAndCount(RentalContract, where, {
      orderBy: { issuedOn: 'desc', id: 'asc' },
      limit: first,
      offset,
    });
    ctx.audit.read(
      'rentalContracts',
      rows.map((c) => c.personId),
    );
    return pageOf(rows, total, offset, first);
  }

  @FieldResolver(() => Boolean, { description: 'Active and past its due date (§3.6): the aid should have been returned.' })
  overdue(@Root() contract: RentalContract): boolean {
    return contract.status === ContractStatus.ACTIVE && isOverdue(contract.dueOn, today());
  }

  @FieldResolver(() => RenterCharges)
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

  @FieldResolver(() => RentalApplication)
  application(@Root() contract: RentalContract, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalApplication, 'id').load(contract.application.id);
  }

  @FieldResolver(() => RentalItem)
  item(@Root() contract: RentalContract, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalItem, 'id').load(contract.item.id);
  }

  @FieldResolver(() => AidType)
  aidType(@Root() contract: RentalContract, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, AidType, 'code').load(contract.aidType.code);
  }

  @FieldResolver(() => RentalPoint)
  rentalPoint(@Root() contract: RentalContract, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalPoint, 'id').load(contract.rentalPoint.id);
  }
}
