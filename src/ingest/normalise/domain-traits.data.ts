/**
 * Curated registrable domains (as normaliseDomain returns them) that are hubs: many unrelated
 * people use them, so sharing one says nothing about sharing an operator.
 *
 * Hosting platforms on the Public Suffix List's private section (netlify.app, github.io,
 * blogspot.com ...) are listed for their bare domain only: a tenant such as evil.netlify.app
 * is a registrable domain of its own (see normaliseUrl) and belongs to whoever made it.
 */

export const URL_SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'v.gd', 'cutt.ly',
  'rb.gy', 'shorturl.at', 'tiny.cc', 'rebrand.ly', 'buff.ly', 't.ly', 's.id', 'lnkd.in',
  'qrco.de', 'forms.gle', '1drv.ms', 'shorte.st', 'adf.ly', 'bl.ink', 'surl.li', 'urlz.fr',
]);

export const PLATFORMS: ReadonlySet<string> = new Set([
  // Content and messaging links on the platform's own domain (sites.google.com, docs.google.com).
  'google.com', 'facebook.com', 'fb.com', 'instagram.com', 'youtube.com', 'tiktok.com',
  'linkedin.com', 'x.com', 'twitter.com', 'wa.me', 'whatsapp.com', 't.me', 'telegram.me',
  'telegram.org', 'github.com', 'linktr.ee', 'dropbox.com', 'sharepoint.com', 'live.com',
  'microsoft.com', 'apple.com', 'weebly.com', 'wix.com', 'wixsite.com', 'square.site',
  // Hosting platforms whose tenants are registrable domains of their own (see above).
  'github.io', 'blogspot.com', 'firebaseapp.com', 'web.app', 'netlify.app', 'vercel.app',
  'pages.dev', 'workers.dev', 'r2.dev', 'herokuapp.com', 'azurewebsites.net', 'amazonaws.com',
  'glitch.me', '000webhostapp.com', 'webflow.io', 'ipfs.io',
  // Free hosting and publishing whose tenants are subdomains the Public Suffix List does not split
  // off: seen gluing unrelated scams into one campaign in EtherScamDB (test/fixtures/data/scams.yaml).
  'bitballoon.com', 'netlify.com', 'tumblr.com', 'medium.com', 'telegra.ph', 'typeform.com',
  'kissr.com', 'droppages.com', 'updog.co', 'getforge.io', 'paperplane.io', 'neocities.org',
  'htmlpasta.com', 'blogspot.de', 'epizy.com', 'rf.gd', 'co.nf', 'heliohost.org', 'usermd.net',
  'webcindario.com', 'domen-hosting.org', '1gb.ru', 'czweb.org', 'xf.cz', 'webz.cz', 'borec.cz',
  'byethost8.com', 'byethost11.com', 'byethost14.com', 'byethost16.com', 'byethost32.com',
]);

export const FREE_MAIL: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com',
  'msn.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.com.au', 'ymail.com', 'icloud.com', 'me.com',
  'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de',
  'mail.com', 'aol.com', 'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'zoho.com',
  'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', 'tutanota.com', 'tuta.io',
  'fastmail.com', 'hushmail.com',
]);
