// Building and sending the hostile suite's requests: one GraphQL operation per (target, value),
// every other argument valid, the value sent as a variable or written as a literal.
import { request as httpRequest } from 'node:http';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Answer } from './judge.js';
import { toJson } from './json.js';
import { literal, placeValue, type Target } from './targets.js';

export const CHANNELS = ['variables', 'literal'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Plan {
  readonly schema: GraphQLSchema;
  /** Valid arguments per `Type.field`, fresh for every request. */
  readonly baselines: Readonly<Record<string, () => Record<string, unknown>>>;
  /** How a query reaches an object whose field takes arguments: `phoneNumber(number: "...")`. */
  readonly parents: Readonly<Record<string, () => string>>;
  /** Extra selections per returned type; any other object type selects `__typename`. */
  readonly selections: Readonly<Record<string, string>>;
  /** A list element made to carry one field (a bank account given only as an IBAN, say). */
  readonly itemFor: (type: GraphQLInputType, field: string, baseline: unknown) => Record<string, unknown>;
}

export interface Built {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Every argument as sent, the hostile value in place. */
  readonly args: Record<string, unknown>;
}

/** A valid value for a type nobody wrote a baseline for (a new contract field, say). */
export function autoValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [autoValue(inner.ofType as GraphQLInputType)];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, autoValue(f.type)]),
    );
  }
  return ({ Int: 1, Float: 1, Boolean: false, DateTime: new Date().toISOString() } as Record<string, unknown>)[inner.name] ?? 'x';
}

function fieldOf(schema: GraphQLSchema, target: Target): GraphQLField<unknown, unknown> {
  const parent = schema.getType(target.parentType);
  if (!isObjectType(parent)) throw new Error(`${target.parentType} is not an object type`);
  return parent.getFields()[target.field]!;
}

function selectionFor(plan: Plan, type: GraphQLOutputType): string {
  const named = getNamedType(type);
  return plan.selections[named.name] ?? (isObjectType(named) ? '{ __typename }' : '');
}

/** One operation putting `value` where `target` says; throws Inexpressible for a literal GraphQL cannot write. */
export function build(plan: Plan, target: Target, value: unknown, channel: Channel): Built {
  const field = fieldOf(plan.schema, target);
  const isRoot = target.parentType === plan.schema.getQueryType()?.name || target.parentType === plan.schema.getMutationType()?.name;
  const parent = isRoot ? undefined : plan.parents[target.parentType];
  if (!isRoot && !parent) throw new Error(`no way to reach ${target.parentType}: add it to the parents of the plan`);
  const baseline =
    plan.baselines[`${target.parentType}.${target.field}`]?.() ??
    Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, autoValue(a.type)]));
  const args = placeValue({ ...baseline, ...target.overrides }, target, value, plan.itemFor);
  const used = field.args.filter((a) => a.name in args);
  const passed = used.map((a) => `${a.name}: ${channel === 'variables' ? `$${a.name}` : literal(args[a.name], a.type)}`);
  const call = `${field.name}(${passed.join(', ')}) ${selectionFor(plan, field.type)}`;
  const declarations = channel === 'variables' && used.length > 0 ? `(${used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  return {
    query: `${target.operation}${declarations} { ${parent ? `${parent()} { ${call} }` : call} }`,
    variables: channel === 'variables' ? Object.fromEntries(used.map((a) => [a.name, args[a.name]])) : {},
    args,
  };
}

export interface SendOptions {
  readonly method?: 'GET' | 'POST';
  /** Replace the defaults (JSON content type) entirely. */
  readonly headers?: Record<string, string>;
  readonly search?: string;
}

/**
 * One request on a fresh connection (node:http, no keep-alive): the server shares this process,
 * and a reused socket can meet the server's keep-alive timeout after the event loop was busy.
 * A string body is sent as is; anything else as JSON (-0 and any depth kept).
 */
export function send(endpoint: string, body: unknown, options: SendOptions = {}): Promise<Answer> {
  const url = new URL(`${endpoint}${options.search ?? ''}`);
  const payload = options.method === 'GET' ? undefined : typeof body === 'string' ? body : toJson(body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: options.method ?? 'POST',
        agent: false,
        headers: options.headers ?? { 'content-type': 'application/json' },
        timeout: 120_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response
          .on('data', (chunk: Buffer) => chunks.push(chunk))
          .on('error', reject)
          .on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: Answer['body'];
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = undefined;
            }
            resolve({ status: response.statusCode ?? 0, body: parsed, text });
          });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer in 120 s from ${url.pathname}`))).on('error', reject);
    request.end(payload);
  });
}

/** Runs `work` over `items`, `width` at a time. */
export async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
