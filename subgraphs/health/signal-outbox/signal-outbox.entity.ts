import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Transactional outbox of signals health owes social protection (seed 003 §15 item 1: operator
 * organizations identify citizens by processing IPRA extracts). A row is written in the same
 * transaction as the IPRA it announces, so an IPRA is never registered without its signal nor a
 * signal sent for an IPRA that rolled back; SignalDispatcher delivers rows and marks them sent.
 * Not exposed in GraphQL: it is plumbing, not an agency record.
 */
@Entity({ tableName: 'signal_outbox' })
@Index({ properties: ['sentAt', 'createdAt'] })
export class SignalOutbox {
  [OptionalProps]?: 'createdAt' | 'sentAt' | 'signalId' | 'attempts' | 'lastAttemptAt' | 'lastError';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The `idempotencyKey` of submitSignal (`ipra:<number>`): unique, so an IPRA is announced once. */
  @Property({ type: 'text', unique: true })
  idempotencyKey!: string;

  /** The SubmitSignalInput to send, as JSON. */
  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'uuid', nullable: true, index: true })
  personId!: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Set only when the gateway answered with a signal; null rows are pending. */
  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  /** Id of the signal social protection created (or returned on a retry). */
  @Property({ type: 'text', nullable: true })
  signalId: string | null = null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null = null;

  /** Why the last attempt failed (HTTP status or error codes; never the payload, which holds a SNILS). */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;
}
