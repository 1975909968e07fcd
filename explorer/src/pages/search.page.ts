import { day, facts, failure, h, show } from '../dom.js';
import { evidenceLinks } from '../evidence-links.js';
import { summary, type Picture } from '../graph-data.js';
import { GraphView } from '../graph-view.js';
import { type Check, indicatorSummary, type IndicatorSummary, type ReportRow } from '../indicator-summary.js';
import { fromNodeId, guessKind, INDICATOR_KINDS, isIndicatorKind, type IndicatorKind } from '../indicator.js';

/** Nodes drawn around the indicator: what 1400 x 900 shows with every label readable; the rest is folded. */
const LIMIT = 40;
const EXCERPT = 160;

/** Search: any indicator as typed; its check and facts, its neighbourhood drawn, its reports beside it. */
export function searchPage(params: URLSearchParams): HTMLElement {
  const typed = params.get('q') ?? '';
  const chosen = params.get('kind') ?? '';
  const input = h('input', {
    name: 'q',
    value: typed,
    placeholder: 'a number in any format, URL, domain, email, wallet or bank account',
    size: 60,
    'aria-label': 'Indicator',
  }) as HTMLInputElement;
  const kind = h(
    'select',
    { name: 'kind', 'aria-label': 'Kind' },
    h('option', { value: '' }, 'any kind'),
    ...INDICATOR_KINDS.map((k) => h('option', { value: k, selected: k === chosen }, k)),
  ) as HTMLSelectElement;
  const withReports = params.get('reports') === '1';
  const reports = h('input', { type: 'checkbox', name: 'reports', checked: withReports }) as HTMLInputElement;
  const submit = (event: Event) => {
    event.preventDefault();
    location.hash = `#/search?${new URLSearchParams({ q: input.value.trim(), ...(kind.value ? { kind: kind.value } : {}), ...(reports.checked ? { reports: '1' } : {}) })}`;
  };
  // Reports are folded into weighted lines unless asked for: drawn, each is one more node per report.
  const form = h(
    'form',
    { class: 'search', onsubmit: submit },
    input,
    ' ',
    kind,
    ' ',
    h('label', {}, reports, ' draw the reports'),
    ' ',
    h('button', { type: 'submit' }, 'Search'),
  );
  const page = h('section', { class: 'search-page' }, form);
  if (typed.trim()) page.append(results(isIndicatorKind(chosen) ? chosen : guessKind(typed), typed.trim(), withReports));
  return page;
}

function results(kind: IndicatorKind, value: string, withReports: boolean): HTMLElement {
  const graph = new GraphView();
  const side = h('aside', { class: 'side' }, `Looking up ${value} as ${kind}…`);
  // The API answers the summarised node first: its id is the indicator's canonical form.
  const origin = (picture: Picture) => picture.nodes[0]?.id ?? null;
  const drawing = summary(kind, value, LIMIT, withReports);
  // The graph is drawn as soon as its summary comes, not held back by the reports beside it.
  void graph.busy(async () => {
    const picture = await drawing.catch(() => null); // its failure is shown beside it, below
    if (picture) graph.draw(picture, origin(picture));
  });
  // The side panel is asked for once the summary has answered, not beside it: asked together, its
  // five statements (check, counts, campaign, reports) took the key's two reads at a time and the
  // machine's two cores from the summary's three, which the drawing waits on (docs/performance.md).
  drawing
    .then(async (picture) => show(side, ...sidePanel(kind, value, await indicatorSummary(kind, value), origin(picture))))
    .catch((error: unknown) => show(side, failure(error)));
  return h('div', { class: 'results' }, graph.element, side);
}

function sidePanel(kind: IndicatorKind, typed: string, summary: IndicatorSummary, origin: string | null): (Node | string)[] {
  const canonical = origin ? fromNodeId(origin).value : typed;
  return [
    h('h2', {}, canonical, h('small', {}, ` ${kind}`)),
    summary.check
      ? checkPanel(summary.check, summary.checked)
      : h('p', { class: 'muted' }, `No check for ${kind}s: the API checks numbers, domains and URLs.`),
    summary.facts.length > 0 ? facts(summary.facts) : h('p', {}, 'No report names it.'),
    summary.brands.length > 0 ? h('p', {}, 'Brands: ', summary.brands.map((brand) => brand.name).join(', ')) : '',
    summary.campaign
      ? h(
          'p',
          {},
          'Campaign: ',
          h('a', { href: `#/campaign/${summary.campaign.id}` }, `${summary.campaign.id} (${summary.campaign.size ?? '?'} indicators)`),
        )
      : '',
    origin ? evidenceLinks(kind, canonical) : '',
    h('h3', {}, `Reports (${summary.reports.length} of ${summary.reportTotal})`),
    h('ol', { class: 'reports' }, ...summary.reports.map(reportItem)),
  ];
}

function checkPanel(check: Check, checked: string | null): HTMLElement {
  return h(
    'div',
    { class: 'check' },
    h(
      'p',
      {},
      h('span', { class: `verdict ${check.verdict}`, 'data-verdict': check.verdict }, check.verdict),
      ` score ${check.score}`,
      checked ? ` (checked by its domain ${checked})` : '',
    ),
    h(
      'ul',
      { class: 'reasons' },
      ...check.reasons.map((reason) =>
        h('li', { title: reason.code }, reason.message, reason.weight ? h('small', {}, ` +${reason.weight}`) : ''),
      ),
    ),
  );
}

const reportItem = (report: ReportRow): HTMLElement =>
  h(
    'li',
    { 'data-report-id': report.id },
    h('strong', {}, `${day(report.receivedAt)} ${report.channel}`),
    [report.brand, report.scamType]
      .filter(Boolean)
      .map((text) => ` · ${text}`)
      .join(''),
    report.text ? h('div', { class: 'excerpt' }, report.text.length > EXCERPT ? `${report.text.slice(0, EXCERPT)}…` : report.text) : '',
  );
