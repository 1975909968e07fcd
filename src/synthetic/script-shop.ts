import type { CampaignPlan } from './campaign.js';
import { CrewScript, type Scripting } from './crew-script.js';
import type { Random } from './random.js';

/**
 * Where operations get their scripts: most write their own, some buy an earlier operation's kit of
 * the same kind of scam (two crews then send one text, and only their infrastructure tells them apart),
 * and some rewrite theirs part-way through (one crew, two texts).
 */
export class ScriptShop {
  /** Scripts by kind of scam: a kit is sold within one kind. */
  private readonly sold = new Map<CampaignPlan['scamType'], CrewScript[]>();

  constructor(
    private readonly random: Random,
    private readonly shares: { readonly share: number; readonly kitShare: number; readonly rewriteShare: number },
  ) {}

  scripting(plan: CampaignPlan): Scripting {
    const r = this.random;
    const kits = this.sold.get(plan.scamType) ?? [];
    this.sold.set(plan.scamType, kits);
    let first = kits.length > 0 && r.chance(this.shares.kitShare) ? r.pick(kits) : null;
    if (!first) {
      first = new CrewScript(r.fork());
      kits.push(first);
    }
    const [start, end] = [plan.startsAt.getTime(), plan.endsAt.getTime()];
    const rewrite = r.chance(this.shares.rewriteShare)
      ? { from: start + (0.2 + 0.6 * r.next()) * (end - start), script: new CrewScript(r.fork()) }
      : null;
    return { first, rewrite, share: this.shares.share };
  }
}
