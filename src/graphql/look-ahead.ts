import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, simplifyParsedResolveInfoFragmentWithType, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The fields a query selects on the object the current field returns (through fragments and
 * @skip/@include, variables applied), by name, each with its arguments and subtree; the first
 * alias wins. A root field reads them to fetch in one round trip what its child fields would
 * ask for next.
 */
export function selectedFields(info: GraphQLResolveInfo): ReadonlyMap<string, ResolveTree> {
  const parsed = parseResolveInfo(info) as ResolveTree | null;
  if (!parsed) return new Map();
  const { fields } = simplifyParsedResolveInfoFragmentWithType(parsed, getNamedType(info.returnType));
  const byName = new Map<string, ResolveTree>();
  for (const field of Object.values(fields) as ResolveTree[]) if (!byName.has(field.name)) byName.set(field.name, field);
  return byName;
}

/** Which of `lists` the query selects on the object the current field returns. */
export const selectedLists = <L extends string>(info: GraphQLResolveInfo, lists: readonly L[]): L[] => {
  const selected = selectedFields(info);
  return lists.filter((list) => selected.has(list));
};

/** The subtrees of `trees` named `name`, whatever type they were selected on. */
const children = (trees: readonly ResolveTree[], name: string): ResolveTree[] =>
  trees.flatMap((tree) =>
    Object.values(tree.fieldsByTypeName).flatMap((fields) =>
      (Object.values(fields) as ResolveTree[]).filter((field) => field.name === name),
    ),
  );

/** The fields selected on the nodes of a connection's subtree (edges { node { ... } }), by name. */
export function nodeFieldsOf(connection: ResolveTree): string[] {
  const nodes = children(children([connection], 'edges'), 'node');
  return [
    ...new Set(
      nodes.flatMap((node) =>
        Object.values(node.fieldsByTypeName).flatMap((fields) => (Object.values(fields) as ResolveTree[]).map((field) => field.name)),
      ),
    ),
  ];
}

/** The fields a query selects on the nodes of the connection the current field returns. */
export function selectedNodeFields(info: GraphQLResolveInfo): string[] {
  const parsed = parseResolveInfo(info) as ResolveTree | null;
  return parsed ? nodeFieldsOf(parsed) : [];
}
