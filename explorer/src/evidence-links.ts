import { download } from './api.js';
import { failure, h } from './dom.js';

const FORMATS = [
  ['.json', 'JSON'],
  ['.csv', 'CSV'],
  ['.stix.json', 'STIX 2.1'],
  ['.misp.json', 'MISP'],
] as const;

/**
 * Evidence pack downloads for an indicator ("phone", "+61…") or a campaign ("campaign", id).
 * They need the Bearer key, so each is a button that fetches with it and saves the file.
 */
export function evidenceLinks(kind: string, value: string): HTMLElement {
  const message = h('span', {});
  const buttons = FORMATS.map(([suffix, name]) =>
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        'data-evidence': suffix,
        onclick: () =>
          void download(`/evidence/${kind}/${encodeURIComponent(value)}${suffix}`).then(
            () => message.replaceChildren(),
            (error: unknown) => message.replaceChildren(failure(error)),
          ),
      },
      name,
    ),
  );
  return h('p', { class: 'evidence' }, 'Evidence pack: ', ...buttons, message);
}
