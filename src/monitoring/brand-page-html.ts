import type { BrandPage, Listed } from './brand-page.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const items = (values: readonly string[], none: string) =>
  values.length === 0 ? `<p>${escape(none)}</p>` : `<ul>${values.map((value) => `<li>${escape(value)}</li>`).join('')}</ul>`;
const listed = (entries: readonly Listed[], none: string) =>
  entries.length === 0
    ? `<p>${escape(none)}</p>`
    : `<ul>${entries.map((entry) => `<li><span class="value">${escape(entry.value)}</span> <span class="seen">last reported ${escape(entry.lastReported)}</span></li>`).join('')}</ul>`;

/** The page as plain HTML: no script, no external resource, every value escaped. */
export function brandPageHtml(page: BrandPage): string {
  const name = escape(page.name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}: official contact channels</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}h2{margin-top:2rem}.seen{color:#666;font-size:.9em}section.warning{border-left:4px solid #b00020;padding-left:1rem}</style>
</head>
<body>
<h1>${name}: how to reach us</h1>
<section id="official">
<h2>Our official phone numbers</h2>
${items(page.officialNumbers, 'No official number is listed.')}
<h2>Our official websites</h2>
${items(page.officialDomains, 'No official website is listed.')}
</section>
<section id="false-claims" class="warning">
<h2>Numbers and sites falsely claiming to be ${name}</h2>
<p>These appeared in scam reports claiming to be ${name}. They are not ours: do not call or visit them.</p>
<h3>Phone numbers</h3>
${listed(page.falseNumbers, 'None reported as high risk.')}
<h3>Websites</h3>
${listed(page.falseDomains, 'None reported as high risk.')}
</section>
<section id="advice">
<h2>Staying safe</h2>
${items(page.advice, '')}
</section>
</body>
</html>
`;
}
