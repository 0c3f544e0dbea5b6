import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Period, periodOf } from '../../kit/platform/period';
import { LocalDate } from '../../kit/platform/scalars';
import { Person } from '../person/person.entity';
import { Organization, organizationRef } from '../../conventions/organization-reference';
import { IpraSection } from './ipra-sections';

/** The disability the IPRA concerns, as established by the MSE bureau. */
export enum IpraDisabilityGroup {
  I = 'I',
  II = 'II',
  III = 'III',
  DISABLED_CHILD = 'DISABLED_CHILD',
}
// One enum per set of values (CONVENTIONS §7.8): the same `DisabilityGroup` social protection keeps on a person.
registerEnumType(IpraDisabilityGroup, {
  name: 'DisabilityGroup',
  description: 'Disability group as MSE establishes it: I, II, III for adults, "disabled child" under 18 (no group).',
  valuesConfig: {
    I: { description: 'Group I, the most severe limitation of life activity.' },
    II: { description: 'Group II.' },
    III: { description: 'Group III, the least severe limitation.' },
    DISABLED_CHILD: { description: 'A disabled child under 18: established without a group.' },
  },
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
  description:
    'Execution of an IPRA measure as reported by its executor; DONE and NOT_DONE are final (the report goes back to the MSE bureau).',
  valuesConfig: {
    NOT_STARTED: { description: 'Nothing reported yet.' },
    IN_PROGRESS: { description: 'The executor has begun the measure.' },
    DONE: { description: 'Carried out; final.' },
    NOT_DONE: { description: 'Not carried out, with the reason (the citizen refused, contraindications, no provider); final.' },
  },
});

/**
 * An individual rehabilitation/habilitation programme (ИПРА), issued by a federal MSE bureau
 * (seed 003 §3 item 8) and registered by health when the extract arrives. Its number is the bureau's
 * own and unique: registering the same number twice returns the first registration.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An IPRA: the individual rehabilitation/habilitation programme issued by the federal MSE bureau, with its measures by section ' +
    '(seed 003 §3 item 8). Health registers it when the extract arrives and announces it to social protection (seed 003 §15 item 1).',
})
@Entity({ tableName: 'ipra' })
export class Ipra {
  [OptionalProps]?: 'registeredAt' | 'idempotencyKey' | 'person' | 'period';

  @Field(() => ID, { description: 'The id of the IPRA in the hub.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Number of the IPRA as the MSE bureau registered it, e.g. 1234.5.38/2025.' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field({ description: "The person's SNILS as written in the IPRA (11 digits)." })
  @Property({ type: 'text', index: true })
  personSnils!: string;

  @Field(() => LocalDate, { description: 'The day the bureau issued the IPRA; its term starts on it.' })
  @Property({ type: 'date' })
  issuedOn!: string;

  @Property({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Field(() => IpraDisabilityGroup, { description: 'The disability group the IPRA is issued for.' })
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

  /** The key of the registerIpra call that wrote this IPRA: a retry with it answers this IPRA. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey: string | null = null;

  @Field(() => Person, { nullable: true, description: 'The person the IPRA is issued to.' })
  get person(): Person {
    return { id: this.personId };
  }

  @Field(() => Period, {
    description:
      'The term of the IPRA: from the day of issue to the last day it is in force (usually the next re-examination); open-ended when issued indefinitely.',
  })
  get period(): Period {
    return periodOf(this.issuedOn, this.validUntil);
  }
}

/**
 * One measure of an IPRA section with its recommended period and the agency and organization
 * that execute it; the executor reports execution back (reportIpraMeasureExecution).
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A measure of an IPRA section: what, when, which agency and organization execute it, and how far it is done as the executor reported.',
})
@Entity({ tableName: 'ipra_measure' })
@Index({ properties: ['executorOrganizationId'] })
export class IpraMeasure {
  [OptionalProps]?:
    | 'executionStatus'
    | 'executionReportedOn'
    | 'notDoneReason'
    | 'ipraId'
    | 'executionReportKey'
    | 'person'
    | 'period'
    | 'executorOrganization';

  @Field(() => ID, { description: 'The id of the measure.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Ipra, { ref: true, index: true, deleteRule: 'cascade' })
  ipra!: Ref<Ipra>;

  /** The person of the IPRA, kept on the measure so a route loads measures in one statement. */
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => IpraSection, { description: 'The section of the IPRA the measure belongs to; it decides the executing agency.' })
  @Enum({ items: () => IpraSection, nativeEnumName: 'ipra_section' })
  section!: IpraSection;

  @Field({
    description: 'The measure as the bureau wrote it, e.g. "Восстановительная терапия", "Кресло-коляска с ручным приводом прогулочная".',
  })
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'date' })
  periodFrom!: string;

  @Property({ type: 'date' })
  periodTo!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Agency that executes the measure, derived from the section (HEALTH, EMPLOYMENT, EDUCATION, SOCIAL_PROTECTION); null for technical aids, which the social fund provides.',
  })
  @Property({ type: 'text', nullable: true })
  executorAgency!: string | null;

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

  @Field(() => IpraMeasureExecutionStatus, { description: 'How far the measure is done, as its executor last reported.' })
  @Enum({ items: () => IpraMeasureExecutionStatus, nativeEnumName: 'ipra_measure_execution_status' })
  executionStatus: IpraMeasureExecutionStatus = IpraMeasureExecutionStatus.NOT_STARTED;

  @Field(() => LocalDate, { nullable: true, description: 'The day the executor reported the current status; null before any report.' })
  @Property({ type: 'date', nullable: true })
  executionReportedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why the measure was not done (NOT_DONE only).' })
  @Property({ type: 'text', nullable: true })
  notDoneReason: string | null = null;

  /** The key of the execution report that set the current status: a retry of that report answers the measure as it is. */
  @Property({ type: 'text', nullable: true, unique: true })
  executionReportKey: string | null = null;

  get ipraId(): string {
    return this.ipra.id;
  }

  @Field(() => Person, { nullable: true, description: 'The person of the IPRA.' })
  get person(): Person {
    return { id: this.personId };
  }

  @Field(() => Period, {
    description: 'The period the bureau recommends for the measure, within the term of the IPRA; past its end an open measure is OVERDUE.',
  })
  get period(): Period {
    return periodOf(this.periodFrom, this.periodTo);
  }

  @Field(() => Organization, {
    nullable: true,
    description: 'The organization that executes the measure (directory of social protection); null while none is assigned.',
  })
  get executorOrganization(): Organization | null {
    return organizationRef(this.executorOrganizationId);
  }
}
