/** The node properties each field of one GraphQL type reads (a field resolver that reads the key alone reads none). */
export type FieldProperties = Readonly<Record<string, readonly string[]>>;

/**
 * The properties to fetch for the selected `fields` of a type, its `key` always; null (all of
 * them) when a field is missing from `reads`, so a new field is never answered wrongly.
 */
export function nodeProperties(reads: FieldProperties, key: string, fields: readonly string[]): string[] | null {
  const properties = new Set([key]);
  for (const field of fields) {
    if (field.startsWith('__')) continue;
    const wanted = reads[field];
    if (!wanted) return null;
    for (const property of wanted) properties.add(property);
  }
  return [...properties];
}
