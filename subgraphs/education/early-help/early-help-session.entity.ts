import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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
registerEnumType(EarlyHelpServiceKind, { name: 'EarlyHelpServiceKind', description: 'Kind of early-help service (seed 003 §8.5).' });

export enum EarlyHelpSessionStatus {
  PLANNED = 'PLANNED',
  DONE = 'DONE',
  /** The session did not take place (the family did not come, the child was ill). */
  MISSED = 'MISSED',
}
registerEnumType(EarlyHelpSessionStatus, { name: 'EarlyHelpSessionStatus' });

/** One session of an early-help programme: what was (or is to be) done, by which specialist, when. */
@ObjectType({ description: 'A session of an individual early-help programme.' })
@Entity({ tableName: 'early_help_session' })
export class EarlyHelpSession {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  programId!: string;

  @Field(() => ID, { description: 'The child (copied from the programme, so the route loads sessions per person).' })
  @Property({ type: 'uuid', index: true })
  personId!: string;

  @Field(() => LocalDate)
  @Property({ type: 'date' })
  date!: string;

  @Field(() => EarlyHelpServiceKind)
  @Enum({ items: () => EarlyHelpServiceKind, nativeEnumName: 'early_help_service_kind' })
  serviceKind!: EarlyHelpServiceKind;

  @Field({ description: 'Post of the specialist, e.g. "учитель-дефектолог" (never a private name).' })
  @Property({ type: 'text' })
  specialistPost!: string;

  @Field(() => EarlyHelpSessionStatus)
  @Enum({ items: () => EarlyHelpSessionStatus, nativeEnumName: 'early_help_session_status' })
  status!: EarlyHelpSessionStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note!: string | null;

  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey!: string | null;
}
