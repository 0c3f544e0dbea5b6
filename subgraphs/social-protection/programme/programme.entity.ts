import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { MeasurePeriodicity } from './measure-execution.entity';

/** seed 003 §30: support only → IPSS; services and support → IPPSU with a support section. */
export enum ProgrammeKind {
  SUPPORT_PROGRAMME = 'SUPPORT_PROGRAMME',
  SERVICE_PROGRAMME = 'SERVICE_PROGRAMME',
}
registerEnumType(ProgrammeKind, {
  name: 'ProgrammeKind',
  description: 'Which programme was agreed: support only, or social services with a support section (seed 003 §30).',
  valuesConfig: {
    SUPPORT_PROGRAMME: { description: 'IPSS: an individual programme of support measures only (seed 003 §30).' },
    SERVICE_PROGRAMME: { description: 'IPPSU: an individual programme of social services with a social support section (seed 003 §30).' },
  },
});

export enum MeasureKind {
  MEDICAL = 'MEDICAL',
  PSYCHOLOGICAL = 'PSYCHOLOGICAL',
  PEDAGOGICAL = 'PEDAGOGICAL',
  LEGAL = 'LEGAL',
  SOCIAL = 'SOCIAL',
  EMPLOYMENT = 'EMPLOYMENT',
  TECHNICAL_AID = 'TECHNICAL_AID',
  SOCIAL_SERVICE = 'SOCIAL_SERVICE',
  OTHER = 'OTHER',
}
registerEnumType(MeasureKind, {
  name: 'MeasureKind',
  description: 'Kind of help a support measure brings (seed 003 §8.15).',
  valuesConfig: {
    MEDICAL: { description: 'Medical help: examination, treatment, medical rehabilitation.' },
    PSYCHOLOGICAL: { description: 'Psychological help.' },
    PEDAGOGICAL: { description: 'Pedagogical help: early help, education, correction.' },
    LEGAL: { description: 'Legal help.' },
    SOCIAL: { description: 'Social help: benefits, documents, everyday matters.' },
    EMPLOYMENT: { description: 'Help with work: vocational guidance, training, a job.' },
    TECHNICAL_AID: { description: 'Technical aids for rehabilitation (rental fund).' },
    SOCIAL_SERVICE: { description: 'Social services under the IPPSU.' },
    OTHER: { description: 'Any other help, described in the title.' },
  },
});

export enum MeasureStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeasureStatus, {
  name: 'MeasureStatus',
  description: "Where a measure stands; its referral's answers move it (IN_PROGRESS, DONE).",
  valuesConfig: {
    PLANNED: { description: 'Planned in the programme, not started.' },
    IN_PROGRESS: { description: 'The executor is carrying it out.' },
    DONE: { description: 'Carried out.' },
    CANCELLED: { description: 'Called off.' },
  },
});

/** The individual programme agreed with the citizen (seed 003 §30, seed 004 §3.2.7). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An IPSS or an IPPSU with a support section, agreed with the citizen.' })
@Entity({ tableName: 'programme' })
export class Programme {
  @Field(() => ID, { description: 'Hub id of the programme.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'supportCaseId', description: 'Id of the support case the programme belongs to (edge: `supportCase`).' })
  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Field(() => ID, { description: 'Id of the person the programme is for (edge: `person`).' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ProgrammeKind, { description: 'IPSS or IPPSU with a support section (seed 003 §30).' })
  @Enum({ items: () => ProgrammeKind, nativeEnumName: 'programme_kind' })
  kind!: ProgrammeKind;

  @Field(() => LocalDate, { description: 'Day the citizen agreed the programme (seed 003 ch. 7).' })
  @Property({ type: 'date' })
  agreedOn!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the IPPSU was approved: its implementation starts within 15 working days (seed 004 §3.2.8); null for an IPSS.',
  })
  @Property({ type: 'date', nullable: true })
  approvedOn: string | null = null;

  // GraphQL: Programme.period (programme.resolver.ts).
  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date' })
  validUntil!: string;
}

/** The support agreement signed for the term the programme needs (seed 001 §3.3(4)). */
@ObjectType({ description: 'Support agreement with the family for the term of the programme (seed 001 §3.3(4)).' })
@Entity({ tableName: 'support_agreement' })
export class SupportAgreement {
  @Field(() => ID, { description: 'Hub id of the agreement.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // Reached from its programme only (Programme.agreement): no edge back.
  @Property({ type: 'uuid', index: true })
  programmeId!: string;

  @Field(() => String, { nullable: true, description: 'Number of the agreement as written on it; null when unnumbered.' })
  @Property({ type: 'text', nullable: true })
  number!: string | null;

  @Field(() => LocalDate, { description: 'Day the agreement was signed.' })
  @Property({ type: 'date' })
  signedOn!: string;

  // GraphQL: SupportAgreement.period (programme.resolver.ts).
  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date' })
  validUntil!: string;
}

/** One measure of a programme, often carried out by an organization of another agency (seed 003 §22, §27). */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A measure of a programme with its executing organization and planned dates.' })
@Entity({ tableName: 'measure' })
export class Measure {
  @Field(() => ID, { description: 'Hub id of the measure.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'Id of the programme the measure belongs to (edge: `programme`).' })
  @Property({ type: 'uuid', index: true })
  programmeId!: string;

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Field(() => ID, { description: 'Id of the person the measure is for (edge: `person`).' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => MeasureKind, { description: 'Kind of help the measure brings (seed 003 §8.15).' })
  @Enum({ items: () => MeasureKind, nativeEnumName: 'measure_kind' })
  kind!: MeasureKind;

  @Field({ description: 'What the measure is, in Russian as the coordinator wrote it.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ID, { description: 'Id of the organization that carries out the measure (edge: `executingOrganization`).' })
  @Property({ type: 'uuid', index: true })
  executingOrganizationId!: string;

  @Field({ description: 'Agency of the executing organization (SOCIAL_PROTECTION, HEALTH, EDUCATION, …).' })
  @Property({ type: 'string', length: 64 })
  executorAgency!: string;

  // GraphQL: Measure.plannedPeriod (programme.resolver.ts).
  @Property({ type: 'date' })
  plannedFrom!: string;

  @Property({ type: 'date' })
  plannedTo!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Volume: how many times the service is given over the planned period (seed 003 §8.17–18); null when the programme states none.',
  })
  @Property({ type: 'integer', nullable: true })
  volume: number | null = null;

  @Field(() => MeasurePeriodicity, {
    nullable: true,
    description: 'How often the service is given (seed 003 §8.17–18); null when not stated.',
  })
  @Enum({ items: () => MeasurePeriodicity, nativeEnumName: 'measure_periodicity', nullable: true })
  periodicity: MeasurePeriodicity | null = null;

  @Field(() => MeasureStatus, { description: "Where the measure stands; its referral's answers move it." })
  @Enum({ items: () => MeasureStatus, nativeEnumName: 'measure_status' })
  status: MeasureStatus = MeasureStatus.PLANNED;

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}
