import { describe, expect, it } from 'vitest';
import { linkParams } from '../../src/ingest/batch-write.js';
import type { WriteRow } from '../../src/ingest/report-rows.js';
import { writeRow } from '../helpers/write-row.js';
import { namedIn, prefixesOf, reportAlerts, type Found } from '../../src/monitoring/report-matches.js';

// A new report: element id `node-<index>`, id `id-<index>`.
const row = writeRow;

function alertsOf(rows: WriteRow[], found: Partial<Found>) {
  const part = linkParams(rows, new Map(rows.map((r) => [r.index, `node-${r.index}`])))!.part;
  const reports = new Map(rows.map((r) => [`node-${r.index}`, r.id]));
  const none: Found = { indicators: [], prefixes: [], brands: [], ties: [], lookalikeBrands: [], newDomains: [], placed: [] };
  return reportAlerts(part, namedIn(part), reports, { ...none, ...found }).map(
    ({ watchId, event, subjectValue, role, reportId }) => `${watchId} ${event} ${subjectValue} ${role} ${reportId}`,
  );
}

describe('reportAlerts', () => {
  it('alerts an indicator watch once per report naming it, with its least role, in report order', () => {
    const rows = [row(2, { callbacks: ['+61400000001'] }), row(1, { callbacks: ['+61400000001'], callerIds: ['+61400000001'] })];
    expect(alertsOf(rows, { indicators: [{ watchId: 'w', target: 'phone:+61400000001' }] })).toEqual([
      'w NEW_REPORT +61400000001 CALLBACK_NUMBER id-1',
      'w NEW_REPORT +61400000001 CALLBACK_NUMBER id-2',
    ]);
  });

  it('alerts a prefix watch for numbers in its range only, whatever the role', () => {
    const rows = [row(1, { callerIds: ['+61491000001'], callbacks: ['+61400000009'] })];
    const part = linkParams(rows, new Map([[1, 'node-1']]))!.part;
    expect(prefixesOf(namedIn(part))).toContain('+614910');
    expect(alertsOf(rows, { prefixes: [{ watchId: 'p', prefix: '+614910' }] })).toEqual(['p NUMBER_REPORTED +61491000001 CALLER_ID id-1']);
  });

  it('alerts a brand watch once per new tie, from the first report claiming the brand, never for an official domain', () => {
    const rows = [
      row(1, { callbacks: ['+61400000001'], domains: ['fake.example', 'bank.example'], slug: 'bank' }),
      row(2, { callbacks: ['+61400000001'], slug: 'bank' }),
      row(3, { callbacks: ['+61400000001'] }),
    ];
    const found: Partial<Found> = {
      brands: [{ watchId: 'b', slug: 'bank', officialDomains: ['bank.example'] }],
      ties: [
        { kind: 'phone', key: '+61400000001', slug: 'bank' },
        { kind: 'domain', key: 'fake.example', slug: 'bank' },
        { kind: 'domain', key: 'bank.example', slug: 'bank' },
      ],
    };
    expect(alertsOf(rows, found)).toEqual([
      'b NEW_CALLBACK_NUMBER +61400000001 CALLBACK_NUMBER id-1',
      'b NEW_DOMAIN fake.example NAMES_DOMAIN id-1',
    ]);
  });

  it('alerts a campaign watch for the indicators in no campaign beside a member of the campaign', () => {
    const rows = [
      row(1, { callbacks: ['+61400000001', '+61400000002'], domains: ['new.example'] }),
      row(2, { callbacks: ['+61400000003'] }),
    ];
    const found: Partial<Found> = { placed: [{ target: 'phone:+61400000001', watchIds: ['c'] }] };
    expect(alertsOf(rows, found)).toEqual([
      'c NEW_INFRASTRUCTURE +61400000002 CALLBACK_NUMBER id-1',
      'c NEW_INFRASTRUCTURE new.example NAMES_DOMAIN id-1',
    ]);
  });
});
