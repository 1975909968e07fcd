import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Real public messages shipped in test/fixtures/data (origins and licences in its README). */
export interface LabelledMessage {
  readonly label: string;
  readonly text: string;
}

/** The Mishra & Soni authors' own yes/no flags: does the message hold a URL, email, phone? */
export interface FlaggedMessage extends LabelledMessage {
  readonly hasUrl: boolean;
  readonly hasEmail: boolean;
  readonly hasPhone: boolean;
}

const DATA = new URL('../fixtures/data/', import.meta.url);

/** UCI SMS Spam Collection: "label<TAB>text" per line. */
export function smsSpamCollection(): LabelledMessage[] {
  return readFileSync(new URL('SMSSpamCollection', DATA), 'utf8')
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const tab = line.indexOf('\t');
      return { label: line.slice(0, tab), text: line.slice(tab + 1) };
    });
}

/** Mishra & Soni SMS phishing set: CSV "label,TEXT,URL,EMAIL,PHONE"; labels lower-cased. */
export function smsPhishingDataset(): FlaggedMessage[] {
  const [, ...rows] = parse(readFileSync(new URL('Dataset_5971.csv', DATA), 'utf8'), {
    relax_column_count: true,
    relax_quotes: true,
  }) as string[][];
  const yes = (flag = '') => flag.trim().toLowerCase() === 'yes';
  return rows
    .filter((row) => row.length >= 5)
    .map(([label = '', text = '', url, email, phone]) => ({
      label: label.trim().toLowerCase(),
      text,
      hasUrl: yes(url),
      hasEmail: yes(email),
      hasPhone: yes(phone),
    }));
}
