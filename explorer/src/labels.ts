import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

const LABEL_MAX = 22;

/** A value cut in its middle to fit a label ("https://averylongdom…/login"), whole when short. */
export function shorten(value: string, max = LABEL_MAX): string {
  if (value.length <= max) return value;
  const head = Math.ceil((max - 1) * 0.6);
  return `${value.slice(0, head)}…${value.slice(value.length - (max - 1 - head))}`;
}

/** A number as its own country writes it and as the world dials it: "0412 345 678" and "+61 412 345 678". */
export function phoneForms(e164: string): { national: string; international: string } {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed
    ? { national: parsed.formatNational(), international: parsed.formatInternational() }
    : { national: e164, international: e164 };
}

/** What a node shows (short) and what its hover and table show (whole): numbers in both national and international form. */
export function nodeLabels(kind: string, label: string): { short: string; full: string } {
  if (kind === 'phone') {
    const { national, international } = phoneForms(label);
    return { short: national, full: national === international ? international : `${national} (${international})` };
  }
  const bare = kind === 'url' ? label.replace(/^https?:\/\//, '') : label;
  return { short: shorten(bare), full: label };
}
