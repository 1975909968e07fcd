import { csvLine } from '../text/csv.js';
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
  return (report) =>
    report.indicators
      .filter((each) => each.role === role)
      .map((each) => each.value)
      .join('; ');
}

/** Columns of canonical values only: ids, dates, channel codes and E.164 numbers (which start with "+"). */
const PLAIN = new Set(
  ['report_id', 'received_at', 'channel', 'callback_numbers', 'caller_ids'].map((name) => COLUMNS.findIndex(([column]) => column === name)),
);

/** One row per report, newest first, with what it named by role; the JSON download has the rest. Line by line, for a streamed download. */
export function* packCsvLines(pack: EvidencePack): Generator<string> {
  yield csvLine(COLUMNS.map(([name]) => name));
  for (const report of pack.content.reports)
    yield csvLine(
      COLUMNS.map(([, read]) => read(report)),
      PLAIN,
    );
}

export const packCsv = (pack: EvidencePack): string => [...packCsvLines(pack)].join('');
