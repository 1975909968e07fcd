import { failure, h, show } from './dom.js';

export interface Page {
  readonly rows: HTMLElement[];
  readonly totalCount: number;
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
}

/** A table filled one API page at a time: the first on creation, the next on "More". */
export function pagedTable(headings: readonly string[], load: (after: string | null) => Promise<Page>): HTMLElement {
  const body = h('tbody', {});
  const total = h('span', { class: 'total' });
  const more = h('button', { type: 'button', hidden: true }, 'More');
  const status = h('div', {});
  let after: string | null = null;
  const next = async () => {
    more.hidden = true;
    show(status, 'Loading…');
    try {
      const page = await load(after);
      body.append(...page.rows);
      after = page.pageInfo.endCursor;
      more.hidden = !page.pageInfo.hasNextPage;
      show(total, `${body.childElementCount} of ${page.totalCount}`);
      show(status, page.totalCount === 0 ? 'None yet.' : null);
    } catch (error) {
      show(status, failure(error));
    }
  };
  more.addEventListener('click', () => void next());
  void next();
  return h(
    'div',
    { class: 'paged' },
    h('table', {}, h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', {}, heading)))), body),
    status,
    h('p', {}, total, ' ', more),
  );
}

/** One table row whose cells are given in heading order. */
export const row = (attributes: Record<string, string>, ...cells: (Node | string | number)[]): HTMLElement =>
  h('tr', attributes, ...cells.map((cell) => h('td', {}, cell)));
