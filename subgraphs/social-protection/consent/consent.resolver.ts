import { randomUUID } from 'node:crypto';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Connection } from '../../kit/platform/connection';
import { HistoryArgs } from '../platform/history-args';
import { historyPage } from '../platform/history-page';
import { refusable } from '../../kit/policy/agency-access';
import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { badInput, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { MutationPayload, payloadOf } from '../../kit/platform/user-errors';
import { today } from '../../kit/platform/clock';
import { Person } from '../person/person.entity';
import { PersonalData } from '../person/person.policy';
import { createOnce } from '../platform/create-once';
import { coordinatesPerson } from '../support-case/support-case.policy';
import { Consent } from './consent.entity';
import { validateConsent } from './consent.rules';

@InputType({ description: 'A written consent to exchange of data, as signed by the person or their legal representative.' })
class GiveConsentInput {
  @Field(() => ID, { description: 'The person the consent is about, a member of one of my families.' })
  personId!: string;

  @Field(() => [String], { description: 'Agency codes the consent covers, e.g. HEALTH, EDUCATION (152-FZ art. 9: consent is specific).' })
  agencies!: string[];

  @Field(() => LocalDate, { nullable: true, description: 'Day the consent was signed; today by default.' })
  givenOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the consent covers; leave out for a consent without a term.' })
  expiresOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Legal representative who signed for the person.' })
  signedByPersonId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Client-supplied key: a retry with the same key answers the consent the first call recorded.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'The revocation of a consent by the person or their legal representative (seed 001 §1.5).' })
class RevokeConsentInput {
  @Field(() => ID, { description: 'The consent to revoke.' })
  consentId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day of revocation; today by default. Takes effect on the next request.' })
  revokedOn?: string | null;
}

@ObjectType({ description: 'What giveConsent changed: the consent and the person, whose `agencyAccess` and route now follow it.' })
class GiveConsentPayload extends MutationPayload {
  @Field(() => Consent, { nullable: true, description: 'The consent recorded (or found by its idempotencyKey); null when refused.' })
  consent?: Consent | null;

  @Field(() => Person, { nullable: true, description: 'The person: refetch `agencyAccess` or the route from here; null when refused.' })
  person?: Person | null;
}

@ObjectType({ description: "What revokeConsent changed: the consent and the person, whose other agencies' data is hidden from now on." })
class RevokeConsentPayload extends MutationPayload {
  @Field(() => Consent, { nullable: true, description: 'The revoked consent; null when refused.' })
  consent?: Consent | null;

  @Field(() => Person, { nullable: true, description: 'The person: refetch `agencyAccess` or the route from here; null when refused.' })
  person?: Person | null;
}

@ObjectType({ description: "A page of a person's consents." })
export class ConsentConnection extends Connection(Consent) {}

@Resolver(() => Person)
export class ConsentResolver {
  @PersonalData('SENSITIVE')
  @FieldResolver(() => ConsentConnection, {
    nullable: true,
    description: refusable(
      'Consents to exchange given for this person, by the day given then id, optionally those given within `period` (coordinator of the family).',
    ),
  })
  async consents(@Root() person: Person, @Args() args: HistoryArgs, @Ctx() ctx: HubContext) {
    const rows = await loaderManyBy(ctx, Consent, 'person', { givenOn: 'asc' }).load(person.id);
    return historyPage(rows, args, (c) => [c.givenOn, c.id]);
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => GiveConsentPayload, {
    description: 'Records a consent to exchange (seed 004 annex 5 §3.3.1; voluntary support, seed 001 §1.5).',
  })
  giveConsent(@Arg('input', { description: 'The consent as signed.' }) input: GiveConsentInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const givenOn = input.givenOn ?? today();
      const agencies = validateConsent({ agencies: input.agencies, givenOn, expiresOn: input.expiresOn });
      if (!(await coordinatesPerson(ctx, input.personId)))
        throw forbidden('Consents are recorded by the coordinator of the person’s family');
      const consent = await createOnce(
        ctx,
        Consent,
        input.idempotencyKey,
        (found) => found.person.id === input.personId,
        async (em) => {
          const created = em.create(Consent, {
            id: randomUUID(),
            person: input.personId,
            agencies,
            givenOn,
            expiresOn: input.expiresOn ?? null,
            revokedOn: null,
            signedByPersonId: input.signedByPersonId ?? null,
          });
          ctx.audit.recordWrite(em, 'giveConsent', [input.personId]);
          return created;
        },
      );
      return { consent, person: await loaderBy(ctx, Person, 'id').load(input.personId) };
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => RevokeConsentPayload, {
    description: 'Revokes a consent; other agencies’ data about the person is hidden from the next request on.',
  })
  revokeConsent(
    @Arg('input', { description: 'The consent and the day of revocation.' }) input: RevokeConsentInput,
    @Ctx() ctx: HubContext,
  ) {
    return payloadOf(ctx, async () => {
      const consent = await ctx.em.transactional(async (em) => {
        const found = await em.findOne(Consent, { id: input.consentId });
        if (!found) throw notFound('Consent', input.consentId);
        if (!(await coordinatesPerson(ctx, found.person.id)))
          throw forbidden('Consents are revoked by the coordinator of the person’s family');
        if (found.revokedOn) throw badInput('The consent is already revoked', { revokedOn: found.revokedOn });
        const revokedOn = input.revokedOn ?? today();
        if (revokedOn < found.givenOn) throw badInput('A consent cannot be revoked before it was given', { field: 'revokedOn' });
        found.revokedOn = revokedOn;
        ctx.audit.recordWrite(em, 'revokeConsent', [found.person.id]);
        return found;
      });
      return { consent, person: await loaderBy(ctx, Person, 'id').load(consent.person.id) };
    });
  }
}

@Resolver(() => Consent)
export class ConsentFieldsResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person the consent is about.' })
  person(@Root() consent: Consent, @Ctx() ctx: HubContext): Promise<Person | null> {
    return loaderBy(ctx, Person, 'id').load(consent.person.id);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The legal representative who signed for the person; null when the person signed.',
  })
  signedByPerson(@Root() consent: Consent, @Ctx() ctx: HubContext): Promise<Person | null> | null {
    return consent.signedByPersonId ? loaderBy(ctx, Person, 'id').load(consent.signedByPersonId) : null;
  }
}
