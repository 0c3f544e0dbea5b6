import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Identity } from './identity';

/**
 * The one request a subgraph answers without the gateway's signature: `{ _service { sdl } }`. The registry checks that
 * a partner's URL serves the SDL it publishes (issue 16 §2), and that SDL is public anyway (the hub commits its
 * schemas). Anything else, even that document with one more field, still needs the gateway's signed identity.
 */
export function isServiceSdlRequest(req: IncomingMessage, body: Buffer): boolean {
  const request = requestOf(req, body);
  if (!request || typeof request.query !== 'string') return false;
  if (request.variables && (typeof request.variables !== 'object' || Object.keys(request.variables).length)) return false;
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: 50 });
  } catch {
    return false;
  }
  if (document.definitions.length !== 1) return false;
  const operation = document.definitions[0];
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return false;
  if (operation.variableDefinitions?.length || operation.directives?.length) return false;
  if (request.operationName != null && request.operationName !== operation.name?.value) return false;
  const service = onlyField(operation.selectionSet, '_service');
  const sdl = service?.selectionSet ? onlyField(service.selectionSet, 'sdl') : null;
  return Boolean(sdl && !sdl.selectionSet);
}

/** The selection's one field, when it is exactly `name` (no alias, no arguments, no directives). */
function onlyField(set: SelectionSetNode, name: string) {
  if (set.selections.length !== 1) return null;
  const field = set.selections[0];
  if (field.kind !== Kind.FIELD || field.name.value !== name || field.alias || field.arguments?.length || field.directives?.length)
    return null;
  return field;
}

interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

function requestOf(req: IncomingMessage, body: Buffer): GraphQLRequestBody | null {
  if (req.method === 'GET') {
    const search = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const variables = search.get('variables');
    return { query: search.get('query'), operationName: search.get('operationName'), variables: variables ? variables : undefined };
  }
  if (req.method !== 'POST') return null;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    // A batch (an array) or anything but one request object is not the public document.
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as GraphQLRequestBody) : null;
  } catch {
    return null;
  }
}

/**
 * Whom a subgraph serves the public SDL to: nobody in particular. A citizen bound to no person reads nothing anywhere,
 * so even a resolver that somehow ran for it would find no data; the document check above lets only `_service` run.
 */
export const sdlReader = (): Identity => ({
  subject: 'public-sdl-reader',
  role: 'CITIZEN',
  organizationId: null,
  territoryOktmo: null,
  agency: null,
  grants: [],
  personId: null,
  requestId: randomUUID(),
});
