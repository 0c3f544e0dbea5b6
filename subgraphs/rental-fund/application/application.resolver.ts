import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
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
import { checkPageSize, Connection, decodeCursor, pageOf, PageArgs, type CursorKey } from '../../kit/platform/connection';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, DomainError, ErrorCode, illegalTransition, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { normalizeSnils } from '../../kit/domain/snils';
import { RentalContract } from '../contract/rental-contract.entity';
import { aidInIpra, asQueueEntry, drawUpContract, lapseReservations, queueOf, reserveForQueue, takeFreeItem } from '../contract/booking';
import {
  ApplicationStatus,
  DisabilityGroup,
  ItemCondition,
  DocumentKind,
  groupNumber,
  PriorityCategory,
  RentalGround,
  RentalOutcome,
} from '../enums';
import { Person } from '../person/person.entity';
import { requireMayApply, requireRentalSpecialist } from '../policy';
import { assertInitialTerm } from '../rules/contract-term';
import { addDays, daysBetween } from '../rules/dates';
import { deliveryRequired } from '../rules/delivery';
import { assertApplicationComplete } from '../rules/eligibility';
import { rentalFee } from '../rules/pricing';
import { AidType } from '../stock/aid-type.entity';
import { RentalItem } from '../stock/rental-item.entity';
import { RentalPoint } from '../stock/rental-point.entity';
import { isUuid } from '../stock/sql';
import { RentalApplication } from './rental-application.entity';

@InputType({ description: 'An application for an aid (seed 004 annex 1 §3.2–3.3).' })
export class ApplyForRentalInput {
  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key, 1–200 characters: a retry with the same key answers the application the first call made.',
  })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The hub id of the applicant.' })
  personId!: string;

  @Field({ description: 'SNILS of the applicant (11 digits, checksum validated).' })
  snils!: string;

  @Field({ description: 'Code of the aid kind needed, e.g. WHEELCHAIR_MANUAL (`aidKinds` lists them, seed 004 annex 1 annex 3).' })
  aidCode!: string;

  @Field(() => ID, { description: 'The rental point applied to.' })
  rentalPointId!: string;

  @Field(() => RentalGround, { description: 'The ground of the rental; it decides the price (seed 004 annex 1 §2.1, §4.2–4.3).' })
  ground!: RentalGround;

  @Field(() => [DocumentKind], {
    description: 'Kinds of documents presented; the ground decides which are required (seed 004 annex 1 §3.3).',
  })
  documents!: DocumentKind[];

  @Field(() => [String], {
    nullable: true,
    description: 'Aid codes the presented IPRA lists (required when an IPRA is presented). Decides the price (seed 004 annex 1 §4.2).',
  })
  ipraAids?: string[] | null;

  @Field(() => PriorityCategory, { nullable: true, description: 'For applicants served out of turn (seed 004 annex 1 §2.2).' })
  priorityCategory?: PriorityCategory | null;

  @Field(() => Int, { description: 'Days of use needed; the term is at most 1 year (seed 004 annex 1 §3.6).' })
  requestedDays!: number;

  @Field({ description: 'Disability established by MSE (grounds §2.1.1–2.1.3 are for disabled people, seed 004 annex 1).' })
  isDisabled!: boolean;

  @Field(() => DisabilityGroup, {
    nullable: true,
    description: 'Disability group; empty for none (or a disabled child). Decides delivery (seed 004 annex 1 §3.5).',
  })
  disabilityGroup?: DisabilityGroup | null;

  @Field(() => LocalDate, { nullable: true, description: 'Day of birth, for the over-70 delivery rule (seed 004 annex 1 §3.5).' })
  bornOn?: string | null;

  @Field({ defaultValue: false, description: 'Has lost the ability to care for oneself and/or to move (seed 004 annex 1 §3.5).' })
  cannotMoveOrSelfCare!: boolean;

  @Field({ description: 'Able-bodied relatives live with the applicant (then no delivery, seed 004 annex 1 §3.5).' })
  ableBodiedRelativesPresent!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the application; today when omitted, never in the future.' })
  appliedOn?: string | null;
}

@ObjectType({
  description: 'The answer to an application: a contract made at once, or a place in the queue; or userErrors and nothing written.',
})
export class ApplyForRentalPayload extends MutationPayload {
  @Field(() => RentalOutcome, {
    nullable: true,
    description: 'Whether a contract was made or the application is queued; null when refused.',
  })
  outcome!: RentalOutcome | null;

  @Field(() => RentalApplication, { nullable: true, description: 'The application; null when refused.' })
  application!: RentalApplication | null;

  @Field(() => RentalContract, { nullable: true, description: 'The contract, when an item was free (seed 004 annex 1 §3.4).' })
  contract!: RentalContract | null;

  @Field(() => Int, { nullable: true, description: 'Place in the queue (1 = next), when queued (seed 004 annex 1 §2.2).' })
  queuePosition!: number | null;

  @Field(() => String, { nullable: true, description: 'What to tell the applicant, with the clause; null when refused.' })
  message!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False when this was a retry of an application already made (same idempotency key).',
  })
  created!: boolean | null;
}

@ObjectType({ description: 'One applicant waiting in a queue, in serving order.' })
export class RentalQueueEntry {
  @Field(() => Int, { description: 'Place in the queue now, 1 = served next (seed 004 annex 1 §2.2).' })
  position!: number;

  @Field({ description: 'Served out of turn (seed 004 annex 1 §2.2).' })
  outOfTurn!: boolean;

  @Field(() => RentalApplication, { nullable: true, description: 'The waiting application.' })
  application!: RentalApplication;
}

@ObjectType({ description: 'A page of rental applications.' })
export class RentalApplicationConnection extends Connection(RentalApplication) {}

@ObjectType({ description: 'A page of a rental queue, in serving order.' })
export class RentalQueueEntryConnection extends Connection(RentalQueueEntry) {}

@ArgsType()
class RentalQueueArgs extends PageArgs {
  @Field(() => ID, { description: 'The rental point whose queue is read.' })
  rentalPointId!: string;

  @Field({ description: 'Code of the aid kind the queue waits for, e.g. WHEELCHAIR_MANUAL.' })
  aidCode!: string;
}

@InputType({ description: 'An applicant who no longer waits: the application leaves the queue.' })
export class WithdrawRentalApplicationInput {
  @Field(() => ID, { description: 'The queued application.' })
  rentalApplicationId!: string;
}

@ObjectType({ description: 'The withdrawn application, or userErrors and nothing written.' })
export class WithdrawRentalApplicationPayload extends MutationPayload {
  @Field(() => RentalApplication, { nullable: true, description: 'The application, now WITHDRAWN; null when refused.' })
  application!: RentalApplication | null;
}

/** The keyset of the queue's serving order (rules/queue.ts): out of turn first, then time of application, then id. */
function queueKey(application: RentalApplication): CursorKey {
  const entry = asQueueEntry(application);
  return [application.priorityCategory != null ? 0 : 1, entry.appliedAt, entry.id];
}

function keyAfter(a: CursorKey, b: CursorKey): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    return (a[i] as string | number) > (b[i] as string | number);
  }
  return false;
}

function checkInput(input: ApplyForRentalInput, onDate: string) {
  if (input.idempotencyKey != null && (!input.idempotencyKey.trim() || input.idempotencyKey.length > 200))
    throw badInput('idempotencyKey must be 1–200 characters', { field: 'idempotencyKey' });
  if (daysBetween(today(), onDate, 'today', 'appliedOn') > 0) throw badInput('appliedOn must not be in the future', { field: 'appliedOn' });
  if (!Number.isSafeInteger(input.requestedDays) || input.requestedDays < 1)
    throw badInput('requestedDays must be a positive whole number', { field: 'requestedDays' });
  // §3.6: the term is at most a year; refuse now rather than when an item comes free.
  assertInitialTerm(onDate, addDays(onDate, input.requestedDays - 1));
  const presentedIpra = input.documents.includes(DocumentKind.IPRA);
  if (input.ipraAids != null && !presentedIpra) {
    throw badInput('ipraAids are read from the IPRA presented: list IPRA among the documents', { field: 'ipraAids' });
  }
  if (presentedIpra && input.ipraAids == null) {
    throw badInput('An IPRA was presented: list the aids it names in ipraAids (they decide the price, §4.2)', { field: 'ipraAids' });
  }
  // Incomplete or false data is refused (contract §2.2.3); the rule names the clause.
  assertApplicationComplete({
    ground: input.ground,
    documents: input.documents,
    isDisabled: input.isDisabled,
    hasIpra: presentedIpra ? true : undefined,
  });
  if (input.disabilityGroup != null && !input.isDisabled)
    throw badInput('A disability group needs isDisabled', { field: 'disabilityGroup' });
  const delivery = deliveryRequired({
    disabilityGroup: groupNumber(input.disabilityGroup),
    birthDate: input.bornOn ?? undefined,
    onDate,
    cannotMoveOrSelfCare: input.cannotMoveOrSelfCare,
    ableBodiedRelativesPresent: input.ableBodiedRelativesPresent,
  });
  return delivery;
}

@Resolver(() => RentalApplication)
export class RentalApplicationResolver {
  @Authorized(Role.SPECIALIST, Role.COORDINATOR)
  @Mutation(() => ApplyForRentalPayload, {
    description:
      'Applies for an aid: when an item of the kind is free at the point a contract is made at once (seed 004 annex 1 §3.3–3.4); ' +
      'otherwise the application waits in the queue (§2.2). Safe under concurrent bookings of the last item. ' +
      'Refusals by the rules (incomplete documents, a term over a year) are userErrors.',
  })
  async applyForRental(
    @Arg('input', { description: 'The application.' }) input: ApplyForRentalInput,
    @Ctx() ctx: HubContext,
  ): Promise<ApplyForRentalPayload> {
    requireMayApply(ctx);
    return payloadOf(ctx, () => this.apply(input, ctx));
  }

  private async apply(input: ApplyForRentalInput, ctx: HubContext): Promise<Omit<ApplyForRentalPayload, 'userErrors'>> {
    const onDate = input.appliedOn ?? today();
    input.snils = normalizeSnils(input.snils);
    const delivery = checkInput(input, onDate);
    const key = input.idempotencyKey ?? null;

    const retried = key ? await this.existing(ctx, key, input.personId) : null;
    if (retried) return retried;

    const [aidType, point] = await Promise.all([
      ctx.em.findOne(AidType, { code: input.aidCode }),
      ctx.em.findOne(RentalPoint, { id: input.rentalPointId }),
    ]);
    if (!aidType) throw notFound('Aid kind', input.aidCode);
    if (!point) throw notFound('Rental point', input.rentalPointId);
    // Contradictory price data (an IPRA aid on the "no IPRA" ground) is refused before anything is written.
    rentalFee({
      ground: input.ground,
      aidCode: aidType.code,
      aidInIpra: (input.ipraAids ?? []).includes(aidType.code),
      tariffKopecks: aidType.tariffKopecks,
      issuedOn: onDate,
      dueOn: addDays(onDate, input.requestedDays - 1),
    });

    try {
      return await ctx.em.transactional(async (em) => {
        // Reservations past their term lapse first (issue 15 §5.5): their items go on to the queue before a newcomer counts it.
        await lapseReservations(em, onDate);
        // Those already waiting come first (§2.2): a newcomer takes a free item only when nobody waits.
        // (Free items and a waiting queue do not normally coexist: returns and new stock serve the queue.)
        // Counted before the new application exists, which an auto-flush would otherwise count too.
        const waiting = await em.count(RentalApplication, {
          rentalPoint: point.id,
          aidType: aidType.code,
          status: ApplicationStatus.QUEUED,
        } as never);
        const application = em.create(RentalApplication, {
          id: randomUUID(),
          idempotencyKey: key,
          personId: input.personId,
          snils: input.snils,
          aidType,
          rentalPoint: point,
          ground: input.ground,
          documents: [...new Set(input.documents)],
          ipraAids: input.ipraAids ? [...new Set(input.ipraAids)] : null,
          priorityCategory: input.priorityCategory ?? null,
          appliedAt: new Date(),
          appliedOn: onDate,
          requestedDays: input.requestedDays,
          deliveryRequired: delivery.required,
          deliveryReason: `${delivery.reason} (${delivery.rule})`,
          status: ApplicationStatus.QUEUED,
          submittedBy: ctx.identity.subject,
        });
        const itemId = waiting === 0 ? await takeFreeItem(em, point.id, aidType.code) : null;
        let contract: RentalContract | null = null;
        if (itemId) contract = drawUpContract(em, application, aidType, itemId, onDate);
        ctx.audit.recordWrite(em, 'applyForRental', [input.personId]);
        await em.flush();
        const queuePosition = contract ? null : await this.positionOf(em, application);
        return payload(application, contract, queuePosition, true);
      });
    } catch (error) {
      // Two retries with one key raced: the loser answers with the winner's application.
      if (key && error instanceof UniqueConstraintViolationException) {
        const again = await this.existing(ctx, key, input.personId);
        if (again) return again;
      }
      throw error;
    }
  }

  private async existing(ctx: HubContext, idempotencyKey: string, personId: string) {
    const em = ctx.em.fork();
    const application = await em.findOne(RentalApplication, { idempotencyKey });
    if (!application) return null;
    if (application.personId !== personId) {
      throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another person', { field: 'idempotencyKey' });
    }
    const contract = await em.findOne(RentalContract, { application: application.id });
    const position = application.status === ApplicationStatus.QUEUED ? await this.positionOf(em, application) : null;
    return payload(application, contract, position, false);
  }

  private async positionOf(em: HubContext['em'], application: RentalApplication): Promise<number> {
    const queue = await queueOf(em, application.rentalPoint.id, application.aidType.code);
    return queue.findIndex((a) => a.id === application.id) + 1;
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => RentalQueueEntryConnection, {
    nullable: true,
    description:
      'The queue of a point for an aid kind in serving order: out of turn first, then first come, first served (seed 004 annex 1 §2.2). ' +
      'Keyset pages: the next page starts after the last applicant seen even when someone is served or queued out of turn meanwhile. ' +
      'For rental fund specialists.',
  })
  async rentalQueue(@Args() args: RentalQueueArgs, @Ctx() ctx: HubContext) {
    requireRentalSpecialist(ctx);
    const first = checkPageSize(args.first);
    const after = decodeCursor(args.after, 3);
    // The whole queue of one point and aid is ordered by the rule (rules/queue.ts); positions count from its head.
    const queue = await queueOf(ctx.em, args.rentalPointId, args.aidCode);
    const entries = queue.map((application, i) => ({ position: i + 1, outOfTurn: application.priorityCategory != null, application }));
    const start = after ? entries.findIndex((e) => keyAfter(queueKey(e.application), after)) : 0;
    const rows = start < 0 ? [] : entries.slice(start, start + first + 1);
    ctx.audit.read(
      'rentalQueue',
      rows.slice(0, first).map((e) => e.application.personId),
    );
    return pageOf(rows, entries.length, first, after, (e) => queueKey(e.application));
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => WithdrawRentalApplicationPayload, {
    description:
      'The applicant no longer waits: the application leaves the queue (status WITHDRAWN); an item reserved for them goes on to the next ' +
      'in the queue. Only a queued or reserved application can be withdrawn (ILLEGAL_TRANSITION otherwise, as a userError). ' +
      'For rental fund specialists.',
  })
  async withdrawRentalApplication(
    @Arg('input', { description: 'The application to withdraw.' }) input: WithdrawRentalApplicationInput,
    @Ctx() ctx: HubContext,
  ): Promise<WithdrawRentalApplicationPayload> {
    requireRentalSpecialist(ctx);
    const id = input.rentalApplicationId;
    return payloadOf(ctx, () =>
      ctx.em.transactional(async (em) => {
        const application = isUuid(id) ? await em.findOne(RentalApplication, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
        if (!application) throw notFound('Rental application', id);
        if (application.status !== ApplicationStatus.QUEUED && application.status !== ApplicationStatus.RESERVED) {
          throw illegalTransition(`Only a queued or reserved application can be withdrawn; this one is ${application.status}`, {
            status: application.status,
          });
        }
        const held = application.status === ApplicationStatus.RESERVED ? application.reservedItem : null;
        application.status = ApplicationStatus.WITHDRAWN;
        const affected = [application.personId];
        if (held) {
          // The person no longer wants the item reserved for them: it goes on to the next in the queue (issue 15 §5.5).
          const item = await em.findOneOrFail(RentalItem, { id: held.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          item.onLoan = false;
          await em.flush();
          const next = item.condition === ItemCondition.WORKING_ORDER ? await reserveForQueue(em, item, today()) : null;
          if (next) affected.push(next.personId);
        }
        ctx.audit.recordWrite(em, 'withdrawRentalApplication', affected);
        return { application };
      }),
    );
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The applicant (resolved by social protection); null when social protection cannot show the person.',
  })
  person(@Root() application: RentalApplication): Pick<Person, 'id'> {
    return { id: application.personId };
  }

  @FieldResolver(() => AidType, { nullable: true, description: 'The aid kind applied for (seed 004 annex 1 annex 3).' })
  aidKind(@Root() application: RentalApplication, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, AidType, 'code').load(application.aidType.code);
  }

  @FieldResolver(() => RentalPoint, { nullable: true, description: 'The rental point applied to.' })
  rentalPoint(@Root() application: RentalApplication, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalPoint, 'id').load(application.rentalPoint.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the needed aid is listed in the IPRA presented (free on grounds §2.1.1–2.1.2, seed 004 annex 1 §4.2).',
  })
  aidInIpra(@Root() application: RentalApplication): boolean {
    return aidInIpra(application, application.aidType.code);
  }
}

function payload(
  application: RentalApplication,
  contract: RentalContract | null,
  queuePosition: number | null,
  created: boolean,
): Omit<ApplyForRentalPayload, 'userErrors'> {
  if (contract) {
    return {
      outcome: RentalOutcome.ISSUED,
      application,
      contract,
      queuePosition: null,
      message: `Contract ${contract.contractNumber} made; the aid is handed over today with act ${contract.handOverActNumber} (seed 004 annex 1 §3.4)`,
      created,
    };
  }
  return {
    outcome: RentalOutcome.QUEUED,
    application,
    contract: null,
    queuePosition,
    message: `No item of this aid is free at the point; the application is queued at position ${queuePosition} (seed 004 annex 1 §3.3, §2.2)`,
    created,
  };
}
