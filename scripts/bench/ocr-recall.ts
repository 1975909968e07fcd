/**
 * OCR recall: labelled messages with callback numbers (test/fixtures/labelled) rendered as phone
 * screenshots in headless Chromium (light bubble, dark bubble, notification banner; DejaVu Sans,
 * Liberation Sans, DejaVu Serif), read by the same OCR as uploads (tesseract.js, installed English
 * model), then extracted; callback recall against the same messages extracted as text, and the
 * OCR time per image. `npx tsx scripts/bench/ocr-recall.ts [messages=24]`; prints JSON.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createWorker } from 'tesseract.js';
import { ENG_LANG_PATH } from '../../src/attachments/ocr.js';
import { projectRoot } from '../../src/config/project-root.js';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import type { CountryCode } from '../../src/ingest/normalise/phone.js';

interface Labelled {
  text: string;
  region: CountryCode;
  expected: { callbackNumbers: string[] };
}

const STYLES = {
  light: { font: 'DejaVu Sans', page: '#fff', bubble: '#e5e5ea', ink: '#000', size: 17, banner: false },
  dark: { font: 'Liberation Sans', page: '#000', bubble: '#262629', ink: '#fff', size: 17, banner: false },
  banner: { font: 'DejaVu Serif', page: '#cfd8dc', bubble: 'rgba(255,255,255,0.85)', ink: '#111', size: 14, banner: true },
} as const;

const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
const page = (
  text: string,
  s: (typeof STYLES)[keyof typeof STYLES],
) => `<!doctype html><html><body style="margin:0;width:390px;background:${s.page};font-family:'${s.font}'">
${s.banner ? '<div style="padding:8px 12px;font-size:12px;color:#333">MESSAGES · now</div>' : `<div style="height:44px;line-height:44px;text-align:center;font-weight:bold;color:${s.ink}">Messages</div>`}
<div style="margin:8px ${s.banner ? '8px' : '60px 12px 12px'};padding:12px 14px;background:${s.bubble};color:${s.ink};border-radius:18px;font-size:${s.size}px;line-height:1.35;word-wrap:break-word">${escape(text)}</div></body></html>`;

const callbacks = (text: string, region: CountryCode) =>
  new Set(
    extractIndicators(text, region)
      .phones.filter((p) => p.role === 'CALLBACK')
      .map((p) => p.e164),
  );
const recall = (found: Set<string>, expected: string[]) => expected.filter((e164) => found.has(e164)).length;

const count = Number(process.argv[2] ?? 24);
const messages = readFileSync(join(projectRoot(), 'test/fixtures/labelled/messages.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Labelled)
  .filter((m) => m.expected.callbackNumbers.length > 0)
  .slice(0, count);
const expectedTotal = messages.reduce((sum, m) => sum + m.expected.callbackNumbers.length, 0);
const loadBefore = loadavg()[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const tab = await browser.newPage({ viewport: { width: 390, height: 200 } });
const initStart = performance.now();
const worker = await createWorker('eng', 1, { langPath: ENG_LANG_PATH, cacheMethod: 'none', gzip: true });
const initMs = performance.now() - initStart;
const textFound = messages.reduce((sum, m) => sum + recall(callbacks(m.text, m.region), m.expected.callbackNumbers), 0);
const results: Record<string, unknown> = {};
for (const [name, style] of Object.entries(STYLES)) {
  let found = 0;
  const times: number[] = [];
  for (const m of messages) {
    await tab.setContent(page(m.text, style));
    const png = await tab.screenshot({ fullPage: true });
    const start = performance.now();
    const { data } = await worker.recognize(png);
    times.push(performance.now() - start);
    found += recall(callbacks(data.text, m.region), m.expected.callbackNumbers);
  }
  times.sort((a, b) => a - b);
  results[name] = {
    recall: +(found / expectedTotal).toFixed(3),
    found,
    ocrMsMedian: Math.round(times[times.length >> 1] ?? 0),
    ocrMsMax: Math.round(times.at(-1) ?? 0),
  };
}
await worker.terminate();
await browser.close();
console.log(
  JSON.stringify(
    {
      messages: messages.length,
      callbacks: expectedTotal,
      textRecall: +(textFound / expectedTotal).toFixed(3),
      workerInitMs: Math.round(initMs),
      ocr: results,
      load1m: [loadBefore, loadavg()[0]].map((l) => +(l ?? 0).toFixed(1)),
    },
    null,
    2,
  ),
);
