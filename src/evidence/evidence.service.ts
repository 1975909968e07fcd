import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import type { StartNode } from '../infrastructure/neighbourhood.service.js';
import type { CheckService } from '../scoring/check.service.js';
import { sealPack, type EvidencePack, type PackCheck } from './evidence-pack.js';
import { PACK_REPORT_LIMIT, packContent, type PackContent, type PackSubject, type ReportRow } from './pack-content.js';

type Props = Record<string, unknown>;

const PROPS = z.record(z.string(), z.unknown());

/** A row of evidence/campaign-reports: the campaign's figures, its report total and newest report ids. */
const CAMPAIGN_REPORTS_ROW = z.object({
  campaign: PROPS.nullable(),
  reportTotal: z.number(),
  reportIds: z.array(z.string()),
});
type ReportsRow = z.infer<typeof CAMPAIGN_REPORTS_ROW>;

/** A row of evidence/indicator-reports: as a campaign's, with the indicator's node. */
const INDICATOR_REPORTS_ROW = CAMPAIGN_REPORTS_ROW.extend({ node: PROPS });

/** A row of evidence/reports-with-links: a ReportRow, the report's and linked nodes' properties read by packContent. */
const REPORT_ROW = z.object({
  report: PROPS,
  links: z.array(
    z.object({
      role: z.enum(['CALLBACK_NUMBER', 'CALLER_ID', 'SENDER_ID', 'LINKS_TO', 'NAMES_DOMAIN', 'CONTACT_EMAIL', 'PAY_TO', 'IMPERSONATES']),
      label: z.string(),
      node: PROPS,
    }),
  ),
  attachments: z.array(z.object({ sha256: z.string(), kind: z.string(), mime: z.string(), size: z.number() })),
});

/**
 * Evidence packs for telco escalation and takedown: the same few reads (subject, reports with what
 * they name, the checks of their numbers and domains) whatever the pack's size. Reporter identity
 * is never read, so it cannot leak.
 */
export class EvidenceService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly checks: CheckService,
  ) {}

  /** The pack of one indicator; null when no report names it. */
  async indicatorPack(node: StartNode): Promise<EvidencePack | null> {
    const [row] = await this.graph.readAs('evidence/indicator-reports', INDICATOR_REPORTS_ROW, {
      kind: node.kind,
      key: node.key,
      qualifier: node.qualifier,
      limit: PACK_REPORT_LIMIT,
    });
    if (!row) return null;
    const value = node.qualifier === null ? node.key : `${node.qualifier}:${node.key}`;
    return this.pack({ kind: node.kind, value }, row.node, row);
  }

  /** The pack of one campaign, active or retired; null for an unknown id. */
  async campaignPack(id: string): Promise<EvidencePack | null> {
    const [row] = await this.graph.readAs('evidence/campaign-reports', CAMPAIGN_REPORTS_ROW, { id, limit: PACK_REPORT_LIMIT });
    return row ? this.pack({ kind: 'campaign', id }, null, row) : null;
  }

  private async pack(subject: PackSubject, subjectNode: Props | null, row: ReportsRow): Promise<EvidencePack> {
    const createdAt = new Date();
    const rows: ReportRow[] = await this.graph.readAs('evidence/reports-with-links', REPORT_ROW, { ids: row.reportIds });
    const content = packContent({
      subject,
      subjectNode,
      campaign: row.campaign,
      reportTotal: row.reportTotal,
      rows,
    });
    return sealPack(content, await this.checksOf(content), createdAt);
  }

  /** Every phone number and domain of the pack checked, in one batched read per kind. */
  private async checksOf(content: PackContent): Promise<PackCheck[]> {
    const valuesOf = (kind: string) => content.indicators.filter((each) => each.kind === kind).map((each) => each.value);
    const [numbers, domains] = [valuesOf('phone'), valuesOf('domain')];
    const [numberChecks, domainChecks] = await Promise.all([
      numbers.length > 0 ? this.checks.checkNumbers(numbers) : [],
      domains.length > 0 ? this.checks.checkDomains(domains.map((domain) => ({ domain, hostname: domain }))) : [],
    ]);
    return [
      ...numberChecks.map((check, i) => ({
        kind: 'phone' as const,
        value: numbers[i] as string,
        verdict: check.verdict,
        score: check.score,
        reasons: check.reasons,
      })),
      ...domainChecks.map((check, i) => ({
        kind: 'domain' as const,
        value: domains[i] as string,
        verdict: check.verdict,
        score: check.score,
        reasons: check.reasons,
      })),
    ];
  }
}
