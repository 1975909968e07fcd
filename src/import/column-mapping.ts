import type { InputError, ReportInput } from '../ingest/report-input.js';
import { ReportShape } from '../ingest/report-shape.js';
import { toInputError } from '../ingest/validate-report.js';

/** How a ReportInput field is read from a cell or a JSON value. */
type FieldKind = 'string' | 'enum' | 'date' | 'list' | 'objects';

const FIELD_KINDS = {
  externalId: 'string',
  source: 'string',
  claimedBrand: 'string',
  text: 'string',
  defaultRegion: 'string',
  channel: 'enum',
  scamType: 'enum',
  receivedAt: 'date',
  reportedAt: 'date',
  callbackNumbers: 'list',
  callerIds: 'list',
  senderIds: 'list',
  urls: 'list',
  emails: 'list',
  referenceNumbers: 'list',
  wallets: 'objects',
  bankAccounts: 'objects',
} as const satisfies Record<keyof ReportInput, FieldKind>;

export type ReportField = keyof typeof FIELD_KINDS;
export const REPORT_FIELDS = Object.keys(FIELD_KINDS) as ReportField[];

/** A command-line option that cannot be honoured; the message says which and why. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ColumnMapping {
  /** Field ← column; a column named like a field maps to it unless mapped otherwise. */
  readonly columns: ReadonlyMap<ReportField, string>;
  /** Field ← the same value on every row. */
  readonly constants: ReadonlyMap<ReportField, string>;
  /** Only rows whose column holds one of the values (case-insensitive) are imported. */
  readonly where: readonly { readonly column: string; readonly values: ReadonlySet<string> }[];
  /** The externalId of a row without one is `<prefix>:<row>`, stable across re-runs. */
  readonly externalIdPrefix: string;
}

/** A report to submit (`dropped`: values of the row left out of it, each with why), a row --where left out, or a row that cannot be a report. */
export type MappedRow =
  | { readonly kind: 'report'; readonly input: ReportInput; readonly dropped?: readonly InputError[] }
  | { readonly kind: 'filtered' }
  | { readonly kind: 'invalid'; readonly errors: InputError[]; readonly externalId?: string | null };

/** How one format turns a record into a report; `row` counts from 1. */
export type RowMapper = (record: Readonly<Record<string, unknown>>, row: number) => MappedRow;

/**
 * Reads `--map field=column`, `--set field=value` and `--where column=value|value` options.
 * Throws UsageError on an unknown field, a field both mapped and set, or a malformed option.
 */
export function parseColumnMapping(
  options: { map: readonly string[]; set: readonly string[]; where: readonly string[] },
  externalIdPrefix: string,
): ColumnMapping {
  const columns = new Map(pairs(options.map, '--map').map(([field, column]) => [reportField(field, '--map'), column]));
  const constants = new Map(pairs(options.set, '--set').map(([field, value]) => [reportField(field, '--set'), value]));
  const both = [...columns.keys()].filter((field) => constants.has(field));
  if (both.length > 0) throw new UsageError(`${both.join(', ')} is both mapped (--map) and set (--set); choose one`);
  const where = pairs(options.where, '--where').map(([column, values]) => ({
    column,
    values: new Set(values.split('|').map((value) => value.trim().toLowerCase())),
  }));
  return { columns, constants, where, externalIdPrefix };
}

/** The RowMapper of JSONL, CSV and TSV files: the options' mapping applied to every record. */
export const columnMapper =
  (mapping: ColumnMapping): RowMapper =>
  (record, row) =>
    mapRow(record, row, mapping);

/** One record as a ReportInput: mapped columns, constants, and a derived externalId when it has none. */
export function mapRow(record: Readonly<Record<string, unknown>>, row: number, mapping: ColumnMapping): MappedRow {
  const cell = (column: string) => record[column];
  if (
    !mapping.where.every(({ column, values }) =>
      values.has(
        String(cell(column) ?? '')
          .trim()
          .toLowerCase(),
      ),
    )
  ) {
    return { kind: 'filtered' };
  }
  const input: Record<string, unknown> = {};
  const errors: InputError[] = [];
  for (const field of REPORT_FIELDS) {
    const raw = mapping.constants.get(field) ?? cell(mapping.columns.get(field) ?? field);
    if (raw === undefined || raw === null || raw === '') continue;
    const value = convert(FIELD_KINDS[field], raw);
    if (value === undefined)
      errors.push({
        field,
        code: 'INVALID_VALUE',
        message: `${field} must be a JSON array of objects, got ${JSON.stringify(raw).slice(0, 80)}`,
      });
    else input[field] = value;
  }
  if (errors.length > 0) return { kind: 'invalid', errors };
  input['externalId'] ??= `${mapping.externalIdPrefix}:${row}`;
  // The shape ingest checks first, checked here so the report is typed; its errors are those ingest would give.
  const shape = ReportShape.safeParse(input);
  if (!shape.success) {
    const externalId = typeof input['externalId'] === 'string' ? input['externalId'] : null;
    return { kind: 'invalid', errors: shape.error.issues.map(toInputError), externalId };
  }
  return { kind: 'report', input: shape.data };
}

/** The value for a field, or undefined when it cannot be read; what fails beyond reading is the validator's to say. */
function convert(kind: FieldKind, raw: unknown): unknown {
  switch (kind) {
    case 'string':
      return typeof raw === 'string' ? raw : String(raw);
    case 'enum':
      return String(raw)
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_');
    case 'date': {
      // An unreadable date goes on as it is, so validation rejects it with its own message.
      const date = typeof raw === 'string' || typeof raw === 'number' ? new Date(raw) : null;
      return date && !Number.isNaN(date.getTime()) ? date : raw;
    }
    case 'list':
      // A CSV cell holds a list as "a; b; c".
      return Array.isArray(raw)
        ? raw.map(String)
        : String(raw)
            .split(';')
            .map((item) => item.trim())
            .filter(Boolean);
    case 'objects':
      if (typeof raw !== 'string') return raw;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return undefined;
      }
  }
}

function pairs(options: readonly string[], flag: string): [string, string][] {
  return options.map((option) => {
    const at = option.indexOf('=');
    if (at <= 0) throw new UsageError(`${flag} takes name=value, got "${option}"`);
    return [option.slice(0, at).trim(), option.slice(at + 1).trim()];
  });
}

function reportField(name: string, flag: string): ReportField {
  if ((REPORT_FIELDS as string[]).includes(name)) return name as ReportField;
  throw new UsageError(`${flag} names "${name}", which is no report field; fields: ${REPORT_FIELDS.join(', ')}`);
}
