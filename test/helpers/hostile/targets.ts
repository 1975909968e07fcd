// Every place a client can put a value in the served schema: each argument of each field
// (root fields and nested ones), each input-object field below it, each list element.
// The hostile-input suite sends every fixture value to every target found here.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** A field name inside an input object, or `[]` for "an element of this list". */
export type Step = string;
export const ELEMENT = '[]';

export interface Target {
  /** e.g. `Mutation.submitReport(report).wallets[].chain` */
  readonly label: string;
  readonly operation: 'query' | 'mutation';
  /** Query, Mutation, or the object type whose field takes the argument. */
  readonly parentType: string;
  readonly field: string;
  readonly argument: string;
  readonly path: readonly Step[];
  /** The declared type where the hostile value goes. */
  readonly type: GraphQLInputType;
  /** The declared type of the whole argument. */
  readonly argumentType: GraphQLInputType;
  /** Baseline arguments that differ for this target (neighbourhood's `kind` per value). */
  readonly overrides?: Readonly<Record<string, unknown>>;
}

function* walk(type: GraphQLInputType, path: Step[], depth = 0): Generator<{ path: Step[]; type: GraphQLInputType }> {
  yield { path, type };
  if (depth > 6) return; // no input type here recurses; this stops one that would
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    yield* walk(inner.ofType as GraphQLInputType, [...path, ELEMENT], depth + 1);
  } else if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) yield* walk(field.type, [...path, field.name], depth + 1);
  }
}

const label = (parent: string, field: string, argument: string, path: readonly Step[]) =>
  `${parent}.${field}(${argument})${path.map((step) => (step === ELEMENT ? ELEMENT : `.${step}`)).join('')}`;

/**
 * Targets for every argument in `schema`. `variants` splits one argument into several targets
 * with different baselines (key: `Type.field(argument)`), for arguments whose meaning depends
 * on another one.
 */
export function targetsOf(
  schema: GraphQLSchema,
  variants: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>> = {},
): Target[] {
  const targets: Target[] = [];
  const add = (operation: Target['operation'], parentType: string, field: string, argument: GraphQLArgument) => {
    for (const { path, type } of walk(argument.type, [])) {
      const name = label(parentType, field, argument.name, path);
      const splits = path.length === 0 ? variants[name] : undefined;
      for (const overrides of splits ?? [undefined]) {
        const suffix = overrides
          ? `[${Object.entries(overrides)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(',')}]`
          : '';
        targets.push({
          label: `${name}${suffix}`,
          operation,
          parentType,
          field,
          argument: argument.name,
          path,
          type,
          argumentType: argument.type,
          ...(overrides ? { overrides } : {}),
        });
      }
    }
  };
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const argument of field.args) add(operation, root!.name, field.name, argument);
    }
  }
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name, schema.getSubscriptionType()?.name]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type.name) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      for (const argument of field.args) add('query', type.name, field.name, argument);
    }
  }
  return targets;
}

/** Replaces the value at `path` inside `container[argument]`; `itemFor` makes a list element to hold a field. */
export function placeValue(
  args: Record<string, unknown>,
  target: Target,
  value: unknown,
  itemFor: (type: GraphQLInputType, field: string, baseline: unknown) => Record<string, unknown>,
): Record<string, unknown> {
  if (target.path.length === 0) return { ...args, [target.argument]: value };
  const root = structuredClone(args[target.argument] ?? {});
  let holder: any = { root };
  let key: string | number = 'root';
  let type: GraphQLInputType = target.argumentType;
  for (const [i, step] of target.path.entries()) {
    const inner = isNonNullType(type) ? type.ofType : type;
    const current = holder[key];
    if (step === ELEMENT && isListType(inner)) {
      const list: unknown[] = Array.isArray(current) ? current : [];
      holder[key] = list;
      const next = target.path[i + 1];
      const elementType = inner.ofType as GraphQLInputType;
      // A field target gets an element made for that field (a bank account with only an iban, say).
      if (next !== undefined) list[Math.max(list.length - 1, 0)] = itemFor(elementType, next, list.at(-1));
      holder = list;
      key = Math.max(list.length - 1, 0);
      type = elementType;
    } else if (isInputObjectType(inner)) {
      if (current === null || typeof current !== 'object') holder[key] = {};
      holder = holder[key];
      key = step;
      type = inner.getFields()[step]!.type;
    }
  }
  holder[key] = value;
  return { ...args, [target.argument]: root };
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Thrown by `literal` for a value GraphQL syntax cannot express (NaN, a key that is not a Name). */
export class Inexpressible extends Error {}

/**
 * A value as a GraphQL literal, typed where the type is known (enum names bare). Iterative,
 * so a value nested 10,000 levels deep renders without exhausting the stack.
 */
export function literal(value: unknown, type?: GraphQLInputType): string {
  const out: string[] = [];
  const stack: Array<string | { value: unknown; type: GraphQLInputType | undefined }> = [{ value, type }];
  while (stack.length > 0) {
    const task = stack.pop()!;
    if (typeof task === 'string') {
      out.push(task);
      continue;
    }
    const { value: v } = task;
    const t = task.type && isNonNullType(task.type) ? (task.type.ofType as GraphQLInputType) : task.type;
    if (v === null || v === undefined) out.push('null');
    else if (typeof v === 'string') {
      const named = t ? getNamedType(t) : undefined;
      const bare = named && isEnumType(named) && !isListType(t) && NAME.test(v) && !['true', 'false', 'null'].includes(v);
      out.push(bare ? v : JSON.stringify(v));
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Inexpressible(`${v} has no GraphQL literal`);
      out.push(Object.is(v, -0) ? '-0' : String(v));
    } else if (typeof v === 'boolean') out.push(String(v));
    else if (Array.isArray(v)) {
      const element = t && isListType(t) ? (t.ofType as GraphQLInputType) : undefined;
      stack.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i], type: element });
        if (i > 0) stack.push(', ');
      }
      stack.push('[');
    } else if (typeof v === 'object') {
      const fields = t && isInputObjectType(t) ? t.getFields() : undefined;
      const entries = Object.entries(v);
      stack.push('}');
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        if (!NAME.test(key)) throw new Inexpressible(`"${key}" is not a GraphQL name`);
        stack.push({ value: inner, type: fields?.[key]?.type });
        stack.push(`${key}: `);
        if (i > 0) stack.push(', ');
      }
      stack.push('{');
    } else throw new Inexpressible(`a ${typeof v} has no GraphQL literal`);
  }
  return out.join('');
}
