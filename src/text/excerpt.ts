/**
 * How many characters of what a client sent an error may quote. A message is meant to show the
 * client which value was wrong, not to send it back: a 5 MB argument echoed in an error costs
 * the server 5 MB per reply and lets one caller fill another's logs and bandwidth.
 */
export const EXCERPT_CHARS = 64;

/** Past this, a whole message (or any string in an error's extensions) is cut: fixed text plus an excerpt or two fit well under it. */
export const MESSAGE_CHARS = 400;

/** The first `max` characters of `text`, saying how many more there were; never splits a surrogate pair. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}

/** A client's value quoted in a message: `"0412…" (5000000 characters)` at most. */
export const quote = (raw: unknown): string => `"${excerpt(String(raw))}"`;
