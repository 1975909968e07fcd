/**
 * TAXII 2.1 §3.4 paging over objects ordered by date_added, then id: a page ends at a place, the
 * next starts after it, so objects added meanwhile land after every place already given out and a
 * client paging through never misses or repeats one. Times are ISO strings to the millisecond
 * (Date#toISOString), so their text order is their time order.
 */
export type StixObject = Record<string, unknown> & { readonly type: string; readonly id: string };

export interface DatedObject {
  readonly object: StixObject;
  /** When this version entered the collection, from the graph. */
  readonly dateAdded: string;
  /** Its place among objects added at the same millisecond: its id, or what the graph orders it by. */
  readonly key: string;
}

export interface Place {
  readonly at: string;
  readonly id: string;
}

/** After every id at a time: `added_after` is strictly after (TAXII 2.1 §3.4.2). */
export const AFTER_EVERY_ID = '~';

export const isAfter = (object: DatedObject, place: Place | null): boolean =>
  place === null || object.dateAdded > place.at || (object.dateAdded === place.at && object.key > place.id);

export const byPlace = (a: DatedObject, b: DatedObject): number =>
  a.dateAdded < b.dateAdded ? -1 : a.dateAdded > b.dateAdded ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/** A page of a collection: `next` names where it ended when `more`. */
export interface TaxiiPage {
  readonly items: readonly DatedObject[];
  readonly more: boolean;
  /** Where the page ended when that is past its last item (objects read and skipped); absent: at its last item. */
  readonly end?: Place;
}

/** Dated objects with their place as the key: objects whose id orders them among equal times. */
export const dated = (object: StixObject, dateAdded: string): DatedObject => ({ object, dateAdded, key: object.id });

/** A time (any precision Neo4j or a client writes) as a date_added: to the millisecond, in one text form; '' when it is none. */
export const toDateAdded = (time: string): string => {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
};
