import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, simplifyParsedResolveInfoFragmentWithType, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The fields a query selects on the object the current field returns (through fragments and
 * @skip/@include, variables applied), by name, with their arguments; the first alias wins. A
 * root field reads them to fetch in one round trip what its child fields would ask for next.
 */
export function selectedFields(info: GraphQLResolveInfo): ReadonlyMap<string, Readonly<Record<string, unknown>>> {
  const parsed = parseResolveInfo(info) as ResolveTree | null;
  if (!parsed) return new Map();
  const { fields } = simplifyParsedResolveInfoFragmentWithType(parsed, getNamedType(info.returnType));
  const byName = new Map<string, Record<string, unknown>>();
  for (const field of Object.values(fields) as ResolveTree[]) if (!byName.has(field.name)) byName.set(field.name, field.args);
  return byName;
}

/** Which of `lists` the query selects on the object the current field returns. */
export const selectedLists = (info: GraphQLResolveInfo, lists: readonly string[]): string[] => {
  const selected = selectedFields(info);
  return lists.filter((list) => selected.has(list));
};
