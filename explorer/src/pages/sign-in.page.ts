import { gql, session } from '../api.js';
import { failure, h, show } from '../dom.js';

/** A read the explorer cannot work without: it tells a REPORTER key (FORBIDDEN) from a wrong one. */
const PROBE = '{ crossBrandNumbers(first: 1) { totalCount } }';

/** Asks for an API key (ANALYST or ADMIN) and keeps it in sessionStorage once the API accepts it. */
export function signInPage(onSignedIn: () => void, notice: string | null): HTMLElement {
  const input = h('input', { type: 'password', name: 'key', autocomplete: 'off', required: true, placeholder: 'sg_…', 'aria-label': 'API key' }) as HTMLInputElement;
  const status = h('div', {}, notice);
  const submit = async (event: Event) => {
    event.preventDefault();
    session.signIn(input.value.trim());
    show(status, 'Checking…');
    try {
      await gql(PROBE);
      onSignedIn();
    } catch (error) {
      session.signOut();
      show(status, failure(error));
    }
  };
  return h(
    'section',
    { class: 'sign-in' },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'An ANALYST or ADMIN API key. It is kept for this tab only (sessionStorage) and sent as a Bearer token to the GraphQL API.'),
    h('form', { onsubmit: (event) => void submit(event) }, input, ' ', h('button', { type: 'submit' }, 'Sign in')),
    status,
  );
}
