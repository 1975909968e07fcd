import type { InputErrorCode } from '../ingest/normalise/result.js';

/**
 * Every code the API answers in `extensions.code`, defined here once: its HTTP status and what it
 * means. `status` is the answer's status when the code refuses a whole request (before any
 * resolver runs, or a download); a code raised by one field answers 200 with the other fields'
 * data, as GraphQL does, and a code in a batch's per-item `errors` is data too. docs/api.md's
 * table of codes is written from this one (`npx tsx scripts/emit-error-codes.ts`), and a test
 * keeps the two equal.
 */
export const ERROR_CODES = {
  // Input, per field or per item of a batch.
  BAD_USER_INPUT: [400, 'arguments or variables the operation cannot take (wrong type, missing, unusable)'],
  INVALID_PHONE_NUMBER: [400, 'not a phone number (`field` says which)'],
  INVALID_URL: [400, 'not an http(s) URL'],
  INVALID_DOMAIN: [400, 'not a domain, hostname or URL'],
  INVALID_EMAIL: [400, 'not an email address'],
  INVALID_WALLET: [400, 'not a cryptocurrency address of a known chain, or its checksum fails'],
  INVALID_BANK_ACCOUNT: [400, 'not a BSB and account, IBAN or PayID'],
  INVALID_REGION: [400, 'not a region code libphonenumber knows'],
  INVALID_DATE: [400, 'a date outside 1990 to now, or not a date'],
  INVALID_VALUE: [400, 'a value outside what the argument takes (an enum-like string, a document to import)'],
  TOO_LONG: [400, 'a string longer than its limit'],
  TOO_MANY: [400, 'a list longer than its limit'],
  EMPTY_REPORT: [400, 'a report naming nothing: no indicator and no text'],
  BATCH_TOO_LARGE: [400, 'more reports in one `submitReports` than `BATCH_MAX`'],
  PAGE_TOO_LARGE: [400, '`first` outside 0 to the page limit'],
  INVALID_CURSOR: [400, '`after` is not a cursor this API gave out'],
  OUT_OF_RANGE: [400, 'a number argument outside its range (`argument` says which)'],
  // Watches and alerts.
  INVALID_WEBHOOK_URL: [400, 'a webhook that is not an https URL'],
  WEBHOOK_ADDRESS_REFUSED: [400, 'a webhook on a private, loopback or link-local address'],
  INVALID_PREFIX: [400, 'a number prefix to watch that is not one'],
  TOO_MANY_WATCHES: [400, 'more watches than one key may hold'],
  // The request.
  BAD_REQUEST: [400, 'the body is not JSON, or the request is not GraphQL over HTTP'],
  PAYLOAD_TOO_LARGE: [413, 'the body is larger than `BODY_LIMIT`'],
  UNAUTHENTICATED: [401, 'no API key, or one that is unknown or revoked'],
  FORBIDDEN: [403, "the key's role may not call this field or download"],
  NOT_FOUND: [404, 'no such thing (an API key, a disruption, a download); a lookup answers null instead'],
  NOT_ACCEPTABLE: [406, 'a download asked for in a media type it does not come in (the `Accept` header)'],
  INVALID_TRANSITION: [400, 'a disruption status change the workflow does not allow'],
  SAME_BRAND: [400, '`mergeBrands` given one brand as both `from` and `into`'],
  // Limits: one caller never degrades another.
  RATE_LIMITED: [429, 'more requests this minute than `RATE_LIMIT_PER_MINUTE`; `retryAfterSeconds`'],
  QUERY_TOO_DEEP: [400, 'nested deeper than `QUERY_MAX_DEPTH`'],
  QUERY_TOO_COMPLEX: [400, 'costs more than `QUERY_MAX_COMPLEXITY` points; `complexity`'],
  TOO_MANY_ALIASES: [400, 'more aliases than `QUERY_MAX_ALIASES`'],
  TOO_MANY_DIRECTIVES: [400, 'more directives than `QUERY_MAX_DIRECTIVES`'],
  COST_BUDGET_EXCEEDED: [429, 'the key spent its `COST_BUDGET_PER_MINUTE` points; `retryAfterSeconds`'],
  TOO_MANY_IN_FLIGHT: [429, 'the key already has `MAX_IN_FLIGHT_PER_KEY` requests running'],
  TOO_BUSY: [503, 'every heavy slot stayed taken until the deadline; retry shortly'],
  DEADLINE_EXCEEDED: [504, 'the request ran past `REQUEST_DEADLINE_MS`; Neo4j stopped its work'],
  // The server.
  DATABASE_UNAVAILABLE: [503, 'Neo4j cannot be reached, or its retries ran out; retry later'],
  INTERNAL_SERVER_ERROR: [500, 'a fault of the server; no detail outside `NODE_ENV=development`'],
  NOT_IMPLEMENTED: [501, 'a part of the contract not built yet'],
  DETECTION_IN_PROGRESS: [409, "another process's campaign detection run outlasted `CAMPAIGN_LOCK_WAIT_SECONDS`"],
  ENGINE_UNAVAILABLE: [503, '`CAMPAIGN_ENGINE=gds` on a Neo4j without Graph Data Science'],
  // Attachments (src/attachments/attachment-error.ts answers these statuses).
  FILE_TOO_LARGE: [413, 'an attachment larger than its limit'],
  EMPTY_FILE: [400, 'an attachment of no bytes'],
  BAD_UPLOAD: [400, 'an upload that is not one file'],
  UNSUPPORTED_TYPE: [415, 'an attachment of a type that cannot be read'],
  IMAGE_TOO_LARGE: [422, 'an image of more pixels than can be read'],
  TOO_MANY_PAGES: [422, 'a PDF of more pages than are read'],
  TOO_MANY_PARTS: [422, 'an email of more parts than are read'],
  ENCRYPTED_PDF: [422, 'a PDF that needs a password'],
  UNREADABLE_FILE: [422, 'an attachment its reader could not read'],
  READ_TIMEOUT: [422, 'an attachment that took too long to read'],
  ATTACHMENT_NOT_FOUND: [404, 'no attachment with that id'],
} as const satisfies Record<string, readonly [status: number, meaning: string]>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Every input code the domain modules name is registered: this line stops compiling otherwise. */
const inputCodesRegistered = (code: InputErrorCode): ErrorCode => code;
void inputCodesRegistered;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);

/** The HTTP status of an answer refused as a whole with `code`. */
export const httpStatusOf = (code: ErrorCode): number => ERROR_CODES[code][0];

/** docs/api.md's table of codes, from the registry above. */
export function errorCodesMarkdown(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, [status, meaning]]) => `| \`${code}\` | ${status} | ${meaning} |`);
  return ['| code | HTTP status | meaning |', '| --- | ---: | --- |', ...rows].join('\n');
}
