/** One GraphQL request over HTTP with an API key, timed from send to parsed body: what a client sees. */
export async function postGraphql(
  url: string,
  key: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ ms: number; status: number; body: any }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  return { ms: performance.now() - started, status: response.status, body };
}
