import { h } from './dom.js';
import { weeklyCounts } from './sparkline.js';

const SVG = 'http://www.w3.org/2000/svg';
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Weeks chosen on the timeline: from the start of the first to the end of the last. */
export interface TimeRange {
  readonly from: Date;
  readonly to: Date;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const svgElement = (name: string, attributes: Record<string, string>) => {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};

/**
 * Reports per week under the graph: one bar a week (weeks without reports at 0), the span and the
 * peak written out. Dragging across bars (or clicking one) chooses weeks and calls `onBrush` with
 * them; "all weeks" calls it with null. The arrow keys do the same from the keyboard: left and
 * right move a one-week choice, with shift they widen it. `undated` reports (their source gave no
 * date) are in no week: the caption counts them, so bars that are missing are not read as quiet weeks.
 */
export function timeline(
  weeks: readonly { week: string; reports: number }[],
  onBrush: (range: TimeRange | null) => void,
  undated = 0,
  width = 900,
  height = 70,
): HTMLElement {
  const counts = weeklyCounts(weeks);
  // weeklyCounts keeps the last 52 weeks at most: the first bar is counted back from the last week.
  const start = weeks.length > 0 ? Date.parse(weeks.at(-1)!.week) - (counts.length - 1) * WEEK_MS : 0;
  const span = counts.length > 0 ? `${iso(start)} to ${iso(start + counts.length * WEEK_MS - 1)}` : 'no reports';
  const svg = svgElement('svg', {
    class: 'timeline',
    viewBox: `0 0 ${width} ${height + 16}`,
    role: 'slider',
    tabindex: '0',
    'aria-label': `Reports per week from ${span}: ${counts.join(', ')}. Drag or use the arrow keys to choose weeks.`,
  });
  svg.dataset['weeks'] = counts.join(',');
  const peak = Math.max(1, ...counts);
  const bar = counts.length > 0 ? width / counts.length : width;
  const brush = svgElement('rect', { class: 'brush', y: '0', height: String(height), width: '0' });
  counts.forEach((count, i) => {
    const tall = (count / peak) * (height - 4);
    const rect = svgElement('rect', {
      x: (i * bar + 1).toFixed(1),
      y: (height - tall).toFixed(1),
      width: Math.max(1, bar - 2).toFixed(1),
      height: tall.toFixed(1),
      'data-week': iso(start + i * WEEK_MS),
    });
    const title = svgElement('title', {});
    title.textContent = `week of ${iso(start + i * WEEK_MS)}: ${count} reports`;
    rect.append(title);
    svg.append(rect);
  });
  // Over the bars, translucent: the weeks chosen stay readable under it.
  svg.append(brush);
  for (const [x, anchor, text] of [
    [0, 'start', counts.length > 0 ? iso(start) : '—'],
    [width, 'end', `${counts.length > 0 ? iso(start + counts.length * WEEK_MS - 1) : '—'} · peak ${peak} a week`],
  ] as const) {
    const label = svgElement('text', { x: String(x), y: String(height + 13), 'text-anchor': anchor });
    label.textContent = text;
    svg.append(label);
  }

  const said = h('span', { class: 'timeline-range', 'aria-live': 'polite' }, 'All weeks.');
  const clear = h('button', { type: 'button', class: 'link', hidden: true, onclick: () => choose(null) }, 'all weeks');
  let chosen: [number, number] | null = null;
  const choose = (weeksChosen: [number, number] | null) => {
    chosen = weeksChosen;
    clear.hidden = weeksChosen === null;
    if (!weeksChosen) {
      brush.setAttribute('width', '0');
      said.textContent = 'All weeks.';
      svg.removeAttribute('data-brushed');
      return onBrush(null);
    }
    const [a, b] = weeksChosen;
    brush.setAttribute('x', String(a * bar));
    brush.setAttribute('width', String((b - a + 1) * bar));
    const range = { from: new Date(start + a * WEEK_MS), to: new Date(start + (b + 1) * WEEK_MS - 1) };
    const reports = counts.slice(a, b + 1).reduce((sum, n) => sum + n, 0);
    said.textContent = `${iso(range.from.getTime())} to ${iso(range.to.getTime())}: ${reports} reports; what was not reported then is faded. `;
    svg.dataset['brushed'] = `${iso(range.from.getTime())}/${iso(range.to.getTime())}`;
    onBrush(range);
  };

  // Pointer x to a week, through the viewBox's scale.
  const weekAt = (event: PointerEvent) => {
    const box = svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * width;
    return Math.min(counts.length - 1, Math.max(0, Math.floor(x / bar)));
  };
  let anchor: number | null = null;
  svg.addEventListener('pointerdown', (event) => {
    if (counts.length === 0) return;
    anchor = weekAt(event);
    svg.setPointerCapture(event.pointerId);
    choose([anchor, anchor]);
  });
  svg.addEventListener('pointermove', (event) => {
    if (anchor === null) return;
    const at = weekAt(event);
    if (!chosen || Math.min(anchor, at) !== chosen[0] || Math.max(anchor, at) !== chosen[1])
      choose([Math.min(anchor, at), Math.max(anchor, at)]);
  });
  svg.addEventListener('pointerup', () => void (anchor = null));
  svg.addEventListener('keydown', (event) => {
    if (counts.length === 0 || !['ArrowLeft', 'ArrowRight', 'Escape'].includes(event.key)) return;
    event.preventDefault();
    if (event.key === 'Escape') return choose(null);
    const step = event.key === 'ArrowLeft' ? -1 : 1;
    const [a, b] = chosen ?? [step < 0 ? counts.length : -1, step < 0 ? counts.length : -1];
    const clamp = (n: number) => Math.min(counts.length - 1, Math.max(0, n));
    choose(
      event.shiftKey && chosen ? ([a, clamp(b + step)].sort((x, y) => x - y) as [number, number]) : [clamp(a + step), clamp(a + step)],
    );
  });
  return h(
    'div',
    { class: 'timeline-box' },
    svg,
    h(
      'div',
      { class: 'timeline-caption' },
      'Reports per week; drag across the bars to see those weeks only. ',
      undated > 0 ? h('span', { class: 'timeline-undated' }, `${undated} reports without a date (date unknown) are in no week. `) : '',
      said,
      clear,
    ),
  );
}
