import type { CountryCode } from '../../src/ingest/normalise/phone.js';

/** Indian money, places, brands and digit grouping ("Rs.5,00,000", "INR", "lakh", "Paytm", "Noida"). */
const INDIAN_CONTEXT = /\b(?:Rs\.?|INR|lakhs?|lacs?|crores?|paytm|noida|gurgaon|delhi|mumbai|india|indian)\b|₹|\d{1,2},\d{2},\d{3}/i;
/** A bare ten-digit number starting 6-9: how Indian mobiles are written at home (not "44 7732584351"). */
const INDIAN_MOBILE = /(?<![\d+])(?<!\d )[6-9]\d{9}(?!\d)/;
/** Pence, pounds and per-minute prices: a British message whose number lost its leading 0. */
const BRITISH_PRICE = /£|\bGBP\b|\d+p\b|ppm|p\/min|\bUK\b/i;

/**
 * The region a Dataset_5971 row's national numbers are read in, for whole-file statistics:
 * IN when the text reads as Indian, GB otherwise. The file mixes British messages (many
 * copied from the UCI collection) with Indian ones, and the two plans overlap: under GB,
 * "Call 7044518857" is the UK personal number +447044518857, under IN the Indian mobile
 * +917044518857. A report carries its reporter's region; this row-by-row guess stands in
 * for it. scripts/extraction/stats.ts prints how often it agrees with the hand-labelled
 * regions in test/fixtures/labelled/.
 */
export function datasetRegion(text: string): CountryCode {
  if (INDIAN_CONTEXT.test(text)) return 'IN';
  return INDIAN_MOBILE.test(text) && !BRITISH_PRICE.test(text) ? 'IN' : 'GB';
}
