/** The i-th item of `list`, round and round: the flood's clients take turns through their queries and keys. */
export const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
