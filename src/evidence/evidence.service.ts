import type { GraphExecutor } from '../graph/executor.js';
import type { StartNode } from '../infrastructure/neighbourhood.service.js';
import type { CheckService } from '../scoring/check.service.js';
import { sealPack, type EvidencePack, type PackCheck } from './evidence-pack.js';
import { PACK_REPORT_LIMIT, packContent, type PackContent, type PackSubject, type ReportRow } from './pack-content.js';

type Props = Record<string, unknown>;

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
    const [row] = await this.graph.read('evidence/indicator-reports', {
      kind: node.kind,
      key: node.key,
      qualifier: node.qualifier,
      limit: PACK_REPORT_LIMIT,
    });
    if (!row) return null;
    const value = node.qualifier === null ? node.key : `${node.qualifier}:${node.key}`;
    return this.pack({ kind: node.kind, value }, row['node'] as Props, row);
  }

  /** The pack of one campaign, active or retired; null for an unknown id. */
  async campaignPack(id: string): Promise<EvidencePack | null> {
    const [row] = await this.graph.read('evidence/campaign-reports', { id, limit: PACK_REPORT_LIMIT });
    return row ? this.pack({ kind: 'campaign', id }, null, row) : null;
  }

  private async pack(subject: PackSubject, subjectNode: Props | null, row: Props): Promise<EvidencePack> {
    const createdAt = new Date();
    const rows = await this.graph.read('evidence/reports-with-links', { ids: row['reportIds'] as string[] });
    const content = packContent({
      subject,
      subjectNode,
      campaign: (row['campaign'] as Props | null) ?? null,
      reportTotal: row['reportTotal'] as number,
      rows: rows as unknown as ReportRow[],
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
