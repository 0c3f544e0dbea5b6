import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_ORGANIZATIONS as ORG } from '../../kit/demo/organizations';
import { daysFromToday } from '../../kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE as P, demoBirthDate, demoDisability } from '../../kit/demo/people';
import { stableId } from '../../kit/domain/stable-id';
import { Family, FamilyMember, FamilyRelation } from '../family/family.entity';
import { Organization, OrganizationKind } from '../organization/organization.entity';
import { Consent } from '../consent/consent.entity';
import { ConsentSignatory } from '../consent/consent.rules';
import { ContactPreference, DisabilityGroup, Person, Sex } from '../person/person.entity';

/**
 * Three demo families (synthetic people) spread over three territories:
 * - Ivanov, Irkutsk: a mother and a 7-year-old disabled child using a wheelchair — consent to all agencies;
 * - Petrov, Bratsk: a father with disability group II in social employment, a mother, and a 2-year-old at risk;
 * - Smirnova, Angarsk: a 67-year-old woman with group I living alone, after surgery — no consent to exchange.
 * Birth dates and disability terms are laid out from today (kit/demo/people.ts), so everyone keeps their
 * age and target category whatever day the demo is loaded; a reload re-lays them.
 */
export async function loadDemoData(em: EntityManager): Promise<void> {
  const providers = Object.values(ORG).filter((o): o is typeof o & { agency: string; name: string } => 'agency' in o);
  await em.upsertMany(
    Organization,
    providers.map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      shortName: null,
      agency: o.agency,
      kind: OrganizationKind.CO_EXECUTOR,
      territory: o.oktmo,
      postalAddress: null,
      website: null,
      phone: null,
      email: null,
    })),
  );
  const person = (
    ref: { id: string; snils: string },
    data: Omit<Person, 'id' | 'snils' | 'hasLimitedHealthCapabilities' | 'isAtRisk' | 'isLegallyIncapable'> & Partial<Person>,
  ) => ({
    id: ref.id,
    snils: ref.snils,
    hasLimitedHealthCapabilities: false,
    isAtRisk: false,
    isLegallyIncapable: false,
    ...data,
  });
  const born = demoBirthDate;
  const artyomDisability = demoDisability('artyomIvanov');
  const none = {
    phone: null,
    email: null,
    contactPreference: null,
    disabilityGroup: null,
    disabilitySince: null,
    disabilityUntil: null,
    patronymic: null,
  };
  await em.upsertMany(Person, [
    person(P.elenaIvanova, {
      ...none,
      lastName: 'Иванова',
      firstName: 'Елена',
      patronymic: 'Сергеевна',
      birthDate: born('elenaIvanova'),
      sex: Sex.FEMALE,
      phone: '+7 914 000-00-01',
      contactPreference: ContactPreference.PHONE,
    }),
    person(P.artyomIvanov, {
      ...none,
      lastName: 'Иванов',
      firstName: 'Артём',
      patronymic: 'Олегович',
      birthDate: born('artyomIvanov'),
      sex: Sex.MALE,
      disabilityGroup: DisabilityGroup.DISABLED_CHILD,
      disabilitySince: artyomDisability.since,
      disabilityUntil: artyomDisability.until,
      hasLimitedHealthCapabilities: true,
    }),
    person(P.sergeyPetrov, {
      ...none,
      lastName: 'Петров',
      firstName: 'Сергей',
      patronymic: 'Иванович',
      birthDate: born('sergeyPetrov'),
      sex: Sex.MALE,
      phone: '+7 914 000-00-03',
      contactPreference: ContactPreference.PHONE,
      disabilityGroup: DisabilityGroup.II,
      disabilitySince: demoDisability('sergeyPetrov').since,
    }),
    person(P.olgaPetrova, {
      ...none,
      lastName: 'Петрова',
      firstName: 'Ольга',
      patronymic: 'Николаевна',
      birthDate: born('olgaPetrova'),
      sex: Sex.FEMALE,
      email: 'petrova.demo@example.org',
      contactPreference: ContactPreference.EMAIL,
    }),
    person(P.mashaPetrova, {
      ...none,
      lastName: 'Петрова',
      firstName: 'Мария',
      patronymic: 'Сергеевна',
      birthDate: born('mashaPetrova'),
      sex: Sex.FEMALE,
      isAtRisk: true,
    }),
    person(P.ninaSmirnova, {
      ...none,
      lastName: 'Смирнова',
      firstName: 'Нина',
      patronymic: 'Павловна',
      birthDate: born('ninaSmirnova'),
      sex: Sex.FEMALE,
      phone: '+7 914 000-00-06',
      contactPreference: ContactPreference.HOME_VISIT,
      disabilityGroup: DisabilityGroup.I,
      disabilitySince: demoDisability('ninaSmirnova').since,
    }),
  ]);
  await em.upsertMany(Family, [
    {
      id: DEMO_FAMILIES.ivanov,
      displayName: 'Ивановы',
      territory: ORG.irkutskOperator.oktmo,
      socialDistrict: 'Участок 3',
      address: 'г. Иркутск, ул. Демонстрационная, д. 1, кв. 1',
      operatorOrganization: ORG.irkutskOperator.id,
    },
    {
      id: DEMO_FAMILIES.petrov,
      displayName: 'Петровы',
      territory: ORG.bratskOperator.oktmo,
      socialDistrict: 'Участок 1',
      address: 'г. Братск, ул. Демонстрационная, д. 2, кв. 5',
      operatorOrganization: ORG.bratskOperator.id,
    },
    {
      id: DEMO_FAMILIES.smirnova,
      displayName: 'Смирнова',
      territory: ORG.angarskOperator.oktmo,
      socialDistrict: 'Участок 7',
      address: 'г. Ангарск, мкр. Демонстрационный, д. 3, кв. 9',
      operatorOrganization: ORG.angarskOperator.id,
    },
  ]);
  const member = (familyId: string, personId: string, relation: FamilyRelation, isLegalRepresentative = false) => ({
    id: stableId('family-member', `${familyId}:${personId}`),
    family: familyId,
    person: personId,
    relation,
    isLegalRepresentative,
  });
  await em.upsertMany(FamilyMember, [
    member(DEMO_FAMILIES.ivanov, P.elenaIvanova.id, FamilyRelation.PARENT, true),
    member(DEMO_FAMILIES.ivanov, P.artyomIvanov.id, FamilyRelation.CHILD),
    member(DEMO_FAMILIES.petrov, P.sergeyPetrov.id, FamilyRelation.PARENT, true),
    member(DEMO_FAMILIES.petrov, P.olgaPetrova.id, FamilyRelation.PARENT, true),
    member(DEMO_FAMILIES.petrov, P.mashaPetrova.id, FamilyRelation.CHILD),
    member(DEMO_FAMILIES.smirnova, P.ninaSmirnova.id, FamilyRelation.SELF),
  ]);
  await loadDemoConsents(em);
}

/** Consents of the demo: Ivanov to all agencies, Petrov to health and education only, Smirnova none; signed 448 days ago. */
export async function loadDemoConsents(em: EntityManager): Promise<void> {
  const all = ['HEALTH', 'EDUCATION', 'EMPLOYMENT', 'RENTAL_FUND'];
  const givenOn = daysFromToday(-448);
  const consent = (personId: string, agencies: string[], signedBy: string | null) => ({
    id: stableId('consent', personId),
    person: personId,
    agencies,
    givenOn,
    expiresOn: null,
    revokedOn: null,
    signedByPersonId: signedBy,
    // The demo's children are signed for by a parent recorded as legal representative (consent.rules.ts).
    signedAs: signedBy ? ConsentSignatory.PARENT : ConsentSignatory.PERSON,
  });
  await em.upsertMany(Consent, [
    consent(P.elenaIvanova.id, all, null),
    consent(P.artyomIvanov.id, all, P.elenaIvanova.id),
    consent(P.sergeyPetrov.id, ['HEALTH', 'EDUCATION'], null),
    consent(P.olgaPetrova.id, ['HEALTH', 'EDUCATION'], null),
    consent(P.mashaPetrova.id, ['HEALTH', 'EDUCATION'], P.olgaPetrova.id),
  ]);
}
