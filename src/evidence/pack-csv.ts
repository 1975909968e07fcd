import type { EvidencePack } from './evidence-pack.js';
import type { PackReport, Role } from './pack-content.js';

const COLUMNS: ReadonlyArray<readonly [string, (report: PackReport) => string]> = [
  ['report_id', (r) => r.id],
  ['received_at', (r) => r.receivedAt],
  ['channel', (r) => r.channel],
  ['scam_type', (r) => r.scamType ?? ''],
  ['brand', (r) => r.brand?.name ?? ''],
  ['message_excerpt', (r) => r.excerpt ?? ''],
  ['reference_numbers', (r) => r.referenceNumbers.join('; ')],
  ['callback_numbers', named('CALLBACK_NUMBER')],
  ['caller_ids', named('CALLER_ID')],
  ['sender_ids', named('SENDER_ID')],
  ['urls', named('LINKS_TO')],
  ['domains', named('NAMES_DOMAIN')],
  ['emails', named('CONTACT_EMAIL')],
  ['payment_destinations', named('PAY_TO')],
];

function named(role: Role): (report: PackReport) => string {
  return (report) => report.indicators.filter((each) => each.role === role).map((each) => each.value).join('; ');
}

/**
 * A spreadsheet cell: quoted when it must be (RFC 4180), and text a spreadsheet would run as a
 * formula (a message excerpt starting with "=", "@" ...) kept as text with a leading apostrophe.
 * Phone numbers start with "+" legitimately and are never free text, so only free text is guarded.
 */
function cell(value: string, freeText: boolean): string {
  const safe = freeText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const FREE_TEXT = new Set(['brand', 'message_excerpt', 'reference_numbers']);

/** One row per report, newest first, with what it named by role; the JSON download has the rest. Line by line, for a streamed download. */
export function* packCsvLines(pack: EvidencePack): Generator<string> {
  yield `${COLUMNS.map(([name]) => name).join(',')}\r\n`;
  for (const report of pack.content.reports) {
    yield `${COLUMNS.map(([name, read]) => cell(read(report), FREE_TEXT.has(name))).join(',')}\r\n`;
  }
}

export const packCsv = (pack: EvidencePack): string => [...packCsvLines(pack)].join('');
