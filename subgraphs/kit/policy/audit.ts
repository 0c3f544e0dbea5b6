import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { escapeLiteral } from 'pg';
import { Field, ID, ObjectType } from 'type-graphql';
import { v7 as timeOrderedUuid } from 'uuid';
import type { Identity } from '../platform/identity';

/**
 * The message log of the hub (after X-Road's message log and Estonia's Data Tracker): who read
 * or changed whose data, when, through which operation. Every subgraph keeps its own, next to
 * the data, append-only (updates and deletes are turned into no-ops by rules at start, TRUNCATE is refused).
 */
@ObjectType({ description: "One access to a person's data through the hub." })
@Entity({ tableName: 'audit_record' })
@Index({ properties: ['personIds'], type: 'gin' })
export class AuditRecord {
  /**
   * Time-ordered (UUID version 7): the trail only grows, and random keys would make every insert touch a random page
   * of its primary key index (and write that page whole to the WAL after each checkpoint); ordered keys append.
   */
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = timeOrderedUuid();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Field()
  @Property({ type: 'string', length: 64 })
  subgraph!: string;

  @Field()
  @Property({ type: 'uuid' })
  requestId!: string;

  @Field()
  @Property({ type: 'text' })
  subject!: string;

  @Field()
  @Property({ type: 'string', length: 32 })
  role!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  organizationId!: string | null;

  @Field({ description: 'READ, WRITE or DENIED.' })
  @Property({ type: 'string', length: 16 })
  action!: 'READ' | 'WRITE' | 'DENIED';

  @Field({ description: 'GraphQL operation, or the field that was read or refused.' })
  @Property({ type: 'text' })
  operation!: string;

  @Field(() => [ID])
  @Property({ type: 'uuid[]' })
  personIds!: string[];

  @Field(() => String, { nullable: true, description: 'Why access was refused, for DENIED records.' })
  @Property({ type: 'text', nullable: true })
  reason!: string | null;
}

const APPEND_ONLY = [
  'CREATE OR REPLACE RULE audit_record_no_update AS ON UPDATE TO audit_record DO INSTEAD NOTHING',
  'CREATE OR REPLACE RULE audit_record_no_delete AS ON DELETE TO audit_record DO INSTEAD NOTHING',
  // Rules do not apply to TRUNCATE, which would empty the trail at once: a statement trigger refuses it.
  `CREATE OR REPLACE FUNCTION audit_record_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION 'audit_record is append-only: TRUNCATE is refused' USING ERRCODE = 'insufficient_privilege'; END $$`,
  'CREATE OR REPLACE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record FOR EACH STATEMENT EXECUTE FUNCTION audit_record_refuse_truncate()',
];

export async function makeAuditAppendOnly(em: EntityManager): Promise<void> {
  for (const sql of APPEND_ONLY) await em.getConnection().execute(sql);
}

/**
 * Collects what one request read, so that the request writes ONE audit insert, durably, before
 * its response leaves (the subgraph's `willSendResponse`): cheap enough to audit every read.
 */
export class AuditTrail {
  private readonly reads = new Map<string, Set<string>>();
  private readonly denials: { operation: string; personIds: string[]; reason: string }[] = [];

  constructor(
    private readonly subgraph: string,
    private readonly identity: Identity,
    /** False only to measure what auditing reads costs (npm run bench). */
    private readonly auditReads = true,
  ) {}

  read(operation: string, personIds: string | string[]): void {
    const set = this.reads.get(operation) ?? new Set<string>();
    for (const id of [personIds].flat()) set.add(id);
    this.reads.set(operation, set);
  }

  denied(operation: string, personIds: string | string[], reason: string): void {
    this.denials.push({ operation, personIds: [personIds].flat(), reason });
  }

  /** A write is audited inside the writer's own transaction: both land or neither does. */
  recordWrite(em: EntityManager, operation: string, personIds: string[]): void {
    em.persist(em.create(AuditRecord, this.base('WRITE', operation, personIds, null)));
  }

  get isEmpty(): boolean {
    return this.reads.size === 0 && this.denials.length === 0;
  }

  /** Hands the records not yet written to the subgraph's writer; resolves once they are committed. */
  async flush(writer: AuditWriter): Promise<void> {
    if (!this.auditReads || this.isEmpty) return;
    await writer.write(this.takeRows());
  }

  /**
   * The records made so far, as one INSERT with its values inlined, taken out of the trail — or null. The
   * loaders send it in the same multi-statement round trip as the reads that follow the access decisions:
   * PostgreSQL runs such a batch as one transaction, so the rows are returned only together with the committed
   * record of their reading, and the request saves a round trip and a commit of its own.
   */
  takeInsert(): string | null {
    if (!this.auditReads || this.isEmpty) return null;
    const rows = this.takeRows();
    const literal = (value: string | null) => (value === null ? 'NULL' : escapeLiteral(value));
    return (
      `insert into audit_record (id, at, subgraph, request_id, subject, role, organization_id, action, operation, person_ids, reason) values ` +
      rows
        .map(
          (r) =>
            `(${[r.id, r.at.toISOString(), r.subgraph, r.requestId, r.subject, r.role, r.organizationId, r.action, r.operation].map(literal).join(', ')}, ` +
            `${literal(uuidArray(r.personIds))}::uuid[], ${literal(r.reason)})`,
        )
        .join(', ')
    );
  }

  private takeRows(): AuditRow[] {
    const rows = [
      ...[...this.reads].map(([operation, ids]) => this.base('READ', operation, [...ids], null)),
      ...this.denials.map((d) => this.base('DENIED', d.operation, d.personIds, d.reason)),
    ];
    this.reads.clear();
    this.denials.length = 0;
    return rows;
  }

  private base(action: AuditRecord['action'], operation: string, personIds: string[], reason: string | null) {
    return {
      id: timeOrderedUuid(),
      at: new Date(),
      subgraph: this.subgraph,
      requestId: this.identity.requestId,
      subject: this.identity.subject,
      role: this.identity.role,
      organizationId: this.identity.organizationId,
      action,
      operation,
      personIds,
      reason,
    };
  }
}

type AuditRow = ReturnType<AuditTrail['base']>;

/** A PostgreSQL array literal of ids (each quoted, so nothing in an id can end the element). */
function uuidArray(ids: string[]): string {
  return `{${ids.map((id) => `"${id.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Writes the read audit of a subgraph's requests with group commit: while one INSERT waits for its commit to
 * reach the disk, the records of the requests finishing meanwhile queue up and go together in the next one.
 * Every request still gets its response only after its own records are committed (if a shared INSERT fails,
 * each request's records are retried alone), but concurrent requests share one durable commit instead of paying one each — with
 * synchronous commit, one commit per request made the audit trail most of a route's latency (bench/README.md).
 */
export class AuditWriter {
  private queue: { rows: AuditRow[]; done: (error?: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly em: EntityManager) {}

  write(rows: AuditRow[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      try {
        await this.insert(batch.flatMap((b) => b.rows));
        for (const b of batch) b.done();
      } catch {
        // One request's bad record must not fail the others: each is retried alone.
        for (const b of batch)
          await this.insert(b.rows).then(
            () => b.done(),
            (error) => b.done(error ?? new Error('audit insert failed')),
          );
      }
    }
    this.writing = false;
  }

  /** One INSERT through the shared pool: a single statement is atomic, and needs no unit of work. */
  private async insert(rows: AuditRow[]): Promise<void> {
    const values = rows.flatMap((r) => [
      r.id,
      r.at.toISOString(),
      r.subgraph,
      r.requestId,
      r.subject,
      r.role,
      r.organizationId,
      r.action,
      r.operation,
      uuidArray(r.personIds),
      r.reason,
    ]);
    await this.em
      .getConnection()
      .execute(
        `insert into audit_record (id, at, subgraph, request_id, subject, role, organization_id, action, operation, person_ids, reason) values ` +
          rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[], ?)').join(', '),
        values,
        'run',
      );
  }
}
