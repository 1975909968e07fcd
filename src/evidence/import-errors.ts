/** A document the STIX or MISP import cannot read at all; items it can read but ingest rejects answer per item instead. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}
