import { gql, upload } from '../api.js';
import { failure, h, show } from '../dom.js';

const REVIEW = `query Review($input: ReviewInput!) {
  reviewMessage(input: $input) {
    verdict score
    reasons { code message }
    brand { name slug officialNumbers officialDomains summary }
    indicators { kind value role origins { via raw attachmentId } check { verdict score } }
    advice { code message }
  } }`;

interface Review {
  readonly verdict: string;
  readonly score: number;
  readonly reasons: readonly { code: string; message: string }[];
  readonly brand: {
    name: string;
    slug: string;
    officialNumbers: readonly string[];
    officialDomains: readonly string[];
    summary: string | null;
  } | null;
  readonly indicators: readonly {
    kind: string;
    value: string;
    role: string;
    origins: readonly { via: string; raw: string; attachmentId: string | null }[];
    check: { verdict: string; score: number } | null;
  }[];
  readonly advice: readonly { code: string; message: string }[];
}

/** Files a person is likely to have received; the server decides what the bytes are, this only narrows the picker. */
const ACCEPTS = 'image/*,.eml,message/rfc822,application/pdf,.pdf,text/plain,.txt';

/** The answer: verdict and score first, then why, the brand's real channels, each indicator, and what to do. */
function answer(review: Review): HTMLElement {
  const { brand } = review;
  return h(
    'div',
    { class: 'review-answer', 'data-verdict-of-review': review.verdict },
    h(
      'p',
      { class: 'review-verdict' },
      h('span', { class: `verdict ${review.verdict}`, 'data-review-verdict': review.verdict }, review.verdict),
      ' score ',
      h('strong', { 'data-review-score': review.score }, review.score),
      ' / 100',
    ),
    h('ul', { class: 'reasons' }, ...review.reasons.map((reason) => h('li', { 'data-reason': reason.code }, reason.message))),
    brand &&
      h(
        'div',
        { class: 'review-brand', 'data-brand': brand.slug },
        h('h2', {}, `${brand.name}: its official channels`),
        h(
          'p',
          {},
          'Numbers: ',
          brand.officialNumbers.join(', ') || 'none registered',
          '. Sites: ',
          brand.officialDomains.join(', ') || 'none registered',
          '.',
        ),
        brand.summary && h('p', { 'data-brand-summary': '' }, brand.summary),
      ),
    h('h2', {}, 'What the message contains'),
    review.indicators.length === 0
      ? h('p', {}, 'No number, link, address or account was found in it.')
      : h(
          'table',
          { class: 'review-indicators' },
          h('thead', {}, h('tr', {}, ...['Indicator', 'Role', 'Read from', 'Check'].map((title) => h('th', {}, title)))),
          h(
            'tbody',
            {},
            ...review.indicators.map((indicator) =>
              h(
                'tr',
                { 'data-role': indicator.role, 'data-origins': indicator.origins.map((origin) => origin.via).join(' ') },
                h('td', {}, `${indicator.kind} ${indicator.value}`),
                h('td', {}, indicator.role),
                h('td', {}, [...new Set(indicator.origins.map((origin) => origin.via))].join(', ')),
                h('td', {}, indicator.check ? h('span', { class: `verdict ${indicator.check.verdict}` }, indicator.check.verdict) : '—'),
              ),
            ),
          ),
        ),
    h('h2', {}, 'What to do'),
    h('ul', { class: 'advice' }, ...review.advice.map((advice) => h('li', { 'data-advice': advice.code }, advice.message))),
  );
}

/**
 * Review a message: paste its text and/or attach (or drop) what was received; each file is
 * uploaded with POST /attachments, then reviewMessage answers for the text and the files together.
 */
export function reviewPage(): HTMLElement {
  const text = h('textarea', { name: 'text', rows: 8, cols: 80, 'aria-label': 'Message text' }) as HTMLTextAreaElement;
  const files = h('input', {
    type: 'file',
    name: 'files',
    multiple: true,
    accept: ACCEPTS,
    'aria-label': 'Attachments',
  }) as HTMLInputElement;
  const region = h('input', { name: 'region', size: 3, maxlength: 2, placeholder: 'AU', 'aria-label': 'Region' }) as HTMLInputElement;
  const brand = h('input', { name: 'brand', placeholder: 'commbank', 'aria-label': 'Claimed brand' }) as HTMLInputElement;
  const status = h('div', { class: 'review-status', 'aria-live': 'polite' });
  const drop = h(
    'div',
    {
      class: 'drop-zone',
      ondragover: (event) => event.preventDefault(),
      ondrop: (event) => {
        event.preventDefault();
        const dropped = (event as DragEvent).dataTransfer?.files;
        if (dropped?.length) files.files = dropped;
      },
    },
    'Drop a screenshot, email (.eml), PDF or text file here, or choose: ',
    files,
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    const chosen = [...(files.files ?? [])];
    show(status, chosen.length ? `Uploading ${chosen.length} file(s)…` : 'Reviewing…');
    try {
      // One at a time: the server reads each file (OCR, PDF text) as it arrives, and this machine may be small.
      const attachmentIds: string[] = [];
      for (const file of chosen) attachmentIds.push((await upload(file)).id);
      show(status, 'Reviewing…');
      const input = {
        ...(text.value.trim() ? { text: text.value } : {}),
        ...(attachmentIds.length ? { attachmentIds } : {}),
        ...(region.value.trim() ? { defaultRegion: region.value.trim().toUpperCase() } : {}),
        ...(brand.value.trim() ? { claimedBrand: brand.value.trim() } : {}),
      };
      show(status, answer((await gql<{ reviewMessage: Review }>(REVIEW, { input })).reviewMessage));
    } catch (error) {
      show(status, failure(error));
    }
  };
  return h(
    'section',
    { class: 'review' },
    h('h1', {}, 'Review a message'),
    h('p', {}, 'Paste what you received, attach it, or both: the answer says how risky it is, why, and what to do.'),
    h(
      'form',
      { onsubmit: (event) => void submit(event) },
      h('p', {}, text),
      drop,
      h('p', {}, h('label', {}, 'Region ', region), ' ', h('label', {}, 'Claimed brand ', brand), ' (optional)'),
      h('button', { type: 'submit' }, 'Review'),
    ),
    status,
  );
}
