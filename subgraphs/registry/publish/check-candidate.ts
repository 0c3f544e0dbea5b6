import type { EntityManager } from '@mikro-orm/postgresql';
import { composeSupergraphFromAgencySdls, CompositionError, type Composition } from '../../assembly/composition';
import { findSchemaBreakingChanges } from '../checks/breaking-changes';
import { compositionProblems } from '../checks/composition';
import { checkConventions } from '../checks/conventions';
import { checkReachability } from '../checks/reachability';
import { BreakingChangeKind, type SubgraphCheckReport } from '../checks/report';
import type { GraphVersion } from '../graph/graph-version.entity';
import { partnerUrls, usedCoordinates } from '../graph/graph-state';

export interface CandidateCheck {
  report: SubgraphCheckReport;
  /** The SDL checked: the one given, or the one the URL serves. Null when neither is known. */
  sdl: string | null;
  /** The graph with the candidate in it; null when it does not compose. */
  composition: Composition | null;
}

/** Composes agency SDLs, answering the composer's errors as problems instead of throwing them. */
export async function tryCompose(agencySdls: Record<string, string>, urls: Record<string, string>) {
  try {
    return { composition: await composeSupergraphFromAgencySdls(agencySdls, urls), problems: [] };
  } catch (error) {
    if (error instanceof CompositionError) return { composition: null, problems: compositionProblems(error.errors) };
    // The assembly generator refuses contributions it cannot assemble (a convention type nesting too deep).
    return { composition: null, problems: [{ subgraph: null, type: null, field: null, message: (error as Error).message }] };
  }
}

/**
 * Runs the four checks of issue 16 §2 on a candidate subgraph against the head of the graph: reachability (and the SDL
 * it serves when none is given), conventions, composition with the founding agencies and active partners, and breaking
 * changes of the API schema weighed by recorded usage. Writes nothing.
 */
export async function checkCandidate(
  em: EntityManager,
  head: GraphVersion,
  candidate: { name: string; url: string; sdl: string | null },
): Promise<CandidateCheck> {
  const reachability = await checkReachability(candidate.url, candidate.sdl);
  const sdl = candidate.sdl ?? reachability.sdl;
  const report: SubgraphCheckReport = {
    passed: false,
    composition: [],
    breakingChanges: [],
    conventions: [],
    reachability: { reachable: reachability.reachable, sdlMatches: reachability.sdlMatches, problem: reachability.problem },
    warnings: [],
  };
  if (sdl === null) return { report, sdl, composition: null };
  report.conventions = checkConventions(candidate.name, sdl);
  const urls = { ...(await partnerUrls(em)), [candidate.name]: candidate.url };
  const { composition, problems } = await tryCompose({ ...head.agencySdls, [candidate.name]: sdl }, urls);
  report.composition = problems;
  if (composition) {
    const used = await usedCoordinates(em);
    report.breakingChanges = findSchemaBreakingChanges(head.apiSchemaSdl, composition.apiSchemaSdl, (c) => used.has(c)).map((c) => ({
      kind: c.kind as BreakingChangeKind,
      coordinate: c.coordinate,
      message: c.message,
      blocking: c.blocking,
    }));
    report.warnings = report.breakingChanges
      .filter((c) => !c.blocking)
      .map((c) => `${c.message} No operation used it in the usage window: allowed.`);
  }
  report.passed =
    !report.composition.length &&
    !report.conventions.length &&
    !report.reachability.problem &&
    !report.breakingChanges.some((c) => c.blocking);
  return { report, sdl, composition };
}
