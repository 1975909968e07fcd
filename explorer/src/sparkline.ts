const WEEK_MS = 7 * 24 * 3600 * 1000;
const MAX_WEEKS = 52;
const SVG = 'http://www.w3.org/2000/svg';

/**
 * Reports per week as one count per calendar week, oldest first: the API leaves out weeks
 * without reports, so they are filled with 0 between the first and the last; the last
 * MAX_WEEKS weeks at most.
 */
export function weeklyCounts(weeks: readonly { week: string; reports: number }[]): number[] {
  const first = weeks[0];
  const last = weeks.at(-1);
  if (!first || !last) return [];
  const start = Math.max(Date.parse(first.week), Date.parse(last.week) - (MAX_WEEKS - 1) * WEEK_MS);
  const counts = Array.from({ length: Math.round((Date.parse(last.week) - start) / WEEK_MS) + 1 }, () => 0);
  for (const { week, reports } of weeks) {
    const index = Math.round((Date.parse(week) - start) / WEEK_MS);
    if (index >= 0) counts[index] = reports;
  }
  return counts;
}

/** A small SVG line of weekly counts; its title and data-weeks hold the numbers. */
export function sparkline(weeks: readonly { week: string; reports: number }[], width = 120, height = 24): SVGSVGElement {
  const counts = weeklyCounts(weeks);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.dataset['weeks'] = counts.join(',');
  const title = document.createElementNS(SVG, 'title');
  title.textContent = `${counts.length} weeks from ${weeks[0]?.week.slice(0, 10) ?? '—'}: ${counts.join(', ')} reports`;
  svg.append(title);
  const peak = Math.max(1, ...counts);
  const step = counts.length > 1 ? (width - 2) / (counts.length - 1) : 0;
  const points = counts.map(
    (count, index) => `${(1 + index * step).toFixed(1)},${(height - 1 - (count / peak) * (height - 2)).toFixed(1)}`,
  );
  // One week is a dot: a line needs two points.
  const line = document.createElementNS(SVG, counts.length === 1 ? 'circle' : 'polyline');
  if (counts.length === 1) {
    line.setAttribute('cx', '1');
    line.setAttribute('cy', points[0]?.split(',')[1] ?? '0');
    line.setAttribute('r', '1.5');
  } else line.setAttribute('points', points.join(' '));
  svg.append(line);
  return svg;
}
