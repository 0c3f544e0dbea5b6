import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/**
 * The areas of need the survey on the meeting day looks at (seed 003 §19). Social support helps a family obtain
 * medical, psychological, pedagogical, legal and social help (seed 003 §8.15); seed 001 §3.4 names the services of
 * support as social-household, psychological, pedagogical, legal, economic and rehabilitation ones, with work and
 * training; the IPRA adds technical aids. A finding is recorded per domain.
 */
export enum NeedDomain {
  MEDICAL = 'MEDICAL',
  PSYCHOLOGICAL = 'PSYCHOLOGICAL',
  PEDAGOGICAL = 'PEDAGOGICAL',
  LEGAL = 'LEGAL',
  SOCIAL_HOUSEHOLD = 'SOCIAL_HOUSEHOLD',
  SOCIAL_ECONOMIC = 'SOCIAL_ECONOMIC',
  REHABILITATION = 'REHABILITATION',
  EMPLOYMENT = 'EMPLOYMENT',
  TECHNICAL_AID = 'TECHNICAL_AID',
}
registerEnumType(NeedDomain, {
  name: 'NeedDomain',
  description: 'An area of need the survey of the family looks at (seed 003 §19, §8.15; seed 001 §3.4).',
  valuesConfig: {
    MEDICAL: { description: 'Medical help: examination, treatment, medical rehabilitation (seed 003 §8.15).' },
    PSYCHOLOGICAL: { description: 'Psychological help (seed 003 §8.15; social-psychological services, seed 001 §3.4).' },
    PEDAGOGICAL: { description: 'Pedagogical help: early help, education, correction (seed 003 §8.15; seed 001 §3.4).' },
    LEGAL: { description: 'Legal help (seed 003 §8.15; social-legal services, seed 001 §3.4).' },
    SOCIAL_HOUSEHOLD: {
      description:
        'Everyday living: care, housekeeping, the home (social-household services, seed 001 §3.4; living conditions, seed 004 §3.2.5).',
    },
    SOCIAL_ECONOMIC: {
      description:
        'Material situation: benefits and social support measures, income (social-economic services, seed 001 §3.4; seed 004 §3.2.3).',
    },
    REHABILITATION: {
      description: 'Social rehabilitation and habilitation under the IPRA (social-rehabilitation services, seed 001 §3.4).',
    },
    EMPLOYMENT: { description: 'Work, vocational training and retraining (seed 001 §3.4; seed 003 §28–29).' },
    TECHNICAL_AID: { description: 'Technical rehabilitation aids (the IPRA technical aids section; rental fund, seed 004 annex 1 §2.1).' },
  },
});

/** The two acts of a survey of the home that seed 004 §5.1.3 lists among the department's documents. */
export enum LivingConditionsActKind {
  MATERIAL_LIVING_CONDITIONS = 'MATERIAL_LIVING_CONDITIONS',
  SOCIAL_LIVING_CONDITIONS = 'SOCIAL_LIVING_CONDITIONS',
}
registerEnumType(LivingConditionsActKind, {
  name: 'LivingConditionsActKind',
  description: 'Which act of a survey of the home was drawn up (seed 004 §5.1.3, §3.2.5).',
  valuesConfig: {
    MATERIAL_LIVING_CONDITIONS: {
      description: 'Act of the survey of the material and living conditions of the family or citizen (seed 004 §5.1.3, §3.2.5).',
    },
    SOCIAL_LIVING_CONDITIONS: {
      description: 'Act of the survey of the social and living conditions of a family that needs social services (seed 004 §5.1.3).',
    },
  },
});

/** What the survey found in one domain: whether the family needs help there, and what. */
@ObjectType({ description: 'The finding of the survey in one area of need (seed 003 §19).' })
export class NeedFinding {
  @Field(() => NeedDomain, { description: 'The area of need.' })
  domain!: NeedDomain;

  @Field({ description: 'True when the family needs help in this area: a measure of the programme should answer it.' })
  needed!: boolean;

  @Field({ description: 'What was found, in Russian as the coordinator wrote it.' })
  finding!: string;
}

/** The act of the survey of the home (seed 004 §5.1.3). */
@ObjectType({ description: 'The act of the survey of the living conditions of the family (seed 004 §5.1.3, §3.2.5).' })
export class LivingConditionsAct {
  @Field(() => LivingConditionsActKind, { description: 'Which act (seed 004 §5.1.3).' })
  kind!: LivingConditionsActKind;

  @Field(() => LocalDate, { description: 'Day the home was surveyed and the act drawn up.' })
  drawnUpOn!: string;

  @Field({ description: 'What the act found, in Russian as written in it.' })
  findings!: string;
}

/**
 * The assessment of a family's needs (seed 003 §16.3, §19; seed 001 §3.3(1); seed 004 §3.2.3, §5.1.3): the meeting
 * agreed with the citizen, the survey held on that day with its findings per domain, and the act of the survey of
 * the home. A case may be assessed again (a new IPRA, a programme sent back); its latest assessment counts.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "The assessment of a family's needs: the agreed meeting, the survey's findings and the living-conditions act." })
@Entity({ tableName: 'needs_assessment' })
export class NeedsAssessment {
  @Field(() => ID, { description: 'Hub id of the assessment.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // Edge: NeedsAssessment.supportCase.
  @Property({ type: 'uuid', index: true })
  caseId!: string;

  // Denormalized so a route loads the assessments of all its persons in one statement.
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => LocalDate, { description: 'Day of the meeting agreed with the citizen to determine the measures (seed 003 §16.3).' })
  @Property({ type: 'date' })
  meetingOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the survey was held (seed 003 §19); null until it is.' })
  @Property({ type: 'date', nullable: true })
  surveyedOn: string | null = null;

  @Field(() => [NeedFinding], { description: 'The findings of the survey, one per area of need looked at; empty until the survey.' })
  @Property({ type: 'json' })
  findings: NeedFinding[] = [];

  // GraphQL: NeedsAssessment.livingConditionsAct (needs-assessment.resolver.ts).
  @Enum({ items: () => LivingConditionsActKind, nativeEnumName: 'living_conditions_act_kind', nullable: true })
  actKind: LivingConditionsActKind | null = null;

  @Property({ type: 'date', nullable: true })
  actDrawnUpOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  actFindings: string | null = null;

  @Field({ description: 'Subject id of the coordinator who recorded the meeting.' })
  @Property({ type: 'text' })
  recordedBySubject!: string;

  @Field({ description: 'When the meeting was recorded.' })
  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  /** A client's retry key (issue 20): a retry with the same key answers this record. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null = null;
}

/** A measure of a programme answers needs the assessment found (seed 003 §19: the survey determines the measures). */
@Entity({ tableName: 'measure_need' })
export class MeasureNeed {
  @PrimaryKey({ type: 'uuid' })
  measureId!: string;

  @PrimaryKey({ type: 'string', length: 32 })
  need!: NeedDomain;

  // Denormalized: the needs a case's measures answer are read by the case in one statement.
  @Property({ type: 'uuid', index: true })
  caseId!: string;
}
