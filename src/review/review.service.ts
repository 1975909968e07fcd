import { z } from 'zod';
import type { AttachmentService } from '../attachments/attachment.service.js';
import type { StoredAttachment } from '../attachments/attachment-store.js';
import { claimedBrandOf, resolveClaimedBrands } from '../brands/claimed-brand.js';
import { REGISTERED_BRAND } from '../brands/registered-brand.js';
import type { GraphExecutor } from '../graph/executor.js';
import type { BrandNames } from '../ingest/extraction/extract-indicators.js';
import type { IngestService } from '../ingest/ingest.service.js';
import type { InputError } from '../ingest/report-input.js';
import { parseRegion } from '../ingest/normalise/phone.js';
import type { Channel } from '../reports/vocabulary.js';
import type { CheckService } from '../scoring/check.service.js';
import type { Check } from '../scoring/verdict.js';
import { collectIndicators, type FoundIndicator, type Source } from './review-indicators.js';
import { judgeMessage, type BrandChannels, type CheckedIndicator, type Judgement } from './review-verdict.js';

/** A row of review/brand-channels: the claimed brand's official channels. */
const BRAND_CHANNELS_ROW = z.object({
  slug: z.string(),
  name: z.string(),
  officialNumbers: z.array(z.string()),
  officialDomains: z.array(z.string()),
});

export interface ReviewRequest {
  readonly text?: string | null | undefined;
  readonly attachmentIds?: readonly string[] | null | undefined;
  readonly defaultRegion?: string | null | undefined;
  readonly claimedBrand?: string | null | undefined;
  /** For submitReview: the report's channel; inferred from the attachments when absent. */
  readonly channel?: Channel | null | undefined;
}

export interface Review extends Judgement {
  readonly indicators: readonly CheckedIndicator[];
  readonly brand: (BrandChannels & { readonly summary: string | null }) | null;
  readonly attachments: readonly StoredAttachment[];
}

export type ReviewOutcome = { ok: true; review: Review } | { ok: false; errors: InputError[] };

export const REVIEW_LIMITS = { text: 50_000, attachments: 10 } as const;

/**
 * One explainable answer for what a person received: typed text and uploaded attachments are
 * read (OCR, PDF, email headers were read at upload), every indicator is checked against the
 * graph, and the claimed brand's official channels are set beside what the message asks for.
 * Reads only; submit() also writes it as a report.
 */
export class ReviewService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly checks: CheckService,
    private readonly attachments: AttachmentService,
    private readonly ingest: IngestService,
  ) {}

  async review(request: ReviewRequest): Promise<ReviewOutcome> {
    const errors: InputError[] = [];
    const text = request.text ?? '';
    const ids = request.attachmentIds ?? [];
    if (text.length > REVIEW_LIMITS.text)
      errors.push({ field: 'text', code: 'TOO_LONG', message: `text holds at most ${REVIEW_LIMITS.text} characters, got ${text.length}` });
    if (ids.length > REVIEW_LIMITS.attachments)
      errors.push({
        field: 'attachmentIds',
        code: 'TOO_MANY',
        message: `at most ${REVIEW_LIMITS.attachments} attachments, got ${ids.length}`,
      });
    if (text.trim() === '' && ids.length === 0)
      errors.push({ field: 'text', code: 'BAD_USER_INPUT', message: 'give the message text, attachment ids, or both' });
    const region = parseRegion(request.defaultRegion ?? undefined);
    if (!region.ok) errors.push({ field: 'defaultRegion', code: region.code, message: region.message });
    if (errors.length > 0 || !region.ok) return { ok: false, errors };
    let attachments: StoredAttachment[];
    try {
      attachments = await this.attachments.get(ids);
    } catch (error) {
      const { code, message } = error as { code: string; message: string };
      return { ok: false, errors: [{ field: 'attachmentIds', code, message }] };
    }

    const sources: Source[] = [
      ...(text.trim() ? [{ via: 'TEXT' as const, attachmentId: null, text }] : []),
      ...attachments.flatMap((file) => file.reading.texts.map((read) => ({ via: read.via, attachmentId: file.sha256, text: read.text }))),
    ];
    const emails = attachments.flatMap((file) => (file.reading.email ? [{ attachmentId: file.sha256, email: file.reading.email }] : []));
    const { indicators, brandSlugs } = collectIndicators(sources, emails, region.value, await this.brandNames());
    const [checked, brand] = await Promise.all([this.checked(indicators), this.brand(request.claimedBrand, brandSlugs)]);
    const judgement = judgeMessage(checked, brand, region.value);
    return {
      ok: true,
      review: { ...judgement, indicators: checked, brand: brand && { ...brand, summary: judgement.brandSummary }, attachments },
    };
  }

  /**
   * Reviews, then writes the message as one report (its texts joined, Reply-To addresses as
   * contact emails, the HTML part's links as URLs; From is not written as evidence: it may be
   * forged), and links the report to its attachments by hash.
   */
  async submit(request: ReviewRequest, externalId: string | null): Promise<ReviewOutcome & { reportId?: string; duplicate?: boolean }> {
    const reviewed = await this.review(request);
    if (!reviewed.ok) return reviewed;
    const { review } = reviewed;
    const texts = [request.text ?? '', ...review.attachments.flatMap((file) => file.reading.texts.map((read) => read.text))].filter(
      (each) => each.trim(),
    );
    const [outcome] = await this.ingest.submit([
      {
        externalId,
        channel: request.channel ?? channelOf(review.attachments),
        claimedBrand: request.claimedBrand ?? review.brand?.name ?? null,
        defaultRegion: request.defaultRegion ?? null,
        text: texts.join('\n\n'),
        emails: review.indicators.filter((each) => each.role === 'EMAIL_REPLY_TO').map((each) => each.value),
        urls: review.indicators
          .filter((each) => each.role === 'LINK' && each.origins.some((origin) => origin.via === 'EMAIL_HTML'))
          .map((each) => each.value),
      },
    ]);
    if (!outcome?.reportId) return { ok: false, errors: [...(outcome?.errors ?? [])] };
    if (review.attachments.length > 0) {
      await this.graph.write('attachments/link-report-attachments', {
        reportId: outcome.reportId,
        attachments: review.attachments.map(({ sha256, kind, mime, size }) => ({ sha256, kind, mime, size })),
      });
    }
    return { ...reviewed, reportId: outcome.reportId, duplicate: outcome.duplicate };
  }

  private async brandNames(): Promise<BrandNames[]> {
    return this.graph.readAs('brands/registered-brands', REGISTERED_BRAND);
  }

  /** Numbers and domains checked in one round trip each, in the order found. */
  private async checked(indicators: readonly FoundIndicator[]): Promise<CheckedIndicator[]> {
    const phones = indicators.filter((each) => each.kind === 'PHONE');
    const withDomain = indicators.filter((each) => each.kind !== 'PHONE' && each.domain !== null);
    const [numberChecks, domainChecks] = await Promise.all([
      phones.length > 0 ? this.checks.checkNumbers(phones.map((each) => each.value)) : [],
      withDomain.length > 0
        ? this.checks.checkDomains(
            withDomain.map((each) => ({ domain: each.domain as string, hostname: each.hostname ?? (each.domain as string) })),
          )
        : [],
    ]);
    const checks = new Map<FoundIndicator, Check>([
      ...phones.map((each, i) => [each, numberChecks[i] as Check] as const),
      ...withDomain.map((each, i) => [each, domainChecks[i] as Check] as const),
    ]);
    return indicators.map((each) => {
      const check = checks.get(each);
      return { ...each, check: check ? { verdict: check.verdict, score: check.score, reasons: check.reasons } : null };
    });
  }

  /** The brand the caller names, else the first registered brand the texts name; null when neither is registered. */
  private async brand(claimed: string | null | undefined, named: readonly string[]): Promise<BrandChannels | null> {
    const slug = claimed?.trim() ? (await resolveClaimedBrands(this.graph, [claimedBrandOf(claimed.trim())]))[0] : named[0];
    if (!slug) return null;
    const [row] = await this.graph.readAs('review/brand-channels', BRAND_CHANNELS_ROW, { slug });
    return row ?? null;
  }
}

/** The channel a report gets from what was uploaded: an email is EMAIL, a PDF an INVOICE, a screenshot most often an SMS. */
function channelOf(attachments: readonly StoredAttachment[]): Channel {
  const kinds = new Set(attachments.map((file) => file.kind));
  return kinds.has('EMAIL') ? 'EMAIL' : kinds.has('PDF') ? 'INVOICE' : kinds.has('TEXT') ? 'VOICEMAIL' : 'SMS';
}
