/**
 * Every GraphQL document the `npm run hub` CLI sends, in one place: the registry's API is built beside the CLI, and
 * this file is where the two are reconciled: aliases give the registry's fields the names the reports use.
 */
const USER_ERRORS = 'userErrors { code message field rule }';

const CHECK_REPORT = `
  passed
  composition { subgraph typeName: type fieldName: field message }
  breakingChanges { kind coordinate description: message blocking }
  conventions { rule typeName: type fieldName: field message }
  reachability { reachable sdlMatches message: problem }
  warnings
`;

export const LIST_SUBGRAPHS = `
  query HubCliListSubgraphs($status: SubgraphStatus, $first: Int, $after: String) {
    registeredSubgraphs(status: $status, first: $first, after: $after) {
      edges { node { name url agency status founding currentVersion: latestSchema { publishedAt publishedBy reason } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const GRAPH_HISTORY = `
  query HubCliGraphHistory($first: Int, $after: String) {
    graphHistory(first: $first, after: $after) {
      edges { node { number change: kind subgraphName changedBy changedAt reason } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const CHECK_SUBGRAPH = `
  query HubCliCheckSubgraph($input: SubgraphSchemaInput!) {
    checkSubgraph(input: $input) { ${CHECK_REPORT} }
  }
`;

export const PUBLISH_SUBGRAPH = `
  mutation HubCliPublishSubgraph($input: PublishSubgraphInput!) {
    publishSubgraph(input: $input) {
      subgraph { name status }
      graphVersion { number }
      check { ${CHECK_REPORT} }
      ${USER_ERRORS}
    }
  }
`;

export const RETIRE_SUBGRAPH = `
  mutation HubCliRetireSubgraph($input: RetireSubgraphInput!) {
    retireSubgraph(input: $input) { graphVersion { number } ${USER_ERRORS} }
  }
`;

export const ROLLBACK_GRAPH = `
  mutation HubCliRollbackGraph($input: RollbackGraphInput!) {
    rollbackGraph(input: $input) { graphVersion { number } ${USER_ERRORS} }
  }
`;
