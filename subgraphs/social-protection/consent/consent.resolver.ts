import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { refusable } from '../../kit/policy/agency-access';
import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { badInput, notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
import { LocalDate } from '../../kit/platform/scalars';
import { today } from '../../kit/platform/clock';
import { Person } from '../person/person.entity';
import { PersonalData } from '../person/person.policy';
import { coordinatesPerson } from '../support-case/support-case.policy';
import { Consent } from './consent.entity';
import { validateConsent } from './consent.rules';

@InputType({ description: 'A written consent to exchange of data, as signed by the person or their legal representative.' })
class GiveConsentInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => [String], { description: 'Agency codes the consent covers, e.g. HEALTH, EDUCATION.' })
  agencies!: string[];

  @Field(() => LocalDate, { nullable: true, description: 'Day the consent was signed; today by default.' })
  givenOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  expiresOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'Legal representative who signed for the person.' })
  signedByPersonId?: string | null;
}

@InputType()
class RevokeConsentInput {
  @Field(() => ID)
  consentId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day of revocation; today by default. Takes effect on the next request.' })
  revokedOn?: string | null;
}

@Resolver(() => Person)
export class ConsentResolver {
  @PersonalData('SENSITIVE')
  @FieldResolver(() => [Consent], {
    nullable: true,
    description: refusable('Consents to exchange given for this person (coordinator of the family).'),
  })
  consents(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Consent[]> {
    return loaderManyBy(ctx, Consent, 'person', { givenOn: 'asc' }).load(person.id);
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => Consent, { description: 'Records a consent to exchange (seed 004 annex 5 §3.3.1; voluntary support, seed 001 §1.5).' })
  async giveConsent(@Arg('input') input: GiveConsentInput, @Ctx() ctx: HubContext): Promise<Consent> {
    const givenOn = input.givenOn ?? today();
    const agencies = validateConsent({ agencies: input.agencies, givenOn, expiresOn: input.expiresOn });
    if (!(await coordinatesPerson(ctx, input.personId))) throw forbidden('Consents are recorded by the coordinator of the person’s family');
    return ctx.em.transactional(async (em) => {
      const consent = em.create(Consent, {
        id: randomUUID(),
        person: input.personId,
        agencies,
        givenOn,
        expiresOn: input.expiresOn ?? null,
        revokedOn: null,
        signedByPersonId: input.signedByPersonId ?? null,
      });
      ctx.audit.recordWrite(em, 'giveConsent', [input.personId]);
      return consent;
    });
  }

  @Authorized(Role.COORDINATOR)
  @Mutation(() => Consent, { description: 'Revokes a consent; other agencies’ data about the person is hidden from the next request on.' })
  async revokeConsent(@Arg('input') input: RevokeConsentInput, @Ctx() ctx: HubContext): Promise<Consent> {
    return ctx.em.transactional(async (em) => {
      const consent = await em.findOne(Consent, { id: input.consentId });
      if (!consent) throw notFound('Consent', input.consentId);
      if (!(await coordinatesPerson(ctx, consent.person.id)))
        throw forbidden('Consents are revoked by the coordinator of the person’s family');
      if (consent.revokedOn) throw badInput('The consent is already revoked', { revokedOn: consent.revokedOn });
      const revokedOn = input.revokedOn ?? today();
      if (revokedOn < consent.givenOn) throw badInput('A consent cannot be revoked before it was given');
      consent.revokedOn = revokedOn;
      ctx.audit.recordWrite(em, 'revokeConsent', [consent.person.id]);
      return consent;
    });
  }
}
