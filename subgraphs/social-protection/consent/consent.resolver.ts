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
import { FamilyMember } from '../family/family.entity';
import { createOnce } from '../platform/create-once';
import { coordinatesPerson } from '../support-case/support-case.policy';
import { Consent } from './consent.entity';
import { citizenActsFor, ConsentsOfPerson } from './citizen.policy';
import { consentSignatory, type ConsentSignatory } from './consent.rules';
import { validateConsent } from './consent.rules';

@InputType({ description: 'A written consent to exchange of data, as signed by the person or their legal representative.' })
class GiveConsentInput {
  @Field(() => ID, {
    description:
      'The person the consent is about: a member of one of my families (coordinator), or myself or the person I represent (citizen).',
  })
  personId!: string;

  @Field(() => [String], { description: 'Agency codes the consent covers, e.g. HEALTH, EDUCATION (152-FZ art. 9: consent is specific).' })
  agencies!: string[];

  @Field(() => LocalDate, { nullable: true, description: 'Day the consent was signed; today by default.' })
  givenOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day the consent covers; leave out for a consent without a term.' })
  expiresOn?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Legal representative who signed for a minor or an incapable adult, recorded as such in the family (152-FZ art. 9 §6); leave out when the person signed. ' +
      'A citizen signing for the person they represent is that representative.',
  })
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
  @ConsentsOfPerson()
  @FieldResolver(() => ConsentConnection, {
    nullable: true,
    description: refusable(
      'Consents to exchange given for this person, by the day given then id, optionally those given within `period` (coordinator of the family, or the citizen who is or represents the person).',
    ),
  })
  async consents(@Root() person: Person, @Args() args: HistoryArgs, @Ctx() ctx: HubContext) {
    const rows = await loaderManyBy(ctx, Consent, 'person', { givenOn: 'asc' }).load(person.id);
    return historyPage(rows, args, (c) => [c.givenOn, c.id]);
  }

  @Authorized(Role.COORDINATOR, Role.CITIZEN)
  @Mutation(() => GiveConsentPayload, {
    description:
      'Records a consent to exchange (seed 004 annex 1 annex 5 §3.3.1; voluntary support, seed 001 §1.5), recorded by the coordinator of the ' +
      'family or given by the citizen themself. A minor or an incapable adult is signed for by a legal representative recorded in the family ' +
      '(152-FZ art. 9 §6); anyone else signing is RULE_VIOLATION, as a userError.',
  })
  giveConsent(@Arg('input', { description: 'The consent as signed.' }) input: GiveConsentInput, @Ctx() ctx: HubContext) {
    return payloadOf(ctx, async () => {
      const givenOn = input.givenOn ?? today();
      const agencies = validateConsent({ agencies: input.agencies, givenOn, expiresOn: input.expiresOn });
      const signedBy = await signerOf(ctx, input.personId, input.signedByPersonId ?? null);
      const signedAs = await checkedSignatory(ctx, input.personId, signedBy);
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
            signedByPersonId: signedBy,
            signedAs,
          });
          ctx.audit.recordWrite(em, 'giveConsent', [input.personId]);
          return created;
        },
      );
      return { consent, person: await loaderBy(ctx, Person, 'id').load(input.personId) };
    });
  }

  @Authorized(Role.COORDINATOR, Role.CITIZEN)
  @Mutation(() => RevokeConsentPayload, {
    description:
      'Revokes a consent (by the coordinator of the family, or by the citizen who is or represents the person); other agencies’ data ' +
      'about the person is hidden from the next request on.',
  })
  revokeConsent(
    @Arg('input', { description: 'The consent and the day of revocation.' }) input: RevokeConsentInput,
    @Ctx() ctx: HubContext,
  ) {
    return payloadOf(ctx, async () => {
      const consent = await ctx.em.transactional(async (em) => {
        const found = await em.findOne(Consent, { id: input.consentId });
        if (!found) throw notFound('Consent', input.consentId);
        if (!(await coordinatesPerson(ctx, found.person.id)) && !(await citizenActsFor(ctx, found.person.id))) {
          ctx.audit.denied('revokeConsent', found.person.id, 'FORBIDDEN');
          throw forbidden('Consents are revoked by the coordinator of the person’s family, or by the person or their legal representative');
        }
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

/**
 * Who signed, as the caller may state it: a coordinator of the person's family records the signer named on the paper;
 * a citizen signs themself — for themself, or as the legal representative they are. Anyone else is FORBIDDEN (audited).
 */
async function signerOf(ctx: HubContext, personId: string, named: string | null): Promise<string | null> {
  if (await coordinatesPerson(ctx, personId)) return named;
  const actsAs = await citizenActsFor(ctx, personId);
  if (actsAs === null) {
    ctx.audit.denied('giveConsent', personId, 'FORBIDDEN');
    throw forbidden(
      'Consents are recorded by the coordinator of the person’s family, or given by the person or their legal representative',
    );
  }
  const me = ctx.identity.personId!;
  if (named && named !== me) throw forbidden('A citizen signs a consent themself, not for another signer');
  return actsAs === 'PERSON' ? null : me;
}

/** The signatory rule (consent.rules.ts) on the recorded family data of the person and the signer. */
async function checkedSignatory(ctx: HubContext, personId: string, signedBy: string | null): Promise<ConsentSignatory> {
  const person = await loaderBy(ctx, Person, 'id').load(personId);
  if (!person) throw notFound('Person', personId);
  const ids = signedBy ? [personId, signedBy] : [personId];
  const rows = (await loaderManyBy(ctx, FamilyMember, 'person').loadMany(ids)).flatMap((r) => (Array.isArray(r) ? r : []));
  return consentSignatory(
    { id: person.id, birthDate: person.birthDate, isLegallyIncapable: person.isLegallyIncapable },
    signedBy,
    rows.map((m) => ({
      familyId: m.family.id,
      personId: m.person.id,
      relation: m.relation,
      isLegalRepresentative: m.isLegalRepresentative,
    })),
    today(),
  );
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
