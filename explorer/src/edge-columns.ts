// Apart from graph-data.ts (which calls the API): the unit tests read it beside the server's edgeColumns.

/** Campaign.picture's edgeColumns: per edge, its ends' indexes into nodes, its kind and its reports. */
export interface EdgeColumns {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly kind: readonly string[];
  readonly reports: readonly number[];
}
/** The edges that edgeColumns lists, one by one, their ends by node id. */
export function edgesOf(
  columns: EdgeColumns,
  nodes: readonly { id: string }[],
): { source: string; target: string; kind: string; reports: number }[] {
  const id = (index: number) => (nodes[index] as { id: string }).id;
  return columns.source.map((source, i) => ({
    source: id(source),
    target: id(columns.target[i] as number),
    kind: columns.kind[i] as string,
    reports: columns.reports[i] as number,
  }));
}
