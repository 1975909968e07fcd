import { session, whenUnauthenticated } from './api.js';
import { h, show } from './dom.js';
import { campaignPage } from './pages/campaign.page.js';
import { campaignsPage } from './pages/campaigns.page.js';
import { crossBrandPage } from './pages/cross-brand.page.js';
import { reviewPage } from './pages/review.page.js';
import { searchPage } from './pages/search.page.js';
import { reporterNote, signInPage, type Viewer } from './pages/sign-in.page.js';

const page = document.getElementById('page') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

/** Hash routes, so the static server needs no fallback: #/search?q=…, #/campaigns, #/campaign/<id>, #/cross-brand, #/review. */
function route(): HTMLElement {
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const campaign = /^\/campaign\/(.+)$/.exec(path);
  if (campaign?.[1]) return campaignPage(decodeURIComponent(campaign[1]));
  if (path === '/campaigns') return campaignsPage(params);
  if (path === '/cross-brand') return crossBrandPage();
  if (path === '/review') return reviewPage();
  return searchPage(params);
}

const ROLE_STORAGE = 'scamgraph.role';

/** The signed-in key's role, learned at sign-in, kept beside the key for this tab. */
const explores = () => sessionStorage.getItem(ROLE_STORAGE) !== 'REPORTER';
const onSignedIn = (viewer: Viewer) => {
  sessionStorage.setItem(ROLE_STORAGE, viewer.role);
  render();
};
const signOut = () => {
  session.signOut();
  sessionStorage.removeItem(ROLE_STORAGE);
};

function render(notice: string | null = null): void {
  // Where a search (or any page) begins: the benchmark measures search-to-drawn from here to "scamgraph:ready".
  performance.mark('scamgraph:route');
  const signedIn = session.key() !== null;
  show(
    nav,
    ...(signedIn && explores()
      ? [
          h('a', { href: '#/search' }, 'Search'),
          h('a', { href: '#/campaigns' }, 'Campaigns'),
          h('a', { href: '#/cross-brand' }, 'Cross-brand numbers'),
          h('a', { href: '#/review' }, 'Review a message'),
        ]
      : []),
    ...(signedIn ? [h('button', { type: 'button', class: 'link', onclick: () => (signOut(), render()) }, 'Sign out')] : []),
  );
  show(page, !signedIn ? signInPage(onSignedIn, notice) : explores() ? route() : h('div', {}, reporterNote(), reviewPage()));
}

whenUnauthenticated((message) => {
  signOut();
  render(`The API refused the key (${message}): sign in again.`);
});
window.addEventListener('hashchange', () => render());
render();
