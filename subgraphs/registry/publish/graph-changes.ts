import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'graphql';
import type { HubContext } from '../../kit/platform/context';
import { now } from '../../kit/platform/clock';
import { badInput, DomainError, ErrorCode, illegalTransition, notFound, ruleViolation } from '../../kit/platform/errors';
import { KeyConfigurationError, verificationKeys } from '../../kit/platform/signing-keys';
import { upperSnake } from '../../conventions/tags';
import { failedChecks, type SubgraphCheckReport } from '../checks/report';
import { GraphChangeKind, GraphVersion } from '../graph/graph-version.entity';
import { headVersion, retiredAgencies, sha256 } from '../graph/graph-state';
import { RegisteredSubgraph, SubgraphStatus } from '../subgraph/registered-subgraph.entity';
import { SubgraphSchemaVersion } from '../subgraph/schema-version.entity';
import { checkCandidate, tryCompose } from './check-candidate';
import { isUuid, checkSubgraphName, checkSubgraphUrl } from './input-rules';

/** A refusal by the checks: the payload still answers the report, so the publisher sees what failed. */
export class CheckFailed extends DomainError {
  constructor(readonly report: SubgraphCheckReport) {
    const failed = failedChecks(report);
    super(ErrorCode.CHECK_FAILED, `The schema was refused: the ${failed.join(', ')} check failed (see check)`, { rule: failed.join(',') });
  }
}

/** The same refusal for every write that lost the race for the next version number. */
const racedConflict = () =>
  new DomainError(ErrorCode.CONFLICT, 'Another change to the graph was recorded first; check against the new graph and publish again', {
    field: 'name',
  });

/** Runs a change of the graph in one transaction: a lost race for the version number rolls all of it back. */
async function inTransaction<T>(ctx: HubContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.em.transactional((em) => work(em as EntityManager));
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw racedConflict();
    throw error;
  }
}

export interface CandidateInput {
  name: string;
  url: string;
  sdl?: string | null;
}

/** The candidate's SDL, checked to parse: BAD_USER_INPUT at `sdl` otherwise. */
function parsedSdl(sdl: string | null | undefined): string | null {
  if (sdl === null || sdl === undefined) return null;
  try {
    parse(sdl);
  } catch (error) {
    throw badInput(`The SDL does not parse: ${(error as Error).message}`, { field: 'sdl' });
  }
  return sdl;
}

/** `checkSubgraph`: the checks `publishSubgraph` would run, with nothing written. */
export async function checkSubgraph(ctx: HubContext, input: CandidateInput): Promise<SubgraphCheckReport> {
  const name = checkSubgraphName(input.name);
  const url = checkSubgraphUrl(input.url);
  const sdl = parsedSdl(input.sdl);
  const head = await headVersion(ctx.em);
  return (await checkCandidate(ctx.em, head, { name, url, sdl })).report;
}

export interface PublishInput extends CandidateInput {
  ownerOrganizationId?: string | null;
  publicKeySet?: Record<string, unknown> | null;
  reason: string;
  idempotencyKey?: string | null;
}

export interface GraphChange {
  subgraph: RegisteredSubgraph | null;
  graphVersion: GraphVersion;
  check: SubgraphCheckReport | null;
}

const PASSED: SubgraphCheckReport = {
  passed: true,
  composition: [],
  breakingChanges: [],
  conventions: [],
  reachability: { reachable: true, sdlMatches: true, problem: null },
  warnings: [],
};

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed || trimmed.length > 2000) throw badInput('Say why, in 1–2000 characters', { field: 'reason' });
  return trimmed;
}

function checkKeySet(publicKeySet: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!publicKeySet) return null;
  try {
    verificationKeys(publicKeySet, 'publicKeySet', { production: process.env.NODE_ENV === 'production' });
  } catch (error) {
    if (error instanceof KeyConfigurationError) throw badInput(error.message, { field: 'publicKeySet' });
    throw error;
  }
  return publicKeySet;
}

/**
 * `publishSubgraph`: registers a partner or publishes a new schema (and URL) of one, after the same checks as
 * `checkSubgraph`; records the subgraph's schema version and the next graph version in one transaction.
 */
export async function publishSubgraph(ctx: HubContext, input: PublishInput): Promise<GraphChange> {
  const name = checkSubgraphName(input.name);
  const url = checkSubgraphUrl(input.url);
  const sdl = parsedSdl(input.sdl);
  const reason = checkReason(input.reason);
  const publicKeySet = checkKeySet(input.publicKeySet);
  const key = input.idempotencyKey ?? null;
  if (key !== null && (key.length < 1 || key.length > 200))
    throw badInput('idempotencyKey must be 1–200 characters', { field: 'idempotencyKey' });
  if (input.ownerOrganizationId && !isUuid(input.ownerOrganizationId))
    throw badInput('ownerOrganizationId must be an organization id (uuid)', { field: 'ownerOrganizationId' });

  const em = ctx.em;
  const existing = await em.findOne(RegisteredSubgraph, { name });
  if (key) {
    const retried = await em.findOne(SubgraphSchemaVersion, { idempotencyKey: key }, { populate: ['subgraph'] });
    if (retried) {
      if (retried.subgraph.name !== name)
        throw new DomainError(ErrorCode.CONFLICT, 'This idempotencyKey was used for another subgraph', { field: 'idempotencyKey' });
      return { subgraph: retried.subgraph, graphVersion: await headVersion(em), check: PASSED };
    }
  }
  if (existing) {
    if (existing.status === SubgraphStatus.RETIRED)
      throw new DomainError(ErrorCode.CONFLICT, `${name} was retired: a retired name cannot be registered again`, { field: 'name' });
    // The hub holds the name: a founding agency's schema changes with a hub release, not through the registry.
    if (existing.founding)
      throw new DomainError(ErrorCode.CONFLICT, `${name} is a founding agency of the hub: its schema changes with a hub release`, {
        field: 'name',
      });
    if (input.ownerOrganizationId && input.ownerOrganizationId !== existing.ownerOrganizationId)
      throw new DomainError(ErrorCode.CONFLICT, `The name ${name} is taken by another organization`, { field: 'name' });
  } else if (!input.ownerOrganizationId) {
    throw badInput('A new partner needs its ownerOrganizationId', { field: 'ownerOrganizationId' });
  }

  const head = await headVersion(em);
  const latest = existing ? await em.findOne(SubgraphSchemaVersion, { subgraph: existing }, { orderBy: { revision: 'desc' } }) : null;
  // An unchanged SDL and URL of an active subgraph: answer the current version, write nothing.
  const unchanged = async (published: string) =>
    existing?.status === SubgraphStatus.ACTIVE && existing.url === url && latest?.sdlSha256 === sha256(published);
  if (sdl !== null && (await unchanged(sdl))) return { subgraph: existing, graphVersion: head, check: PASSED };
  const checked = await checkCandidate(em, head, { name, url, sdl });
  if (!checked.report.passed || !checked.sdl || !checked.composition) throw new CheckFailed(checked.report);
  const published = checked.sdl;
  const composition = checked.composition;

  if (await unchanged(published)) return { subgraph: existing, graphVersion: head, check: checked.report };

  return inTransaction(ctx, async (tx) => {
    const at = now();
    const subgraph =
      existing !== null
        ? tx.merge(existing)
        : tx.create(RegisteredSubgraph, {
            id: randomUUID(),
            name,
            url,
            agency: upperSnake(name),
            ownerOrganizationId: input.ownerOrganizationId!,
            publicKeySet,
            status: SubgraphStatus.ACTIVE,
            statusReason: null,
            founding: false,
            createdAt: at,
            createdBy: ctx.identity.subject,
          });
    subgraph.url = url;
    subgraph.status = SubgraphStatus.ACTIVE;
    subgraph.statusReason = null;
    if (publicKeySet) subgraph.publicKeySet = publicKeySet;
    const version = tx.create(SubgraphSchemaVersion, {
      id: randomUUID(),
      subgraph,
      sdl: published,
      revision: (latest?.revision ?? 0) + 1,
      sdlSha256: sha256(published),
      url,
      publishedBy: ctx.identity.subject,
      publishedAt: at,
      reason,
      idempotencyKey: key,
    });
    const graphVersion = tx.create(GraphVersion, {
      number: head.number + 1,
      kind: GraphChangeKind.PUBLISH,
      subgraphName: name,
      changedBy: ctx.identity.subject,
      changedAt: at,
      reason,
      supergraphSdl: composition.supergraphSdl,
      apiSchemaSdl: composition.apiSchemaSdl,
      supergraphSha256: sha256(composition.supergraphSdl),
      members: { ...head.members, [name]: version.id },
      agencySdls: { ...head.agencySdls, [name]: published },
      retired: head.retired,
      rolledBackTo: null,
    });
    ctx.audit.recordWrite(tx, 'Mutation.publishSubgraph', []);
    await tx.flush();
    return { subgraph, graphVersion, check: checked.report };
  });
}

/** `retireSubgraph`: a partner leaves the graph for good; the graph without it is recorded as a RETIRE version. */
export async function retireSubgraph(ctx: HubContext, input: { name: string; reason: string }): Promise<GraphChange> {
  const reason = checkReason(input.reason);
  const subgraph = await ctx.em.findOne(RegisteredSubgraph, { name: input.name });
  if (!subgraph) throw notFound('Subgraph', input.name);
  if (subgraph.founding)
    throw ruleViolation(
      `${subgraph.name} is a founding agency: it leaves the graph with a hub release, not through the registry`,
      'issue 16 §1',
    );
  if (subgraph.status === SubgraphStatus.RETIRED) throw illegalTransition(`${subgraph.name} is already retired`);
  const head = await headVersion(ctx.em);
  const { [subgraph.name]: _left, ...agencySdls } = head.agencySdls;
  const { [subgraph.name]: _member, ...members } = head.members;
  const urls = Object.fromEntries(
    (await ctx.em.find(RegisteredSubgraph, { founding: false, status: SubgraphStatus.ACTIVE, name: { $ne: subgraph.name } })).map((s) => [
      s.name,
      s.url,
    ]),
  );
  const { composition, problems } = await tryCompose(agencySdls, urls);
  if (!composition) throw new CheckFailed({ ...PASSED, passed: false, composition: problems });
  return inTransaction(ctx, async (tx) => {
    const retired = tx.merge(subgraph);
    retired.status = SubgraphStatus.RETIRED;
    retired.statusReason = reason;
    const graphVersion = tx.create(GraphVersion, {
      number: head.number + 1,
      kind: GraphChangeKind.RETIRE,
      subgraphName: subgraph.name,
      changedBy: ctx.identity.subject,
      changedAt: now(),
      reason,
      supergraphSdl: composition.supergraphSdl,
      apiSchemaSdl: composition.apiSchemaSdl,
      supergraphSha256: sha256(composition.supergraphSdl),
      members,
      agencySdls,
      retired: [...new Set([...head.retired, subgraph.agency])].sort(),
      rolledBackTo: null,
    });
    ctx.audit.recordWrite(tx, 'Mutation.retireSubgraph', []);
    await tx.flush();
    return { subgraph: retired, graphVersion, check: null };
  });
}

/**
 * `rollbackGraph`: publishes an earlier version's subgraphs again as a new ROLLBACK version (its supergraph composed
 * before, so it loads); partners in it become active again, partners not in it are suspended.
 */
export async function rollbackGraph(ctx: HubContext, input: { toVersion?: number | null; reason: string }): Promise<GraphChange> {
  const reason = checkReason(input.reason);
  const head = await headVersion(ctx.em);
  const number = input.toVersion ?? head.number - 1;
  if (number === head.number) throw illegalTransition(`Version ${number} is the current graph already`);
  const target = await ctx.em.findOne(GraphVersion, { number });
  if (!target) throw new DomainError(ErrorCode.NOT_FOUND, `Graph version ${number} was not found`, { field: 'toVersion' });
  return inTransaction(ctx, async (tx) => {
    const partners = await tx.find(RegisteredSubgraph, { founding: false });
    for (const partner of partners) {
      if (partner.name in target.members) {
        partner.status = SubgraphStatus.ACTIVE;
        partner.statusReason = null;
      } else if (partner.status === SubgraphStatus.ACTIVE) {
        partner.status = SubgraphStatus.SUSPENDED;
        partner.statusReason = `Graph rolled back to version ${number}: ${reason}`;
      }
    }
    await tx.flush();
    const graphVersion = tx.create(GraphVersion, {
      number: head.number + 1,
      kind: GraphChangeKind.ROLLBACK,
      subgraphName: null,
      changedBy: ctx.identity.subject,
      changedAt: now(),
      reason,
      supergraphSdl: target.supergraphSdl,
      apiSchemaSdl: target.apiSchemaSdl,
      supergraphSha256: target.supergraphSha256,
      members: target.members,
      agencySdls: target.agencySdls,
      retired: await retiredAgencies(tx),
      rolledBackTo: number,
    });
    ctx.audit.recordWrite(tx, 'Mutation.rollbackGraph', []);
    await tx.flush();
    return { subgraph: null, graphVersion, check: null };
  });
}
