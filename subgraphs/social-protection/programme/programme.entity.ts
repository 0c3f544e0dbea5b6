import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/** seed 003 §30: support only → IPSS; services and support → IPPSU with a support section. */
export enum ProgrammeKind {
  SUPPORT_PROGRAM = 'SUPPORT_PROGRAM',
  SERVICE_PROGRAM = 'SERVICE_PROGRAM',
}
registerEnumType(ProgrammeKind, {
  name: 'ProgrammeKind',
  description: 'SUPPORT_PROGRAM: IPSS, support measures only; SERVICE_PROGRAM: IPPSU with a social support section (seed 003 §30).',
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
registerEnumType(MeasureKind, { name: 'MeasureKind', description: 'Kind of help a support measure brings (seed 003 §8.15).' });

export enum MeasureStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeasureStatus, { name: 'MeasureStatus' });

/** The individual programme agreed with the citizen (seed 003 §30, seed 004 §3.2.7). */
@ObjectType({ description: 'An IPSS or an IPPSU with a support section, agreed with the citizen.' })
@Entity({ tableName: 'programme' })
export class Programme {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => ProgrammeKind)
  @Enum({ items: () => ProgrammeKind, nativeEnumName: 'programme_kind' })
  kind!: ProgrammeKind;

  @Field(() => LocalDate, {
    description: 'Day the citizen agreed the programme; implementation starts within 15 working days (seed 004 §3.2.8).',
  })
  @Property({ type: 'date' })
  agreedOn!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  validUntil!: string;
}

/** The support agreement signed for the term the programme needs (seed 001 §3.3(4)). */
@ObjectType({ description: 'Support agreement with the family for the term of the programme (seed 001 §3.3(4)).' })
@Entity({ tableName: 'support_agreement' })
export class SupportAgreement {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  programmeId!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  number!: string | null;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  signedOn!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  validUntil!: string;
}

/** One measure of a programme, often carried out by an organization of another agency (seed 003 §22, §27). */
@ObjectType({ description: 'A measure of a programme with its executing organization and planned dates.' })
@Entity({ tableName: 'measure' })
export class Measure {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  programmeId!: string;

  @Property({ type: 'uuid', index: true })
  caseId!: string;

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => MeasureKind)
  @Enum({ items: () => MeasureKind, nativeEnumName: 'measure_kind' })
  kind!: MeasureKind;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ID, { description: 'Organization that carries out the measure.' })
  @Property({ type: 'uuid', index: true })
  executingOrganizationId!: string;

  @Field({ description: 'Agency of the executing organization (SOCIAL_PROTECTION, HEALTH, EDUCATION, …).' })
  @Property({ type: 'string', length: 64 })
  executorAgency!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  plannedFrom!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  plannedTo!: string;

  @Field(() => MeasureStatus)
  @Enum({ items: () => MeasureStatus, nativeEnumName: 'measure_status' })
  status: MeasureStatus = MeasureStatus.PLANNED;
}
