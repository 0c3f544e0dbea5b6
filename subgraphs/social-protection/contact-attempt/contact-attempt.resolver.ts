import { LockMode } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { today } from '../../kit/platform/clock';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { DomainError, ErrorCode } from '../../kit/platform/errors';
import { writeOnce } from '../../kit/platform/idempotency';
import { LocalDate } from '../../kit/platform/scalars';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { Role } from '../../kit/policy/roles';
import { Person } from '../person/person.entity';
import { SupportCase } from '../support-case/support-case.entity';
import { assertMayRunCase } from '../support-case/support-case.policy';
import { ContactMethod } from '../support-case/stages';
import { ContactAttempt, ContactOutcome } from './contact-attempt.entity';
import { assertContactAttempt, nextContactMethod } from './contact-attempt.rules';

@InputType({ description: 'An attempt to reach the citizen of a case: phone, home visit or letter (seed 003 §16–18).' })
class RecordContactAttemptInput {
  @Field(() => ID, { description: 'The support case, run by my organization and waiting for contact (IDENTIFIED).' })
  supportCaseId!: string;

  @Field(() => ContactMethod, {
    description: 'How the citizen was tried: phone first, then a home visit, then a letter (seed 003 §16–18).',
  })
  method!: ContactMethod;

  @Field(() => ContactOutcome, { description: 'What came of it.' })
  outcome!: ContactOutcome;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day of the attempt; today by default. Not before the case opened or the last attempt.',
  })
  attemptedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What happened, in Russian.' })
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the attempt the first call recorded.',
  })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'What recordContactAttempt recorded.' })
class RecordContactAttemptPayload extends MutationPayload {
  @Field(() => ContactAttempt, { nullable: true, description: 'The attempt recorded (or found by its idempotencyKey); null when refused.' })
  contactAttempt?: ContactAttempt | null;

  @Field(() => SupportCase, { nullable: true, description: 'The case, with all its attempts; null when refused.' })
  supportCase?: SupportCase | null;
}

/** The contact stage of a case (seed 003 §16–18): every attempt is recorded, and the next way follows from the failed ones. */
@Resolver(() => SupportCase)
export class ContactAttemptResolver {
  @Authorized(Role.COORDINATOR)
  @Mutation(() => RecordContactAttemptPayload, {
    description:
      'Records an attempt to reach the citizen of a case (seed 003 §16–18): a home visit only after a failed phone call (§17), a letter only after a failed visit (§18).',
  })
  recordContactAttempt(@Arg('input', { description: 'The attempt.' }) input: RecordContactAttemptInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const known = assertMayRunCase(ctx, await loaderBy(ctx, SupportCase, 'id').load(input.supportCaseId), input.supportCaseId);
      const attempt = await writeOnce(ctx, ContactAttempt, input.idempotencyKey ?? null, known.personId, async (em) => {
        const c = assertMayRunCase(
          ctx,
          await em.findOne(SupportCase, { id: input.supportCaseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }),
          input.supportCaseId,
        );
        const previous = await em.find(ContactAttempt, { supportCaseId: c.id }, { orderBy: { attemptedOn: 'asc', recordedAt: 'asc' } });
        const person = await em.findOne(Person, { id: c.personId });
        const attemptedOn = input.attemptedOn ?? today();
        assertContactAttempt(
          previous,
          { method: input.method, outcome: input.outcome, attemptedOn },
          { stage: c.stage, openedOn: c.openedOn, today: today(), hasPhone: Boolean(person?.phone) },
        );
        const created = em.create(ContactAttempt, {
          supportCaseId: c.id,
          personId: c.personId,
          attemptedOn,
          method: input.method,
          outcome: input.outcome,
          note: input.note?.trim() || null,
          recordedBy: ctx.identity.subject,
          recordedAt: new Date(),
          idempotencyKey: input.idempotencyKey ?? null,
        });
        ctx.audit.recordWrite(em, 'recordContactAttempt', [c.personId]);
        return created;
      });
      if (attempt.supportCaseId !== known.id) {
        // A key reused for another case of the same person is not a retry of this request.
        throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was already used for another case', { field: 'idempotencyKey' });
      }
      const supportCase = await ctx.em.fork().findOneOrFail(SupportCase, { id: known.id });
      return { contactAttempt: attempt, supportCase };
    });
  }

  @FieldResolver(() => [ContactAttempt], {
    description: 'Attempts to reach the citizen, oldest first (seed 003 §16–18): a few per case, made before contact.',
  })
  contactAttempts(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<ContactAttempt[]> {
    return loaderManyBy(ctx, ContactAttempt, 'supportCaseId', { attemptedOn: 'asc', recordedAt: 'asc' }).load(c.id);
  }

  @FieldResolver(() => ContactMethod, {
    nullable: true,
    description:
      'The way to try next while the case waits for contact (seed 003 §16–18): PHONE, then HOME_VISIT after a failed call, then POST after a failed visit; null once the citizen answered, a letter was posted, or the case has moved on.',
  })
  async nextContactMethod(@Root() c: SupportCase, @Ctx() ctx: HubContext): Promise<ContactMethod | null> {
    if (c.stage !== 'IDENTIFIED') return null;
    const [attempts, person] = await Promise.all([
      loaderManyBy(ctx, ContactAttempt, 'supportCaseId', { attemptedOn: 'asc', recordedAt: 'asc' }).load(c.id),
      loaderBy(ctx, Person, 'id').load(c.personId),
    ]);
    return nextContactMethod(attempts, Boolean(person?.phone));
  }
}
