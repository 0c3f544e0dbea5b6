import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../kit/platform/scalars';

/** Services of early help a session gives (seed 003 §8.5: a complex of professional actions). */
export enum EarlyHelpServiceKind {
  FUNCTIONING_ASSESSMENT = 'FUNCTIONING_ASSESSMENT',
  DEVELOPMENT_SUPPORT = 'DEVELOPMENT_SUPPORT',
  MOTOR_DEVELOPMENT = 'MOTOR_DEVELOPMENT',
  COMMUNICATION_AND_SPEECH = 'COMMUNICATION_AND_SPEECH',
  PARENT_CONSULTATION = 'PARENT_CONSULTATION',
  PEER_GROUP_INCLUSION = 'PEER_GROUP_INCLUSION',
  HOME_VISIT = 'HOME_VISIT',
}
registerEnumType(EarlyHelpServiceKind, {
  name: 'EarlyHelpServiceKind',
  description: 'Kind of early-help service a session gives (seed 003 §8.5).',
  valuesConfig: {
    FUNCTIONING_ASSESSMENT: { description: 'Assessment of how the child functions in everyday life (seed 003 §8.4).' },
    DEVELOPMENT_SUPPORT: { description: "Support of the child's general development." },
    MOTOR_DEVELOPMENT: { description: 'Development of movement: walking, handling objects.' },
    COMMUNICATION_AND_SPEECH: { description: 'Development of communication and speech.' },
    PARENT_CONSULTATION: { description: 'Consultation of the parents on care and development of the child.' },
    PEER_GROUP_INCLUSION: { description: 'Inclusion of the child in a group of peers.' },
    HOME_VISIT: { description: "A visit to the family's home, in the child's natural life situations." },
  },
});

export enum EarlyHelpSessionStatus {
  PLANNED = 'PLANNED',
  DONE = 'DONE',
  MISSED = 'MISSED',
}
registerEnumType(EarlyHelpSessionStatus, {
  name: 'EarlyHelpSessionStatus',
  description: 'Whether a session of early help is to come, took place or did not take place.',
  valuesConfig: {
    PLANNED: { description: 'Planned for its day; it may be recorded as done or missed once the day has come.' },
    DONE: { description: 'The session took place.' },
    MISSED: { description: 'The session did not take place (the family did not come, the child was ill).' },
  },
});

/** One session of an early-help programme: what was (or is to be) done, by which specialist, when. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A session of an individual early-help programme: the service, the specialist and the day (seed 003 §8.5).' })
@Entity({ tableName: 'early_help_session' })
export class EarlyHelpSession {
  @Field(() => ID, { description: 'The id of the session.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The programme (column `program_id`); the API gives the edge `programme`. */
  @Property({ type: 'uuid', index: true, fieldName: 'program_id' })
  programmeId!: string;

  /** The child, copied from the programme so the route loads sessions per person; the API gives the edge `person`. */
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => LocalDate, { name: 'heldOn', description: 'The day the session is held (or was to be held).' })
  @Property({ type: 'date' })
  date!: string;

  @Field(() => EarlyHelpServiceKind, { description: 'The service the session gives.' })
  @Enum({ items: () => EarlyHelpServiceKind, nativeEnumName: 'early_help_service_kind' })
  serviceKind!: EarlyHelpServiceKind;

  @Field({ description: 'Post of the specialist, e.g. "учитель-дефектолог" (never a private name).' })
  @Property({ type: 'text' })
  specialistPost!: string;

  @Field(() => EarlyHelpSessionStatus, { description: 'Whether the session is to come, took place or did not.' })
  @Enum({ items: () => EarlyHelpSessionStatus, nativeEnumName: 'early_help_session_status' })
  status!: EarlyHelpSessionStatus;

  @Field(() => String, {
    nullable: true,
    description: 'A note of the specialist, e.g. why the session did not take place; null when none.',
  })
  @Property({ type: 'text', nullable: true })
  note!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
