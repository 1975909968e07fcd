// Issue 16: every client as its users configure it. urql (default settings: queries as GET),
// graphql-request, Apollo Client and a Relay-style fetch all run the same operations with a key.
// GET with a key works; GET without one keeps the CSRF refusal; a mutation never runs over GET.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { cacheExchange, Client, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_KEY, uniqueMobile, type TestApp } from '../helpers/app.js';

const NUMBER = uniqueMobile();
const QUERY = `query Pivot($n: String!) { phoneNumber(number: $n) { e164 reportCount } }`;
const MUTATION = `mutation Submit($r: ReportInput!) { submitReport(report: $r) { errors { code } } }`;
const headers = { authorization: `Bearer ${TEST_ADMIN_KEY}` };

let app: TestApp;
const methods: string[] = [];
/** The fetch every client is given: records the method each request went out with. */
const recordingFetch: typeof fetch = (input, init) => {
  methods.push(init?.method ?? (input instanceof Request ? input.method : 'GET'));
  return fetch(input, init);
};

beforeAll(async () => {
  app = await startTestApp();
  const submitted = await app.gql(MUTATION, { r: { channel: 'SMS', callbackNumbers: [NUMBER] } });
  expect(submitted.errors).toBeUndefined();
});
afterAll(() => app?.stop());

const expected = { phoneNumber: { e164: NUMBER, reportCount: 1 } };

describe('clients', () => {
  it('urql with default settings sends queries as GET, and they are answered', async () => {
    methods.length = 0;
    const client = new Client({
      url: app.url,
      exchanges: [cacheExchange, fetchExchange],
      fetch: recordingFetch,
      fetchOptions: { headers },
    });
    const result = await client.query(QUERY, { n: NUMBER }).toPromise();
    expect(result.error).toBeUndefined();
    // urql's document cache adds __typename to every selection.
    expect(result.data).toMatchObject(expected);
    expect(methods).toEqual(['GET']);
    const written = await client.mutation(MUTATION, { r: { channel: 'SMS', callbackNumbers: [uniqueMobile()] } }).toPromise();
    expect(written.error).toBeUndefined();
    expect(methods).toEqual(['GET', 'POST']);
  });

  it('graphql-request', async () => {
    const client = new GraphQLClient(app.url, { headers, fetch: recordingFetch });
    expect(await client.request(QUERY, { n: NUMBER })).toEqual(expected);
    expect(await client.request(MUTATION, { r: { channel: 'SMS', callbackNumbers: [uniqueMobile()] } })).toEqual({
      submitReport: { errors: [] },
    });
  });

  it('Apollo Client', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: app.url, headers, fetch: recordingFetch }), cache: new InMemoryCache() });
    const { data } = await client.query({ query: gql(QUERY), variables: { n: NUMBER } });
    expect(data).toMatchObject({ phoneNumber: { e164: NUMBER, reportCount: 1 } });
    const written = await client.mutate({
      mutation: gql(MUTATION),
      variables: { r: { channel: 'SMS', callbackNumbers: [uniqueMobile()] } },
    });
    expect(written.data).toMatchObject({ submitReport: { errors: [] } });
  });

  it('a Relay-style fetch', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { n: NUMBER } }),
    });
    expect(await response.json()).toEqual({ data: expected });
  });

  it('GET without an Authorization header keeps the CSRF refusal', async () => {
    const url = `${app.url}?query=${encodeURIComponent('{ __typename }')}`;
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('never runs a mutation over GET, even with a key', async () => {
    const url = `${app.url}?query=${encodeURIComponent('mutation { revokeApiKey(id: "x") { id } }')}`;
    const response = await fetch(url, { headers });
    expect(response.status).toBe(405);
  });
});
