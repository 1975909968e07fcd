import { describe, expect, it } from 'vitest';
import type { SubmitOutcome } from '../../src/ingest/ingest.service.js';
import type { ReportInput } from '../../src/ingest/report-input.js';
import { columnMapper, mapRow, parseColumnMapping, UsageError } from '../../src/import/column-mapping.js';
import { importReports, type ImportRejection } from '../../src/import/import-reports.js';
import type { SourceRow } from '../../src/import/row-source.js';

const mapping = (options: { map?: string[]; set?: string[]; where?: string[] } = {}) =>
  parseColumnMapping({ map: options.map ?? [], set: options.set ?? [], where: options.where ?? [] }, 'messages.tsv');

async function* rows(count: number): AsyncGenerator<SourceRow> {
  for (let row = 1; row <= count; row++)
    yield { row, record: { label: row % 4 === 0 ? 'ham' : 'spam', text: `call 0412 345 ${String(row).padStart(3, '0')}` } };
}

/** An ingest double: idempotent by externalId like the real one, and able to fail one call. */
function fakeIngest(failOnCall?: number) {
  const stored = new Set<string>();
  let calls = 0;
  return async (inputs: readonly ReportInput[]): Promise<SubmitOutcome[]> => {
    if (++calls === failOnCall) throw new Error('the graph database is unavailable');
    return inputs.map((input, index) => {
      const duplicate = stored.has(input.externalId as string);
      stored.add(input.externalId as string);
      return { index, reportId: `id-${input.externalId}`, duplicate, errors: [] };
    });
  };
}

describe('import mapping', () => {
  it('maps columns, sets constants, filters case-insensitively and derives a stable externalId', () => {
    const map = mapping({
      map: ['text=TEXT', 'callbackNumbers=PHONE'],
      set: ['channel=sms', 'receivedAt=2025-03-01T10:00:00Z'],
      where: ['label=spam|smishing'],
    });
    expect(mapRow({ label: 'Smishing', TEXT: 'hello', PHONE: '0412 345 678; +44 7911 123456' }, 7, map)).toEqual({
      kind: 'report',
      input: {
        externalId: 'messages.tsv:7',
        channel: 'SMS',
        receivedAt: new Date('2025-03-01T10:00:00Z'),
        text: 'hello',
        callbackNumbers: ['0412 345 678', '+44 7911 123456'],
      },
    });
    expect(mapRow({ label: 'ham', TEXT: 'hi' }, 8, map)).toEqual({ kind: 'filtered' });
    expect(mapRow({ externalId: 'own-id', channel: 'EMAIL', text: 'x' }, 9, mapping())).toMatchObject({ input: { externalId: 'own-id' } });
  });

  it("rejects a row whose values read but break the report's shape, with ingest's errors and the row's externalId", () => {
    // A wallet's chain over 16 characters reads as a JSON list of objects, and ReportShape refuses it, as ingest would.
    const wallets = JSON.stringify([{ chain: 'x'.repeat(17), address: '0x52908400098527886E0F7030069857D2E4169EE7' }]);
    const mapped = mapRow({ channel: 'EMAIL', text: 'pay here', wallets }, 3, mapping());
    expect(mapped).toMatchObject({ kind: 'invalid', externalId: 'messages.tsv:3' });
    expect(mapped.kind === 'invalid' ? mapped.errors.map((error) => error.field) : []).toEqual(['wallets[0].chain']);
  });

  it('refuses options that name no report field or give a field twice', () => {
    expect(() => mapping({ map: ['body=TEXT'] })).toThrow(UsageError);
    expect(() => mapping({ map: ['text=TEXT'], set: ['text=x'] })).toThrow(/both mapped/);
    expect(() => mapping({ where: ['label'] })).toThrow(/name=value/);
  });
});

describe('importReports', () => {
  it('stops at a failed batch with nothing of it counted, and a re-run resumes: the rest written, the start duplicate', async () => {
    const submit = fakeIngest(2);
    const rejections: ImportRejection[] = [];
    const options = {
      map: columnMapper(mapping({ set: ['channel=SMS'], where: ['label=spam'] })),
      submit,
      batchSize: 5,
      onRejection: (r: ImportRejection) => rejections.push(r),
    };
    const first = await importReports({ ...options, rows: rows(20) });
    expect(first).toMatchObject({ accepted: 5, duplicate: 0, stopped: { fromRow: 7, reason: 'the graph database is unavailable' } });
    const second = await importReports({ ...options, rows: rows(20) });
    expect(second).toMatchObject({ rows: 20, accepted: 10, duplicate: 5, filtered: 5, rejected: 0, stopped: null });
  });

  it('stops after the batch in flight when asked, saying where to go on', async () => {
    const result = await importReports({
      rows: rows(20),
      map: columnMapper(mapping({ set: ['channel=SMS'] })),
      submit: fakeIngest(),
      batchSize: 4,
      onRejection: () => {},
      shouldStop: () => true,
    });
    expect(result).toMatchObject({ rows: 4, accepted: 4, stopped: { fromRow: 5, reason: 'interrupted' } });
  });

  it('counts a row imported without some values as partial, and lists those values as such', async () => {
    const dropped = [{ field: 'addresses[0]', code: 'INVALID_WALLET', message: 'no address' }];
    const map = (record: Readonly<Record<string, unknown>>) => ({
      kind: 'report' as const,
      input: { channel: 'WEBSITE' as const, externalId: String(record['id']) },
      dropped,
    });
    const refuseSecond = async (inputs: readonly ReportInput[]) =>
      inputs.map((input, index) => ({
        index,
        reportId: null,
        duplicate: false,
        errors: input.externalId === '2' ? [{ field: 'urls[0]', code: 'INVALID_URL', message: 'bad' }] : [],
      }));
    async function* two(): AsyncGenerator<SourceRow> {
      yield { row: 1, record: { id: 1 } };
      yield { row: 2, record: { id: 2 } };
    }
    const rejections: ImportRejection[] = [];
    const result = await importReports({ rows: two(), map, submit: refuseSecond, batchSize: 10, onRejection: (r) => rejections.push(r) });
    expect(result).toMatchObject({ accepted: 1, partial: 1, rejected: 1 });
    expect(rejections).toEqual([
      { row: 1, externalId: '1', errors: dropped, imported: true },
      { row: 2, externalId: '2', errors: [...dropped, { field: 'urls[0]', code: 'INVALID_URL', message: 'bad' }] },
    ]);
  });

  it('reports rejections in row order, unreadable rows among them', async () => {
    async function* mixed(): AsyncGenerator<SourceRow> {
      yield { row: 1, record: { channel: 'SMS', text: 'a' } };
      yield { row: 2, error: 'not JSON' };
      yield { row: 3, record: { channel: 'SMS', wallets: '[oops' } };
    }
    const refuseAll = async (inputs: readonly ReportInput[]) =>
      inputs.map((_, index) => ({
        index,
        reportId: null,
        duplicate: false,
        errors: [{ field: '', code: 'EMPTY_REPORT', message: 'no indicator' }],
      }));
    const rejections: ImportRejection[] = [];
    await importReports({
      rows: mixed(),
      map: columnMapper(mapping()),
      submit: refuseAll,
      batchSize: 10,
      onRejection: (r) => rejections.push(r),
    });
    expect(rejections.map(({ row, errors }) => [row, errors[0]?.code])).toEqual([
      [1, 'EMPTY_REPORT'],
      [2, 'INVALID_ROW'],
      [3, 'INVALID_VALUE'],
    ]);
  });
});
