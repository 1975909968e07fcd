type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

const present = (children: Child[]): (Node | string)[] =>
  children.flatMap((child) =>
    child === null || child === undefined || child === false ? [] : [child instanceof Node ? child : String(child)],
  );

/**
 * One element with attributes and children: `on*` keys are listeners, `false`/`undefined`
 * attributes are left out, and text children are escaped by the DOM (no innerHTML anywhere).
 */
export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...present(children));
  return element;
}

/** "2026-01-04T10:00:00.000Z" → "2026-01-04"; "—" for none. */
export const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '—');

/** A first or last seen (campaign or indicator): a source without dates gives none, and the page says so rather than a dash. */
export const seenDay = (iso: string | null): string => (iso ? day(iso) : 'date unknown');

/** A two-column list of facts, rows without a value left out. */
export function facts(rows: ReadonlyArray<readonly [string, Child]>): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    ...rows
      .filter(([, value]) => value !== null && value !== undefined)
      .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
  );
}

/** Replaces what `container` shows. */
export function show(container: HTMLElement, ...children: Child[]): void {
  container.replaceChildren(...present(children));
}

/** An error as the page shows it: the server's code and message. */
export function failure(error: unknown): HTMLElement {
  const code = (error as { code?: string }).code;
  return h('p', { class: 'error', role: 'alert' }, code ? `${code}: ` : '', error instanceof Error ? error.message : String(error));
}
