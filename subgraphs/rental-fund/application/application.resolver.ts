import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { badInput, illegalTransition, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { normalizeSnils } from '../../kit/domain/snils';
import { RentalContract } from '../contract/rental-contract.entity';
import { aidInIpra, drawUpContract, queueOf, takeFreeItem } from '../contract/booking';
import { ApplicationStatus, DocumentKind, PriorityCategory, RentalGround, RentalOutcome } from '../enums';
import { Person } from '../person/person.entity';
import { requireMayApply, requireRentalSpecialist } from '../policy';
import { assertInitialTerm } from '../rules/contract-term';
import { addDays, daysBetween } from '../rules/dates';
import { deliveryRequired } from '../rules/delivery';
import { assertApplicationComplete } from '../rules/eligibility';
import { rentalFee } from '../rules/pricing';
import { AidType } from '../stock/aid-type.entity';
import { RentalPoint } from '../stock/rental-point.entity';
import { RentalApplication } from './rental-application.entity';

@InputType({ description: 'An application for an aid (seed 004 annex 1 §3.2–3.3).' })
export class ApplyForRentalInput {
  @Field({ description: 'Client-supplied key: a retry with the same key returns the same application.' })
  idempotencyKey!: string;

  @Field(() => ID)
  personId!: string;

  @Field({ description: 'SNILS of the applicant (11 digits, checksum validated).' })
  snils!: string;

  @Field({ description: 'Aid type code, e.g. WHEELCHAIR_MANUAL.' })
  aidCode!: string;

  @Field(() => ID)
  rentalPointId!: string;

  @Field(() => RentalGround)
  ground!: RentalGround;

  @Field(() => [DocumentKind], { description: 'Kinds of documents presented (§3.3).' })
  documents!: DocumentKind[];

  @Field(() => [String], {
    nullable: true,
    description: 'Aid codes the presented IPRA lists (required when an IPRA is presented). Decides the price (§4.2).',
  })
  ipraAids?: string[] | null;

  @Field(() => PriorityCategory, { nullable: true, description: 'For applicants served out of turn (§2.2).' })
  priorityCategory?: PriorityCategory | null;

  @Field(() => Int, { description: 'Days of use needed; the term is at most 1 year (§3.6).' })
  requestedDays!: number;

  @Field({ description: 'Disability established by MSE (grounds §2.1.1–2.1.3 are for disabled people).' })
  isDisabled!: boolean;

  @Field(() => Int, { nullable: true, description: 'Disability group 1, 2 or 3; empty for none (or a disabled child).' })
  disabilityGroup?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'Birth date, for the over-70 delivery rule (§3.5).' })
  birthDate?: string | null;

  @Field({ defaultValue: false, description: 'Has lost the ability to care for oneself and/or to move (§3.5).' })
  cannotMoveOrSelfCare!: boolean;

  @Field({ description: 'Able-bodied relatives live with the applicant (then no delivery, §3.5).' })
  ableBodiedRelativesPresent!: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the application; today when omitted, never in the future.' })
  onDate?: string | null;
}

@ObjectType({ description: 'The answer to an application: a contract made at once, or a place in the queue.' })
export class ApplyForRentalPayload {
  @Field(() => RentalOutcome)
  outcome!: RentalOutcome;

  @Field(() => RentalApplication)
  application!: RentalApplication;

  @Field(() => RentalContract, { nullable: true, description: 'The contract, when an item was free.' })
  contract!: RentalContract | null;

  @Field(() => Int, { nullable: true, description: 'Place in the queue (1 = next), when queued.' })
  queuePosition!: number | null;

  @Field({ description: 'What to tell the applicant.' })
  message!: string;

  @Field({ description: 'False when this was a retry of an application already made (same idempotency key).' })
  created!: boolean;
}

@ObjectType({ description: 'One applicant waiting in a queue, in serving order.' })
export class RentalQueueEntry {
  @Field(() => Int)
  position!: number;

  @Field({ description: 'Served out of turn (seed 004 annex 1 §2.2).' })
  outOfTurn!: boolean;

  @Field(() => RentalApplication)
  application!: RentalApplication;
}

function checkInput(input: ApplyForRentalInput, onDate: string) {
  if (!input.idempotencyKey.trim() || input.idempotencyKey.length > 200)
    throw badInput('idempotencyKey must be 1–200 characters', { field: 'idempotencyKey' });
  if (daysBetween(today(), onDate, 'today', 'onDate') > 0) throw badInput('onDate must not be in the future', { field: 'onDate' });
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
  const group = input.disabilityGroup ?? null;
  if (group !== null && !input.isDisabled) throw badInput('A disability group needs isDisabled', { field: 'disabilityGroup' });
  const delivery = deliveryRequired({
    disabilityGroup: group as 1 | 2 | 3 | null,
    birthDate: input.birthDate ?? undefined,
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
      'Applies for an aid: when an item of the type is free at the point a contract is made at once (§3.3–3.4); ' +
      'otherwise the application waits in the queue (§2.2). Safe under concurrent bookings of the last item.',
  })
  async applyForRental(@Arg('input') input: ApplyForRentalInput, @Ctx() ctx: HubContext): Promise<ApplyForRentalPayload> {
    requireMayApply(ctx);
    const onDate = input.onDate ?? today();
    input.snils = normalizeSnils(input.snils);
    const delivery = checkInput(input, onDate);

    const retried = await this.existing(ctx, input.idempotencyKey);
    if (retried) return retried;

    const [aidType, point] = await Promise.all([
      ctx.em.findOne(AidType, { code: input.aidCode }),
      ctx.em.findOne(RentalPoint, { id: input.rentalPointId }),
    ]);
    if (!aidType) throw notFound('Aid type', input.aidCode);
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
          idempotencyKey: input.idempotencyKey,
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
      if (error instanceof UniqueConstraintViolationException) {
        const again = await this.existing(ctx, input.idempotencyKey);
        if (again) return again;
      }
      throw error;
    }
  }

  private async existing(ctx: HubContext, idempotencyKey: string): Promise<ApplyForRentalPayload | null> {
    const em = ctx.em.fork();
    const application = await em.findOne(RentalApplication, { idempotencyKey });
    if (!application) return null;
    const contract = await em.findOne(RentalContract, { application: application.id });
    const position = application.status === ApplicationStatus.QUEUED ? await this.positionOf(em, application) : null;
    return payload(application, contract, position, false);
  }

  private async positionOf(em: HubContext['em'], application: RentalApplication): Promise<number> {
    const queue = await queueOf(em, application.rentalPoint.id, application.aidType.code);
    return queue.findIndex((a) => a.id === application.id) + 1;
  }

  @Authorized(Role.SPECIALIST)
  @Query(() => [RentalQueueEntry], {
    description: 'The queue of a point for an aid type in serving order: out of turn first (§2.2), then first come, first served.',
  })
  async rentalQueue(
    @Arg('rentalPointId', () => ID) rentalPointId: string,
    @Arg('aidCode') aidCode: string,
    @Ctx() ctx: HubContext,
  ): Promise<RentalQueueEntry[]> {
    requireRentalSpecialist(ctx);
    const queue = await queueOf(ctx.em, rentalPointId, aidCode);
    ctx.audit.read(
      'rentalQueue',
      queue.map((a) => a.personId),
    );
    return queue.map((application, i) => ({ position: i + 1, outOfTurn: application.priorityCategory != null, application }));
  }

  @Authorized(Role.SPECIALIST)
  @Mutation(() => RentalApplication, { description: 'The applicant no longer waits: the application leaves the queue (status WITHDRAWN).' })
  async withdrawRentalApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<RentalApplication> {
    requireRentalSpecialist(ctx);
    return ctx.em.transactional(async (em) => {
      const application = await em.findOne(RentalApplication, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!application) throw notFound('Rental application', id);
      if (application.status !== ApplicationStatus.QUEUED) {
        throw illegalTransition(`Only a queued application can be withdrawn; this one is ${application.status}`, {
          status: application.status,
        });
      }
      application.status = ApplicationStatus.WITHDRAWN;
      ctx.audit.recordWrite(em, 'withdrawRentalApplication', [application.personId]);
      return application;
    });
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The applicant (resolved by social protection); null when social protection cannot show the person.',
  })
  person(@Root() application: RentalApplication): Pick<Person, 'id'> {
    return { id: application.personId };
  }

  @FieldResolver(() => AidType)
  aidType(@Root() application: RentalApplication, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, AidType, 'code').load(application.aidType.code);
  }

  @FieldResolver(() => RentalPoint)
  rentalPoint(@Root() application: RentalApplication, @Ctx() ctx: HubContext) {
    return loaderBy(ctx, RentalPoint, 'id').load(application.rentalPoint.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the needed aid is listed in the IPRA presented (free on grounds §2.1.1–2.1.2, §4.2).',
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
): ApplyForRentalPayload {
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
