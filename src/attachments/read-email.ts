import { simpleParser, type AddressObject } from 'mailparser';
import { AttachmentError } from './attachment-error.js';
import type { EmailEvidence, Mailbox, ReadText, ReceivedHop } from './reading.js';

const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const IP = /\[(?:IPv6:)?([0-9a-f.:]{3,45})\]/i;

/**
 * The evidence in a raw email: From, Reply-To, Return-Path and the Received chain as headers,
 * the subject and text body as text, the HTML part's link targets. More than maxParts MIME
 * parts is refused before parsing (an email bomb of thousands of parts).
 */
export async function readEmail(bytes: Uint8Array, maxParts: number): Promise<{ texts: ReadText[]; email: EmailEvidence }> {
  const raw = Buffer.from(bytes);
  const parts = raw.toString('latin1').match(/^content-type:/gim)?.length ?? 0;
  if (parts > maxParts) throw new AttachmentError('TOO_MANY_PARTS', `the email has ${parts} MIME parts; at most ${maxParts} are read`);
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const received = [parsed.headers.get('received') ?? []].flat().map((value) => receivedHop(String(value)));
  const returnPath = parsed.headers.get('return-path');
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const texts: ReadText[] = [];
  if (parsed.subject) texts.push({ via: 'EMAIL_SUBJECT', text: parsed.subject });
  if (parsed.text) texts.push({ via: 'EMAIL_BODY', text: parsed.text });
  return {
    texts,
    email: {
      from: mailboxes(parsed.from)[0] ?? null,
      replyTo: mailboxes(parsed.replyTo),
      returnPath: returnPath ? (mailboxes(returnPath as AddressObject)[0]?.address ?? null) : null,
      received,
      links: [
        ...new Set(
          [...html.matchAll(HREF)].map((match) => (match[1] ?? match[2] ?? match[3] ?? '').trim()).filter((href) => /^https?:/i.test(href)),
        ),
      ],
    },
  };
}

function mailboxes(field: AddressObject | AddressObject[] | undefined): Mailbox[] {
  return [field ?? []]
    .flat()
    .flatMap((object) =>
      object.value.flatMap((entry) => (entry.address ? [{ address: entry.address.toLowerCase(), name: entry.name }] : [])),
    );
}

/** "from a.example (a.example [203.0.113.7]) by mx.example.net with ESMTPS ...; date" */
function receivedHop(value: string): ReceivedHop {
  return {
    from: /\bfrom\s+([^\s;()]+)/i.exec(value)?.[1]?.toLowerCase() ?? null,
    by: /\bby\s+([^\s;()]+)/i.exec(value)?.[1]?.toLowerCase() ?? null,
    ip: IP.exec(value)?.[1] ?? null,
  };
}
