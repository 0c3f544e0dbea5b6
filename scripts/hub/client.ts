/** One GraphQL request to the hub's gateway; a transport failure or GraphQL errors become a thrown HubCallError. */
export class HubCallError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
  }
}

export async function callHub<T>(gateway: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new HubCallError(`the gateway at ${gateway} does not answer (${(error as Error).message})`);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  if (!body) throw new HubCallError(`the gateway answered HTTP ${response.status} without a GraphQL response`);
  if (body.errors?.length) {
    const codes = body.errors.map((e) => e.extensions?.code ?? 'ERROR');
    throw new HubCallError(body.errors.map((e, i) => `${codes[i]}: ${e.message}`).join('\n'), codes);
  }
  return body.data as T;
}
