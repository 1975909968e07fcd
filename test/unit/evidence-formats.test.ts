import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/evidence/canonical-json.js';
import { sealPack } from '../../src/evidence/evidence-pack.js';
import { reportsFromMisp } from '../../src/evidence/misp-import.js';
import { packContent, type ReportRow } from '../../src/evidence/pack-content.js';
import { packCsv } from '../../src/evidence/pack-csv.js';
import { MISP_TEMPLATES, packMisp } from '../../src/evidence/pack-misp.js';
import { packStix } from '../../src/evidence/pack-stix.js';
import { EXTENSIONS } from '../../src/evidence/stix-extensions.js';
import { reportsFromStix } from '../../src/evidence/stix-import.js';
import { uuidv5 } from '../../src/evidence/uuid-v5.js';
import { bundleViolations } from '../helpers/stix-spec.js';

const at = (iso: string) => new Date(iso);
const phone = (e164: string, counts: [number, number, number]) => ({
  e164,
  reportCount: counts[0] + counts[1] + counts[2],
  callbackCount: counts[0],
  callerIdCount: counts[1],
  senderIdCount: counts[2],
  firstSeen: at('2025-01-02T03:04:05.000Z'),
  lastSeen: at('2025-02-01T00:00:00.000Z'),
});
const seen = { reportCount: 1, firstSeen: at('2025-01-02T03:04:05.000Z'), lastSeen: at('2025-01-02T03:04:05.000Z') };

/** Two reports as cypher/evidence/reports-with-links.cypher answers them: every kind, role and bank scheme. */
const ROWS: ReportRow[] = [
  {
    report: {
      id: 'r-1',
      receivedAt: at('2025-01-02T03:04:05.000Z'),
      channel: 'SMS',
      scamType: 'BANK_IMPERSONATION',
      text: '=HYPERLINK("x") call +61 412 345 678, ref "AB-1"',
      referenceNumbers: ['AB-1'],
      shortCodes: [],
    },
    links: [
      { role: 'CALLBACK_NUMBER', label: 'PhoneNumber', node: phone('+61412345678', [2, 0, 0]) },
      { role: 'CALLER_ID', label: 'PhoneNumber', node: phone('+61293939000', [0, 1, 0]) },
      { role: 'LINKS_TO', label: 'Url', node: { url: 'https://login.zorbank-help.com/x', hostname: 'login.zorbank-help.com', ...seen } },
      { role: 'NAMES_DOMAIN', label: 'Domain', node: { name: 'zorbank-help.com', ...seen } },
      { role: 'PAY_TO', label: 'CryptoWallet', node: { chain: 'BTC', address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', ...seen } },
      { role: 'PAY_TO', label: 'BankAccount', node: { scheme: 'IBAN', identifier: 'GB82WEST12345698765432', ...seen } },
      { role: 'IMPERSONATES', label: 'Brand', node: { slug: 'zorbank', name: 'Zorbank' } },
    ],
  },
  {
    report: {
      id: 'r-2',
      receivedAt: at('2025-02-01T00:00:00.000Z'),
      channel: 'EMAIL',
      scamType: null,
      text: null,
      referenceNumbers: [],
      shortCodes: [],
    },
    links: [
      { role: 'CALLBACK_NUMBER', label: 'PhoneNumber', node: phone('+61412345678', [2, 0, 0]) },
      { role: 'CONTACT_EMAIL', label: 'EmailAddress', node: { address: 'help@zorbank-mail.com', ...seen } },
      { role: 'NAMES_DOMAIN', label: 'Domain', node: { name: 'zorbank-mail.com', ...seen } },
      { role: 'PAY_TO', label: 'CryptoWallet', node: { chain: 'ETH', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', ...seen } },
      { role: 'PAY_TO', label: 'BankAccount', node: { scheme: 'AU_BSB', identifier: '062-000 12345678', ...seen } },
      { role: 'PAY_TO', label: 'BankAccount', node: { scheme: 'PAYID', identifier: 'email:mule@zorbank-mail.com', ...seen } },
    ],
  },
];
const subject = { kind: 'phone', value: '+61412345678' };
const campaign = {
  id: 'c-1',
  size: 9,
  reportCount: 2,
  firstSeen: at('2025-01-02T03:04:05.000Z'),
  lastSeen: at('2025-02-01T00:00:00.000Z'),
  status: 'ACTIVE',
};
const content = (rows: readonly ReportRow[]) =>
  packContent({ subject, subjectNode: ROWS[0]!.links[0]!.node, campaign, reportTotal: 2, rows });
const pack = sealPack(
  content(ROWS),
  [{ kind: 'phone', value: '+61412345678', verdict: 'HIGH_RISK', score: 80, reasons: [] }],
  at('2025-03-01T00:00:00.000Z'),
);

describe('evidence pack content', () => {
  it('is canonical: the same evidence in any order gives the same content and digest', () => {
    const shuffled = [...ROWS].reverse().map((row) => ({ ...row, links: [...row.links].reverse() }));
    const again = sealPack(content(shuffled), [], at('2030-01-01T00:00:00.000Z'));
    expect(canonicalJson(again.content)).toBe(canonicalJson(pack.content));
    expect(again.digest).toBe(pack.digest);
    expect(pack.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds what a telco needs: reports by role, counts per role, phone facts, campaign', () => {
    expect(pack.content.reports.map((report) => report.id)).toEqual(['r-2', 'r-1']);
    const callback = pack.content.indicators.find((each) => each.value === '+61412345678');
    expect(callback).toMatchObject({
      kind: 'phone',
      roles: { CALLBACK_NUMBER: 2, CALLER_ID: 0, SENDER_ID: 0 },
      phone: { country: 'AU', numberType: 'MOBILE', nationalFormat: '0412 345 678' },
    });
    expect(pack.content.indicators.map((each) => `${each.kind}:${each.value}`)).toContain('bank_account:AU_BSB:062-000 12345678');
    expect(pack.content).toMatchObject({
      campaign: { id: 'c-1', size: 9 },
      brands: [{ slug: 'zorbank', reports: 1 }],
      truncated: false,
      firstSeen: '2025-01-02T03:04:05.000Z',
    });
  });
});

describe('formats', () => {
  it('STIX: every object valid STIX 2.1, OpenCTI types for phones, wallets and bank accounts', () => {
    const bundle = JSON.parse(packStix(pack));
    expect(bundleViolations(bundle)).toEqual([]);
    const types = new Set(bundle.objects.map((object: { type: string }) => object.type));
    expect([...types].sort()).toEqual([
      'bank-account',
      'campaign',
      'cryptocurrency-wallet',
      'domain-name',
      'email-addr',
      'extension-definition',
      'identity',
      'phone-number',
      'relationship',
      'report',
      'url',
    ]);
    const impersonation = bundle.objects.find((object: { type: string }) => object.type === 'relationship');
    expect(impersonation).toMatchObject({ relationship_type: 'related-to', labels: ['impersonates'] });
    expect(packStix(pack)).toBe(packStix(sealPack(pack.content, pack.checks, at('2031-01-01T00:00:00.000Z'))));
  });

  it('STIX: scamgraph and OpenCTI properties ride in extensions, each defined once in the bundle', () => {
    const bundle = JSON.parse(packStix(pack));
    const objects: Record<string, any>[] = bundle.objects;
    expect(objects.flatMap((object) => Object.keys(object).filter((name) => name.startsWith('x_')))).toEqual([]);
    const definitions = objects.filter((object) => object['type'] === 'extension-definition').map((object) => object['id']);
    // Every extension but the feeds' indicator one.
    const { indicator, ...packExtensions } = EXTENSIONS;
    expect(definitions.sort()).toEqual(
      Object.values(packExtensions)
        .map((each) => each.id)
        .sort(),
    );
    expect(definitions).not.toContain(indicator.id);
    const byType = (type: string) => objects.filter((object) => object['type'] === type);
    const callback = objects.find((object) => object['value'] === '+61412345678')!;
    expect(callback['extensions']).toEqual({
      [EXTENSIONS.opencti.id]: { extension_type: 'new-sco', score: 80 },
      [EXTENSIONS.phone.id]: { extension_type: 'property-extension', country: 'AU', number_type: 'MOBILE' },
    });
    const sms = byType('report').find((report) => report['labels'].includes('channel:SMS'))!;
    expect(sms['extensions'][EXTENSIONS.report.id]).toEqual({
      extension_type: 'property-extension',
      callback_refs: [callback['id']],
      caller_id_refs: [objects.find((object) => object['value'] === '+61293939000')!['id']],
      reference_numbers: ['AB-1'],
    });
    expect(byType('identity').find((identity) => identity['name'] === 'Zorbank')!['extensions']).toEqual({
      [EXTENSIONS.brand.id]: { extension_type: 'property-extension', slug: 'zorbank' },
    });
    // A domain with no check carries no OpenCTI extension, and so nothing that would need one.
    expect(byType('domain-name').every((domain) => domain['extensions'] === undefined)).toBe(true);
    for (const definition of byType('extension-definition')) {
      expect(definition['schema']).toMatch(/schema\/stix\/[a-z-]+\.json$/);
      const schema = JSON.parse(readFileSync(String(definition['schema']).split(': ')[1]!, 'utf8'));
      expect(schema.$id).toBe(`urn:scamgraph:stix:${definition['id']}`);
    }
  });

  it('the STIX checker refuses an extension with no definition in the bundle, or one used as a type it does not define', () => {
    const bundle = JSON.parse(packStix(pack));
    const objects = bundle.objects.filter((object: { id: string }) => object.id !== EXTENSIONS.brand.id);
    const problems = bundleViolations({ ...bundle, objects }).join('\n');
    expect(problems).toContain(`extension ${EXTENSIONS.brand.id} has no extension-definition in the bundle`);
    const misused = bundle.objects.map((object: Record<string, any>) =>
      object['type'] === 'phone-number'
        ? { ...object, extensions: { ...object['extensions'], [EXTENSIONS.phone.id]: { extension_type: 'new-sco' } } }
        : object,
    );
    expect(bundleViolations({ ...bundle, objects: misused }).join('\n')).toContain('extension_type new-sco is not one');
  });

  it('the STIX checker itself refuses what the specification refuses', () => {
    const bundle = JSON.parse(packStix(pack));
    const broken = bundle.objects.map((object: Record<string, unknown>) =>
      object['type'] === 'report'
        ? { ...object, name: undefined, labels: [], created: '2025-01-02T03:04:05Z' }
        : object['type'] === 'domain-name'
          ? { ...object, value: 'other.example' }
          : object['type'] === 'phone-number'
            ? { ...object, extensions: undefined, country: 'AU' }
            : object,
    );
    const problems = bundleViolations({ ...bundle, objects: broken }).join('\n');
    for (const rule of [
      'name is required',
      'labels is an empty list',
      'created must be a UTC timestamp to the millisecond',
      'UUIDv5 of its id-contributing',
      'new-sco extension',
    ]) {
      expect(problems).toContain(rule);
    }
  });

  it('MISP: attribute types and categories, objects of real templates, reports naming attributes', () => {
    const { Event: event } = JSON.parse(packMisp(pack));
    expect(
      event.Attribute.map((attribute: { type: string; category: string }) => `${attribute.type}/${attribute.category}`).sort(),
    ).toEqual(['campaign-id/Attribution', 'email-src/Payload delivery', 'phone-number/Financial fraud', 'phone-number/Financial fraud']);
    for (const object of event.Object) {
      expect(object.template_uuid).toBe(MISP_TEMPLATES[object.name as keyof typeof MISP_TEMPLATES].uuid);
    }
    // The templates written are the ones copied from the MISP objects project, at their version.
    for (const [name, template] of Object.entries(MISP_TEMPLATES)) {
      const copied = JSON.parse(readFileSync(`schema/misp-objects/${name}/definition.json`, 'utf8'));
      expect({ uuid: template.uuid, version: template.version, metaCategory: template.metaCategory }).toEqual({
        uuid: copied.uuid,
        version: String(copied.version),
        metaCategory: copied['meta-category'],
      });
    }
    const relations = event.Object.flatMap((object: { name: string; Attribute: { object_relation: string; type: string }[] }) =>
      object.Attribute.map((attribute) => `${object.name}.${attribute.object_relation}:${attribute.type}`),
    );
    expect(relations).toEqual(
      expect.arrayContaining([
        'coin-address.address:btc',
        'coin-address.address-crypto:text',
        'bank-account.iban:iban',
        'bank-account.account:bank-account-nr',
        'url.url:url',
      ]),
    );
    expect(event.EventReport).toHaveLength(2);
    expect(event.EventReport[1].content).toMatch(/@\[attribute\]\([0-9a-f-]{36}\)/);
    const uuids = [...event.Attribute, ...event.Object.flatMap((object: { Attribute: unknown[] }) => object.Attribute)].map(
      (attribute: { uuid: string }) => attribute.uuid,
    );
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('CSV: one row per report, quoted per RFC 4180, formulas kept as text', () => {
    const lines = packCsv(pack).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^report_id,received_at,channel,scam_type,brand,message_excerpt,reference_numbers,callback_numbers,caller_ids/,
    );
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"") call +61 412 345 678, ref ""AB-1"""`);
    expect(lines[2]).toContain(',+61412345678,+61293939000,');
  });
});

describe('imports read what packs write', () => {
  it('a STIX bundle gives back each report with its fields and indicators by role', () => {
    const [first, second] = reportsFromStix(JSON.parse(packStix(pack)));
    expect(second).toMatchObject({
      source: 'stix:scamgraph',
      channel: 'SMS',
      scamType: 'BANK_IMPERSONATION',
      claimedBrand: 'Zorbank',
      referenceNumbers: ['AB-1'],
      callbackNumbers: ['+61412345678'],
      callerIds: ['+61293939000'],
      urls: ['https://login.zorbank-help.com/x'],
      wallets: [{ chain: 'BTC', address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' }],
      bankAccounts: [{ iban: 'GB82WEST12345698765432' }],
    });
    expect(second?.receivedAt).toEqual(at('2025-01-02T03:04:05.000Z'));
    expect(first).toMatchObject({
      channel: 'EMAIL',
      emails: ['help@zorbank-mail.com'],
      urls: [],
      bankAccounts: expect.arrayContaining([{ bsb: '062-000', accountNumber: '12345678' }, { payId: 'mule@zorbank-mail.com' }]),
    });
  });

  it('a bundle exported before the extensions, its properties at the top level, imports to the same reports', () => {
    const legacy = JSON.parse(readFileSync('test/fixtures/stix/pre-extensions.stix.json', 'utf8'));
    expect(JSON.stringify(legacy)).toContain('"x_scamgraph_callback_refs"');
    expect(reportsFromStix(legacy)).toEqual(reportsFromStix(JSON.parse(packStix(pack))));
  });

  it('a MISP event gives back every indicator with its phone roles, one report per attribute or object', () => {
    const inputs = reportsFromMisp(JSON.parse(packMisp(pack)));
    expect(
      inputs.every((input) => input.source === 'misp:scamgraph' && /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(String(input.externalId))),
    ).toBe(true);
    const named = inputs.flatMap((input) => [
      ...(input.callbackNumbers ?? []).map((value) => `callback:${value}`),
      ...(input.callerIds ?? []).map((value) => `caller:${value}`),
      ...(input.urls ?? []),
      ...(input.emails ?? []),
      ...(input.wallets ?? []).map((wallet) => `${wallet.chain}:${wallet.address}`),
      ...(input.bankAccounts ?? []).map((account) => JSON.stringify(account)),
    ]);
    expect(named.sort()).toEqual(
      [
        JSON.stringify({ bsb: '062-000', accountNumber: '12345678' }),
        JSON.stringify({ iban: 'GB82WEST12345698765432' }),
        JSON.stringify({ payId: 'mule@zorbank-mail.com' }),
        'BTC:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
        'ETH:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
        'callback:+61412345678',
        'caller:+61293939000',
        'help@zorbank-mail.com',
        'https://login.zorbank-help.com/x',
      ].sort(),
    );
  });
});

it('uuidv5 matches RFC 9562 (www.example.com in the DNS namespace)', () => {
  expect(uuidv5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
});
