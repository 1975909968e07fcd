// Every request goes through the public GraphQL endpoint (or the evidence routes) with the
// signed-in key, exactly as any other client's would: the explorer has no back door.

const KEY_STORAGE = 'scamgraph.apiKey';

/** The signed-in API key: kept in sessionStorage only, so it dies with the tab. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  signIn: (key: string) => sessionStorage.setItem(KEY_STORAGE, key),
  signOut: () => sessionStorage.removeItem(KEY_STORAGE),
};

/** A GraphQL or HTTP error with the server's code (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, ...). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Called with the server's message when it refuses the key, so the page can ask for another. */
let onUnauthenticated: (message: string) => void = () => {};
export const whenUnauthenticated = (handler: (message: string) => void) => (onUnauthenticated = handler);

let graphqlPath: Promise<string> | undefined;

/** The GraphQL path (GRAPHQL_PATH) as the serving process reports it. */
function endpoint(): Promise<string> {
  graphqlPath ??= fetch('/explorer/config.json')
    .then((response) => response.json() as Promise<{ graphqlPath: string }>)
    .then((config) => config.graphqlPath);
  return graphqlPath;
}

function authorization(): Record<string, string> {
  const key = session.key();
  return key ? { authorization: `Bearer ${key}` } : {};
}

function refused(code: string, message: string): ApiError {
  if (code === 'UNAUTHENTICATED') onUnauthenticated(message);
  return new ApiError(code, message);
}

/**
 * One operation; its data, or an ApiError carrying the first error's code and message. Its time,
 * from asking to the answer read, goes to the Performance API as "scamgraph:api <operation name>":
 * the benchmark (scripts/bench/explorer-timings.ts) reads the API's share of search-to-drawn there.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const began = performance.now();
  const response = await fetch(await endpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization() },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  performance.measure(`scamgraph:api ${/^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous'}`, { start: began });
  const [error] = body.errors ?? [];
  if (error) throw refused(error.extensions?.code ?? `HTTP_${response.status}`, error.message);
  if (!body.data) throw new ApiError(`HTTP_${response.status}`, 'the server answered without data');
  return body.data;
}

/** A refused HTTP (not GraphQL) request: the coded error of its JSON body, or its status. */
async function httpRefusal(response: Response, path: string): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { errors?: { message: string; extensions?: { code?: string } }[] };
  const error = body.errors?.[0];
  return refused(error?.extensions?.code ?? `HTTP_${response.status}`, error?.message ?? `${path} answered ${response.status}`);
}

/** What POST /attachments answers: the id (SHA-256) to name in reviewMessage, and what the server took the bytes for. */
interface Attachment {
  readonly id: string;
  readonly kind: string;
  readonly mime: string;
  readonly size: number;
  readonly duplicate: boolean;
}

/** Uploads one file (multipart, one `file` part) with the key, as any client would; an ApiError on refusal. */
export async function upload(file: Blob): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file);
  // No content-type header: the browser writes the multipart boundary itself.
  const response = await fetch('/attachments', { method: 'POST', headers: authorization(), body: form });
  if (!response.ok) throw await httpRefusal(response, '/attachments');
  return (await response.json()) as Attachment;
}

/**
 * Downloads a file that needs the key (an evidence pack): a link cannot send the header, so
 * fetch it with the header and save the answer as a blob under the server's file name.
 */
export async function download(path: string): Promise<void> {
  const response = await fetch(path, { headers: authorization() });
  if (!response.ok) throw await httpRefusal(response, path);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? path.split('/').pop() ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not now: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
