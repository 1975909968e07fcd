import type { EvidencePack } from './evidence-pack.js';
import type { PackIndicator, PackReport } from './pack-content.js';
import { extension, extensionDefinitions } from './stix-extensions.js';
import {
  CHANNEL_LABEL,
  FIXED_CREATED,
  PHONE_ROLE_REFS,
  PRODUCER,
  SCAM_TYPE_LABEL,
  SCAMGRAPH_NAMESPACE,
  scoId,
  sdoId,
  splitQualifier,
} from './stix-ids.js';
import { uuidv5 } from './uuid-v5.js';

type StixObject = Record<string, unknown> & { type: string; id: string };

/**
 * Standard observables where STIX has them (domain-name, url, email-addr); phone numbers, wallets
 * and bank accounts as OpenCTI's own observable types, with the properties and id-contributing
 * properties OpenCTI gives them (value; bank-account: iban). The score rides in OpenCTI's
 * observable extension, where OpenCTI reads it; scamgraph's facts in extensions of its own.
 */
function observable(indicator: PackIndicator, score: number | undefined): StixObject {
  const opencti = (type: 'new-sco' | 'property-extension') => extension('opencti', { score }, type);
  switch (indicator.kind) {
    case 'phone':
      return {
        type: 'phone-number',
        id: scoId('phone-number', { value: indicator.value }),
        spec_version: '2.1',
        value: indicator.value,
        extensions: {
          ...opencti('new-sco'),
          // STIX has no null: a fact libphonenumber does not know is left out.
          ...extension('phone', { country: indicator.phone?.country || undefined, number_type: indicator.phone?.numberType || undefined }),
        },
      };
    case 'wallet': {
      const [chain, address] = splitQualifier(indicator.value);
      return {
        type: 'cryptocurrency-wallet',
        id: scoId('cryptocurrency-wallet', { value: address }),
        spec_version: '2.1',
        value: address,
        extensions: { ...opencti('new-sco'), ...extension('wallet', { chain }) },
      };
    }
    case 'bank_account': {
      const [scheme, identifier] = splitQualifier(indicator.value);
      const number = scheme === 'IBAN' ? { iban: identifier } : { account_number: identifier };
      return {
        type: 'bank-account',
        id: scoId('bank-account', number),
        spec_version: '2.1',
        value: identifier,
        ...number,
        extensions: { ...opencti('new-sco'), ...extension('bankAccount', { scheme }) },
      };
    }
    default: {
      const type = ({ domain: 'domain-name', url: 'url', email: 'email-addr' } as Record<string, string>)[indicator.kind] as string;
      const extensions = opencti('property-extension');
      return {
        type,
        id: scoId(type, { value: indicator.value }),
        spec_version: '2.1',
        value: indicator.value,
        ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
      };
    }
  }
}

function brandIdentity(brand: { slug: string; name: string }): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: sdoId('identity', `brand:${brand.slug}`),
    created: FIXED_CREATED,
    modified: FIXED_CREATED,
    created_by_ref: PRODUCER.id,
    name: brand.name,
    identity_class: 'organization',
    extensions: extension('brand', { slug: brand.slug }),
  };
}

function stixReport(report: PackReport, refs: ReadonlyMap<string, string>, extraRefs: string[]): StixObject {
  const refOf = (indicator: { kind: string; value: string }) => refs.get(`${indicator.kind}:${indicator.value}`) as string;
  const phonesIn = (role: keyof typeof PHONE_ROLE_REFS) => report.indicators.filter((each) => each.role === role).map(refOf);
  const roleRefs = Object.fromEntries(
    Object.entries(PHONE_ROLE_REFS).flatMap(([role, property]) => {
      const ids = phonesIn(role as keyof typeof PHONE_ROLE_REFS);
      return ids.length > 0 ? [[property, ids]] : [];
    }),
  );
  const extensions = extension('report', {
    ...roleRefs,
    reference_numbers: report.referenceNumbers.length > 0 ? report.referenceNumbers : undefined,
  });
  return {
    type: 'report',
    spec_version: '2.1',
    id: sdoId('report', report.id),
    created: report.receivedAt,
    modified: report.receivedAt,
    created_by_ref: PRODUCER.id,
    name: `${report.channel} scam report of ${report.receivedAt.slice(0, 10)}`,
    ...(report.excerpt ? { description: report.excerpt } : {}),
    report_types: ['threat-report'],
    published: report.receivedAt,
    labels: [`${CHANNEL_LABEL}${report.channel}`, ...(report.scamType ? [`${SCAM_TYPE_LABEL}${report.scamType}`] : [])],
    object_refs: [...new Set([...report.indicators.map(refOf), ...(report.brand ? [brandIdentity(report.brand).id] : []), ...extraRefs])],
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
  };
}

/**
 * The pack as a STIX 2.1 bundle: observables, one report per scam report, the campaign, and each
 * brand as an organization identity. STIX defines `impersonates` only from a threat actor, which
 * scamgraph never asserts, so a brand is linked by `related-to` (which OpenCTI accepts between
 * any two objects) labelled "impersonates". Ids are name-based, so a second export of the same
 * graph is the same bundle.
 */
export function stixBundle(pack: EvidencePack): Record<string, unknown> {
  const { content } = pack;
  const scores = new Map(pack.checks.map((check) => [`${check.kind}:${check.value}`, check.score]));
  const observables = content.indicators.map((indicator) => observable(indicator, scores.get(`${indicator.kind}:${indicator.value}`)));
  const refs = new Map(
    content.indicators.map((indicator, i) => [`${indicator.kind}:${indicator.value}`, (observables[i] as StixObject).id]),
  );
  const campaign: StixObject | null = content.campaign && {
    type: 'campaign',
    spec_version: '2.1',
    id: sdoId('campaign', content.campaign.id),
    created: content.campaign.firstSeen ?? FIXED_CREATED,
    modified: content.campaign.lastSeen ?? content.campaign.firstSeen ?? FIXED_CREATED,
    created_by_ref: PRODUCER.id,
    name: `scamgraph campaign ${content.campaign.id}`,
    description: `Detected by scamgraph over shared scam infrastructure: ${content.campaign.size ?? 0} indicators, ${content.campaign.reportCount ?? 0} reports.`,
    ...(content.campaign.firstSeen ? { first_seen: content.campaign.firstSeen } : {}),
    ...(content.campaign.lastSeen ? { last_seen: content.campaign.lastSeen } : {}),
  };
  const brands = content.brands.map(brandIdentity);
  const subjectRef = 'value' in content.subject ? refs.get(`${content.subject.kind}:${content.subject.value}`) : undefined;
  const impersonator = campaign?.id ?? subjectRef;
  const impersonations = impersonator
    ? content.brands.map((brand, i) => ({
        type: 'relationship',
        spec_version: '2.1',
        id: sdoId('relationship', `${impersonator}|impersonates|${(brands[i] as StixObject).id}`),
        created: content.firstSeen ?? FIXED_CREATED,
        modified: content.lastSeen ?? content.firstSeen ?? FIXED_CREATED,
        created_by_ref: PRODUCER.id,
        relationship_type: 'related-to',
        labels: ['impersonates'],
        source_ref: impersonator,
        target_ref: (brands[i] as StixObject).id,
        description: `Impersonates ${brand.name} in ${brand.reports} of the reports in this pack.`,
      }))
    : [];
  const reports = content.reports.map((report) => stixReport(report, refs, campaign ? [campaign.id] : []));
  const objects = [PRODUCER, ...brands, ...(campaign ? [campaign] : []), ...observables, ...impersonations, ...reports];
  return {
    type: 'bundle',
    id: `bundle--${uuidv5(SCAMGRAPH_NAMESPACE, `bundle:${pack.digest}`)}`,
    objects: [...extensionDefinitions(objects, PRODUCER.id), ...objects],
  };
}

export const packStix = (pack: EvidencePack): string => `${JSON.stringify(stixBundle(pack), null, 2)}\n`;
