import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from './gql/graphql';

export interface HubError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface Result<R> {
  data: R | null;
  errors: HubError[];
}

const TOKEN_KEY = 'hub.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export interface Claims {
  role: string;
  org?: string;
  agency?: string;
  sub?: string;
}

/** What the token says about its holder, to choose the screens (the hub decides what they may read, not this). */
export function claimsOf(token: string): Claims | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload)))) as Claims;
  } catch {
    return null;
  }
}

/** Sends a typed document to the gateway's GraphQL endpoint with the user's token. */
export async function request<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<Result<R>> {
  const token = storedToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  if (response.status === 401) {
    storeToken(null);
    window.location.assign('/app/');
  }
  const body = (await response.json()) as { data?: R | null; errors?: HubError[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

export interface QueryState<R> extends Result<R> {
  loading: boolean;
  reload: () => Promise<void>;
}

export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, skip = false): QueryState<R> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<Result<R> & { loading: boolean }>({ data: null, errors: [], loading: !skip });
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const result = await request(document, JSON.parse(key) as V);
      setState({ ...result, loading: false });
    } catch (error) {
      setState({ data: null, errors: [{ message: String(error) }], loading: false });
    }
  }, [document, key]);
  useEffect(() => {
    if (!skip) void reload();
  }, [reload, skip]);
  return { ...state, reload };
}
