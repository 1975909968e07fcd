import { nodeProperties, type FieldProperties } from './node-projection.js';

/**
 * The node properties each Report field reads. A page of reports carries only those its query
 * selects: a number's reports(first: 50) under 100 numbers was 5,000 whole reports, texts and
 * all, decoded for their ids (scripts/bench/flood-scenario.ts's deep page).
 */
export const REPORT_FIELD_PROPERTIES: FieldProperties = {
  id: [],
  externalId: ['externalId'],
  source: ['source'],
  channel: ['channel'],
  scamType: ['scamType'],
  receivedAt: ['receivedAt'],
  reportedAt: ['reportedAt'],
  text: ['text'],
  referenceNumbers: ['referenceNumbers'],
  shortCodes: ['shortCodes'],
  // Field resolvers that read the id alone:
  brand: [],
  callbackNumbers: [],
  phones: [],
  callerIds: [],
  senderIds: [],
  domains: [],
  wallets: [],
  bankAccounts: [],
};

/** The properties to fetch for these Report fields, the id always; null: all of them. */
export const reportProperties = (fields: readonly string[]): string[] | null => nodeProperties(REPORT_FIELD_PROPERTIES, 'id', fields);
