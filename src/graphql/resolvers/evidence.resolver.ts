import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ImportRefusedError } from '../../evidence/import-errors.js';
import type { ImportSummary } from '../../evidence/import.service.js';
import { packCsv } from '../../evidence/pack-csv.js';
import { packJson } from '../../evidence/pack-json.js';
import { packMisp } from '../../evidence/pack-misp.js';
import { downloadPath } from '../../evidence/pack-formats.js';
import { packStix } from '../../evidence/pack-stix.js';
import { INDICATOR_KINDS, indicatorNode } from '../../infrastructure/indicator-node.js';
import type { RequestContext } from '../context.js';
import { badInput, ScamgraphError } from '../errors.js';
import { EvidencePack, ImportResult, PackDownloads, toEvidencePack } from '../types/evidence.types.js';

/** A pack written out in one format (priced beside json below). */
const RENDERING = 100;

@Resolver(() => EvidencePack)
export class EvidenceResolver {
  // Cost 2,500 (a point is about 0.1 ms): a pack of a 263-report number took 170 to 260 ms (scripts/bench/field-costs.ts on a 10,000-report world).
  @Query(() => EvidencePack, { nullable: true, complexity: 2_500, description: 'kind: phone, domain, url, email, wallet or bank_account.' })
  async evidencePack(
    @Arg('kind', () => String) kind: string,
    @Arg('value', () => String) value: string,
    @Ctx() context: RequestContext,
  ): Promise<EvidencePack | null> {
    const node = indicatorNode(kind, value);
    if (!node.ok) {
      throw badInput([
        { field: (INDICATOR_KINDS as readonly string[]).includes(kind) ? 'value' : 'kind', code: node.code, message: node.message },
      ]);
    }
    const pack = await context.evidence.indicatorPack(node.value);
    return pack && toEvidencePack(pack);
  }

  // Cost 16,000: the largest campaign's pack (2,215 indicators) took 1.6 s; one a request, larger ones as HTTP downloads (/evidence).
  @Query(() => EvidencePack, { nullable: true, complexity: 16_000 })
  async campaignEvidencePack(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<EvidencePack | null> {
    const pack = await context.evidence.campaignPack(id);
    return pack && toEvidencePack(pack);
  }

  // Each rendering: 30 to 140 KB for a 263-report number, a few ms of work and as much reply (100).
  @FieldResolver(() => String, { complexity: RENDERING })
  json(@Root() pack: EvidencePack): string {
    return packJson(pack.pack);
  }

  @FieldResolver(() => String, { complexity: RENDERING })
  csv(@Root() pack: EvidencePack): string {
    return packCsv(pack.pack);
  }

  @FieldResolver(() => String, { complexity: RENDERING, description: 'A STIX 2.1 bundle.' })
  stix(@Root() pack: EvidencePack): string {
    return packStix(pack.pack);
  }

  @FieldResolver(() => String, { complexity: RENDERING, description: 'A MISP event.' })
  misp(@Root() pack: EvidencePack): string {
    return packMisp(pack.pack);
  }

  // Paths only: no rendering, no reply to speak of (1).
  @FieldResolver(() => PackDownloads)
  downloads(@Root() pack: EvidencePack): PackDownloads {
    const { subject } = pack.pack.content;
    return {
      json: downloadPath(subject, 'json'),
      csv: downloadPath(subject, 'csv'),
      stix: downloadPath(subject, 'stix'),
      misp: downloadPath(subject, 'misp'),
    };
  }
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description: "A STIX 2.1 bundle's reports and observed-data as reports (ADMIN); importing it again writes nothing twice.",
  })
  importStix(
    @Arg('bundle', () => String, { description: 'The bundle as JSON text.' }) bundle: string,
    @Ctx() context: RequestContext,
  ): Promise<ImportResult> {
    return imported(context, () => context.imports.importStix(bundle));
  }

  @Mutation(() => ImportResult, {
    description: "A MISP event's objects and attributes as reports (ADMIN); importing it again writes nothing twice.",
  })
  importMisp(
    @Arg('event', () => String, { description: 'The event as JSON text.' }) event: string,
    @Ctx() context: RequestContext,
  ): Promise<ImportResult> {
    return imported(context, () => context.imports.importMisp(event));
  }
}

/** Imported reports count in scamgraph_reports_ingested_total like submitted ones. */
async function imported(context: RequestContext, run: () => Promise<ImportSummary>): Promise<ImportResult> {
  try {
    const summary = await run();
    context.metrics.reportsIngested.inc({ result: 'accepted' }, summary.written);
    context.metrics.reportsIngested.inc({ result: 'duplicate' }, summary.duplicates);
    context.metrics.reportsIngested.inc({ result: 'rejected' }, summary.rejected.length);
    return summary as ImportResult;
  } catch (error) {
    if (error instanceof ImportRefusedError) throw new ScamgraphError('INVALID_VALUE', error.message);
    throw error;
  }
}
