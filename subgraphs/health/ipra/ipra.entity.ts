import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';
import { IpraSection } from './ipra-sections';

/** The disability the IPRA concerns, as established by the MSE bureau. */
export enum IpraDisabilityGroup {
  I = 'I',
  II = 'II',
  III = 'III',
  DISABLED_CHILD = 'DISABLED_CHILD',
}
registerEnumType(IpraDisabilityGroup, {
  name: 'IpraDisabilityGroup',
  description: 'Disability group the IPRA is issued for: I, II, III or "disabled child".',
});

/** What the executor of a measure has reported back. */
export enum IpraMeasureExecutionStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  /** Not carried out; the reason is required (the citizen refused, contraindications, no provider). */
  NOT_DONE = 'NOT_DONE',
}
registerEnumType(IpraMeasureExecutionStatus, {
  name: 'IpraMeasureExecutionStatus',
  description: 'Execution of an IPRA measure as reported by its executor: NOT_STARTED, IN_PROGRESS, DONE, NOT_DONE (with a reason).',
});

/**
 * An individual rehabilitation/habilitation programme (ИПРА), issued by a federal MSE bureau
 * (seed 003 §3 item 8) and registered by health when the extract arrives. Its number is the bureau's
 * own and unique: registering the same number twice returns the first registration.
 */
@ObjectType({ description: 'An IPRA: the individual rehabilitation/habilitation programme issued by the federal MSE bureau.' })
@Entity({ tableName: 'ipra' })
export class Ipra {
  [OptionalProps]?: 'registeredAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Number of the IPRA as the MSE bureau registered it, e.g. 1234.5.38/2025.' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @Field(() => ID, { description: 'The hub person the IPRA is issued to.' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field({ description: "The person's SNILS as written in the IPRA (11 digits)." })
  @Property({ type: 'text', index: true })
  personSnils!: string;

  @Field(() => LocalDate, { description: 'Date of issue.' })
  @Property({ type: 'date' })
  issuedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Valid until (usually the next re-examination); null when issued indefinitely.' })
  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Field(() => IpraDisabilityGroup)
  @Enum({ items: () => IpraDisabilityGroup, nativeEnumName: 'ipra_disability_group' })
  disabilityGroup!: IpraDisabilityGroup;

  @Field({ description: 'Cause of disability in the words of the bureau, e.g. "общее заболевание", "инвалидность с детства".' })
  @Property({ type: 'text' })
  disabilityCause!: string;

  @Field({ description: 'The federal MSE bureau (bureau-branch) that issued the IPRA.' })
  @Property({ type: 'text' })
  mseBureauName!: string;

  @Property({ type: 'timestamptz' })
  registeredAt: Date = new Date();

  @Property({ type: 'text' })
  registeredBy!: string;
}

/**
 * One measure of an IPRA section with its recommended period and the agency and organization
 * that execute it; the executor reports execution back (reportIpraMeasureExecution).
 */
@ObjectType({ description: 'A measure of an IPRA section: what, when, who executes it, and how far it is done.' })
@Entity({ tableName: 'ipra_measure' })
@Index({ properties: ['executorOrganizationId'] })
export class IpraMeasure {
  [OptionalProps]?: 'executionStatus' | 'executionReportedOn' | 'notDoneReason' | 'ipraId';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Ipra, { ref: true, index: true, deleteRule: 'cascade' })
  ipra!: Ref<Ipra>;

  @Field(() => ID, { description: 'The person of the IPRA (kept on the measure so a route loads measures in one statement).' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => IpraSection)
  @Enum({ items: () => IpraSection, nativeEnumName: 'ipra_section' })
  section!: IpraSection;

  @Field({
    description: 'The measure as the bureau wrote it, e.g. "Восстановительная терапия", "Кресло-коляска с ручным приводом прогулочная".',
  })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => LocalDate, { description: 'Start of the recommended period.' })
  @Property({ type: 'date' })
  periodFrom!: string;

  @Field(() => LocalDate, { description: 'End of the recommended period.' })
  @Property({ type: 'date' })
  periodTo!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Agency that executes the measure, derived from the section (HEALTH, EMPLOYMENT, EDUCATION, SOCIAL_PROTECTION); null for technical aids, which the social fund provides.',
  })
  @Property({ type: 'text', nullable: true })
  executorAgency!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Organization that executes the measure (hub directory id); null while none is assigned.',
  })
  @Property({ type: 'uuid', nullable: true })
  executorOrganizationId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Technical aids only: the aid code, as in the rental-fund catalogue (e.g. WHEELCHAIR_MANUAL).',
  })
  @Property({ type: 'text', nullable: true })
  aidCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Technical aids only: the aid name as the IPRA gives it.' })
  @Property({ type: 'text', nullable: true })
  aidName!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Technical aids only: the person is queued to receive the aid as their own (and may rent one meanwhile).',
  })
  @Property({ type: 'boolean', nullable: true })
  queuedForOwnAid!: boolean | null;

  @Field(() => IpraMeasureExecutionStatus)
  @Enum({ items: () => IpraMeasureExecutionStatus, nativeEnumName: 'ipra_measure_execution_status' })
  executionStatus: IpraMeasureExecutionStatus = IpraMeasureExecutionStatus.NOT_STARTED;

  @Field(() => LocalDate, { nullable: true, description: 'When the executor reported the current status.' })
  @Property({ type: 'date', nullable: true })
  executionReportedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why the measure was not done (NOT_DONE only).' })
  @Property({ type: 'text', nullable: true })
  notDoneReason: string | null = null;

  @Field(() => ID, { description: 'The IPRA this measure belongs to.' })
  get ipraId(): string {
    return this.ipra.id;
  }
}
