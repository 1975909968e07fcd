import { z } from 'zod';
import { randomBytes, randomUUID } from 'node:crypto';
import type { GraphExecutor } from '../graph/executor.js';
import { INDICATOR_KINDS, indicatorId, indicatorNode } from '../infrastructure/indicator-node.js';
import { quote } from '../text/excerpt.js';
import { MonitoringRefusedError } from './monitoring-errors.js';
import { WATCH, type Watch, type WatchKind } from './watch.js';
import { checkWebhookUrl, WebhookAddressError } from './webhook-address.js';

/** monitoring/create-watch: the new watch, or none and refused when the key holds its maximum. */
const CREATED_ROW = z.object({ watch: WATCH.nullable(), refused: z.boolean() });
const WATCH_ROW = z.object({ watch: WATCH });

export interface WatchRequest {
  readonly owner: string;
  readonly kind: WatchKind;
  /** A brand slug, a campaign id, an indicator's value, or a number prefix ("+61 4"). */
  readonly target: string;
  /** For INDICATOR: phone, domain, url, email, wallet or bank_account. */
  readonly indicatorKind: string | null;
  readonly webhookUrl: string | null;
}

export interface WatchSettings {
  readonly maxPerKey: number;
  readonly allowedHosts: readonly string[];
}

/** "+61 4", "+614", "614": the digits after +, at least two (a country code alone is a whole country). */
export function normalisePrefix(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, '');
  const digits = /^\+?(\d{2,15})$/.exec(compact)?.[1];
  return digits ? `+${digits}` : null;
}

/** Watches per owning key: a key sees, changes and is alerted for its own only. */
export class WatchService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly settings: WatchSettings,
  ) {}

  /** The new watch and, with a webhook, its signing secret: shown once, as an API key is. */
  async create(request: WatchRequest): Promise<{ watch: Watch; webhookSecret: string | null }> {
    const target = this.target(request);
    const webhookUrl = request.webhookUrl === null ? null : await this.webhook(request.webhookUrl);
    const webhookSecret = webhookUrl === null ? null : `whsec_${randomBytes(24).toString('base64url')}`;
    const [row] = await this.graph.writeAs('monitoring/create-watch', CREATED_ROW, {
      id: randomUUID(),
      owner: request.owner,
      kind: request.kind,
      key: target.key,
      qualifier: target.qualifier,
      indicatorKind: request.kind === 'INDICATOR' ? request.indicatorKind : null,
      target: target.display,
      webhookUrl,
      webhookSecret,
      max: this.settings.maxPerKey,
    });
    if (!row) throw new MonitoringRefusedError('NOT_FOUND', 'target', `no ${request.kind.toLowerCase()} ${quote(request.target)} to watch`);
    if (row.refused || !row.watch) {
      throw new MonitoringRefusedError('TOO_MANY_WATCHES', '', `a key holds at most ${this.settings.maxPerKey} watches; delete some first`);
    }
    return { watch: row.watch, webhookSecret };
  }

  async list(owner: string, ids: readonly string[] | null = null): Promise<Watch[]> {
    const rows = await this.graph.readAs('monitoring/watches-by-owner', WATCH_ROW, { owner, ids: ids === null ? null : [...ids] });
    return rows.map((row) => row.watch);
  }

  /** False when the key holds no such watch (another key's watch is "no such watch" too). */
  async delete(owner: string, id: string): Promise<boolean> {
    return (await this.graph.write('monitoring/delete-watch', { owner, id })).length > 0;
  }

  private target(request: WatchRequest): { key: string; qualifier: string | null; display: string } {
    const raw = request.target.trim();
    switch (request.kind) {
      case 'BRAND':
      case 'CAMPAIGN':
        if (raw.length === 0 || raw.length > 200)
          throw new MonitoringRefusedError('INVALID_VALUE', 'target', `target must be 1 to 200 characters; got ${quote(raw)}`);
        return { key: raw, qualifier: null, display: raw };
      case 'PREFIX': {
        const prefix = normalisePrefix(raw);
        if (!prefix)
          throw new MonitoringRefusedError('INVALID_PREFIX', 'target', `a prefix is + and 2 to 15 digits ("+61 4"); got ${quote(raw)}`);
        return { key: prefix, qualifier: null, display: prefix };
      }
      case 'INDICATOR': {
        const node = indicatorNode(request.indicatorKind ?? '', raw);
        if (!node.ok)
          throw new MonitoringRefusedError(
            node.code,
            (INDICATOR_KINDS as readonly string[]).includes(request.indicatorKind ?? '') ? 'target' : 'indicatorKind',
            node.message,
          );
        return { key: node.value.key, qualifier: node.value.qualifier, display: indicatorId(node.value) };
      }
    }
  }

  private async webhook(raw: string): Promise<string> {
    try {
      return (await checkWebhookUrl(raw, this.settings.allowedHosts)).href;
    } catch (error) {
      if (error instanceof WebhookAddressError) throw new MonitoringRefusedError(error.code, 'webhookUrl', error.message);
      throw error;
    }
  }
}
