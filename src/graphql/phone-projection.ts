import { nodeProperties, type FieldProperties } from './node-projection.js';

/**
 * The node properties each PhoneNumber field reads. A page of numbers carries only those its
 * query selects: every property of 50 numbers took half the time of the whole page. A field
 * missing here makes a page carry every property, so a new field is never answered wrongly.
 */
export const PHONE_FIELD_PROPERTIES: FieldProperties = {
  e164: [],
  country: ['country'],
  numberType: ['numberType'],
  firstSeen: ['firstSeen'],
  lastSeen: ['lastSeen'],
  brandCount: ['brandCount'],
  reportCount: ['reportCount', 'callbackCount', 'callerIdCount', 'senderIdCount'],
  // Field resolvers that read the key alone:
  brands: [],
  domains: [],
  reports: [],
  campaign: [],
  disruption: [],
};

/** The properties to fetch for these PhoneNumber fields, the key always; null: all of them. */
export const phoneProperties = (fields: readonly string[]): string[] | null => nodeProperties(PHONE_FIELD_PROPERTIES, 'e164', fields);
