import { gql, session } from '../api.js';
import { failure, h, show } from '../dom.js';

/** Every role may ask who it is: the page tells a REPORTER key (submit and check) from one that may explore. */
const PROBE = '{ viewer { role canExplore } }';

export interface Viewer {
  readonly role: string;
  readonly canExplore: boolean;
}

const ROLES: readonly (readonly [string, string])[] = [
  ['ANALYST', 'explores the graph: search, neighbourhoods, campaigns, cross-brand numbers, evidence packs.'],
  ['ADMIN', 'everything an analyst does, and brands, keys, detection runs and disruption.'],
  [
    'REPORTER',
    'reviews messages, submits reports and checks numbers, domains and links (checkNumber, checkDomain, checkUrl); it does not explore.',
  ],
];

/** What each role can see, on the sign-in page. */
const rolesList = () => h('ul', { class: 'roles' }, ...ROLES.map(([role, what]) => h('li', {}, h('strong', {}, role), ` ${what}`)));

/** Asks for an API key and keeps it in sessionStorage once the API accepts it; `onSignedIn` learns what the key may do. */
export function signInPage(onSignedIn: (viewer: Viewer) => void, notice: string | null): HTMLElement {
  const input = h('input', {
    type: 'password',
    name: 'key',
    autocomplete: 'off',
    required: true,
    placeholder: 'sg_…',
    'aria-label': 'API key',
  }) as HTMLInputElement;
  const status = h('div', {}, notice);
  const submit = async (event: Event) => {
    event.preventDefault();
    session.signIn(input.value.trim());
    show(status, 'Checking…');
    try {
      onSignedIn((await gql<{ viewer: Viewer }>(PROBE)).viewer);
    } catch (error) {
      session.signOut();
      show(status, failure(error));
    }
  };
  return h(
    'section',
    { class: 'sign-in' },
    h('h1', {}, 'Sign in'),
    h(
      'p',
      {},
      'An API key. It is kept for this tab only (sessionStorage) and sent as a Bearer token to the GraphQL API. What each role can see:',
    ),
    rolesList(),
    h('form', { onsubmit: (event) => void submit(event) }, input, ' ', h('button', { type: 'submit' }, 'Sign in')),
    status,
  );
}

/** Above the review page a REPORTER key gets: why it sees only that, and how to explore. */
export function reporterNote(): HTMLElement {
  return h(
    'p',
    { class: 'reporter-key', 'data-role': 'REPORTER' },
    'This REPORTER key can review messages, submit reports and check indicators, not explore the graph: for that, sign out and sign in with an ANALYST or ADMIN key.',
  );
}
