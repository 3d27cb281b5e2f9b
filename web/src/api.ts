// The dashboard talks to the public GraphQL API like any other client: POST /graphql on its own origin,
// with the API key (when the reader gave one) as a Bearer token.
const KEY_STORAGE = 'factcheck.apiKey';

export interface ApiErrorDetail {
  message: string;
  code: string | undefined;
  field: string | undefined;
}

export class ApiError extends Error {
  readonly details: ApiErrorDetail[];
  constructor(details: ApiErrorDetail[]) {
    super(details.map((d) => d.message).join('; '));
    this.details = details;
  }
}

// Storage can be refused (privacy settings); the key then lives in memory for this page only.
const storage = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

let apiKey: string = storage()?.getItem(KEY_STORAGE) ?? '';

export function getApiKey(): string {
  return apiKey;
}

/** The key lives in this tab only (sessionStorage) unless the reader asks for none at all. */
export function setApiKey(key: string, remember: boolean): void {
  apiKey = key.trim();
  if (remember && apiKey) storage()?.setItem(KEY_STORAGE, apiKey);
  else storage()?.removeItem(KEY_STORAGE);
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError([
      { message: 'The API could not be reached. Is the server running?', code: 'NETWORK', field: undefined },
    ]);
  }
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> };
  try {
    body = await response.json();
  } catch {
    throw new ApiError([
      { message: `The API answered HTTP ${response.status} without a GraphQL body.`, code: 'HTTP', field: undefined },
    ]);
  }
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => ({ message: e.message, code: e.extensions?.code, field: e.extensions?.field })),
    );
  }
  if (!body.data)
    throw new ApiError([
      { message: `The API answered HTTP ${response.status} with no data.`, code: 'HTTP', field: undefined },
    ]);
  return body.data;
}
