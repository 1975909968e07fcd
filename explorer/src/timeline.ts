import { weeklyCounts } from './sparkline.js';

const SVG = 'http://www.w3.org/2000/svg';
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Reports per week under the graph: one bar a week (weeks without reports at 0), the peak and the span written out. */
export function timeline(weeks: readonly { week: string; reports: number }[], width = 900, height = 70): SVGSVGElement {
  const counts = weeklyCounts(weeks);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'timeline');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 16}`);
  svg.setAttribute('role', 'img');
  const first = weeks[0]?.week.slice(0, 10) ?? '—';
  const last = weeks.at(-1) ? new Date(Date.parse(weeks.at(-1)!.week) + WEEK_MS - 1).toISOString().slice(0, 10) : '—';
  svg.setAttribute('aria-label', `Reports per week from ${first} to ${last}: ${counts.join(', ')}`);
  svg.dataset['weeks'] = counts.join(',');
  const peak = Math.max(1, ...counts);
  const bar = counts.length > 0 ? width / counts.length : width;
  counts.forEach((count, i) => {
    const rect = document.createElementNS(SVG, 'rect');
    const tall = (count / peak) * (height - 4);
    rect.setAttribute('x', (i * bar + 1).toFixed(1));
    rect.setAttribute('y', (height - tall).toFixed(1));
    rect.setAttribute('width', Math.max(1, bar - 2).toFixed(1));
    rect.setAttribute('height', tall.toFixed(1));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `week ${i + 1}: ${count} reports`;
    rect.append(title);
    svg.append(rect);
  });
  for (const [x, anchor, text] of [[0, 'start', first], [width, 'end', `${last} · peak ${peak} a week`]] as const) {
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String(x));
    label.setAttribute('y', String(height + 13));
    label.setAttribute('text-anchor', anchor);
    label.textContent = text;
    svg.append(label);
  }
  return svg;
}
