// JSON.stringify gives up near 10,000 levels of nesting and writes -0 as 0; hostile requests
// need both, so this encoder is iterative and writes the token -0.

/** `value` as JSON text, with -0 kept and any depth allowed. */
export function toJson(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [{ value }];
  while (stack.length > 0) {
    const task = stack.pop();
    if (typeof task === 'string') {
      out.push(task);
      continue;
    }
    const v = (task as { value: unknown }).value;
    if (v === null || v === undefined) out.push('null');
    else if (typeof v === 'number') out.push(Object.is(v, -0) ? '-0' : Number.isFinite(v) ? String(v) : 'null');
    else if (typeof v === 'string' || typeof v === 'boolean') out.push(JSON.stringify(v));
    else if (Array.isArray(v)) {
      stack.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ value: v[i] });
        if (i > 0) stack.push(',');
      }
      stack.push('[');
    } else if (typeof v === 'object') {
      const entries = Object.entries(v).filter(([, inner]) => inner !== undefined);
      stack.push('}');
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        stack.push({ value: inner });
        stack.push(`${JSON.stringify(key)}:`);
        if (i > 0) stack.push(',');
      }
      stack.push('{');
    } else out.push('null');
  }
  return out.join('');
}
