// The merge step replayed offline (issue 15): reads what `quality-diagnosis.ts --dump <file>` wrote (the
// community graph as the labeller left it, each indicator's community, the truth file) and scores the
// campaigns community-merge.ts makes from it, with and without the story and era rules, against the planted
// operations. Seconds per trial instead of a detection run, so merge rules can be tried on many worlds:
//   npx tsx scripts/bench/quality-diagnosis.ts --seed 3 --bridges 0.01 --engine gds --dump /tmp/s3
//   npx tsx scripts/bench/merge-replay.ts /tmp/s3.gds.json
import { readFileSync } from 'node:fs';
import { COMMUNITY_LINKS_ROW, communityGraph } from '../../src/campaigns/community-graph.js';
import { mergeCommunities, type MergeShares } from '../../src/campaigns/community-merge.js';
import { COMMUNITY_SHARES } from '../../src/campaigns/detection-parameters.js';
import { campaignQuality, readPlantedCampaigns } from './campaign-quality.js';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: merge-replay.ts <dump.json from quality-diagnosis --dump>');
const dump = JSON.parse(readFileSync(file, 'utf8')) as { truth: string; nodes: { indicator: string; label: string }[] };
const { communities, ties } = communityGraph(COMMUNITY_LINKS_ROW.parse(dump));
const planted = await readPlantedCampaigns(dump.truth);

const score = (name: string, shares: MergeShares | null) => {
  const changes = shares ? mergeCommunities(communities, ties, shares) : {};
  const found = new Map(dump.nodes.map(({ indicator, label }) => [indicator, changes[label] ?? label]));
  const quality = campaignQuality(planted, found);
  process.stdout.write(
    `${name}: ARI ${quality.adjustedRandIndex.toFixed(4)}, pairwise precision ${quality.pairwisePrecision.toFixed(4)}, ` +
      `recall ${quality.pairwiseRecall.toFixed(4)}, ${quality.foundCampaigns} campaigns\n`,
  );
};
score('labeller alone', null);
// A similarity above 1 never holds: the story and era rules off; an overlap below 0 never holds: the era rule off.
score('without the story rule', { ...COMMUNITY_SHARES.merge, storySimilarity: 2, storyLean: 2 });
score('without the era rule', { ...COMMUNITY_SHARES.merge, eraOverlap: -1 });
// Too many reports ever to say: the script rules off (two communities' templates never tell them apart).
score('without the script rules', { ...COMMUNITY_SHARES.merge, scriptReports: Infinity });
score('scripts telling crews apart only', { ...COMMUNITY_SHARES.merge, scriptJoin: 2 });
score("without one crew's hand (rule 6)", { ...COMMUNITY_SHARES.merge, scriptSameReports: Infinity });
score('without the strong tie of one story', { ...COMMUNITY_SHARES.merge, storyTie: Infinity });
for (const [scriptReports, scriptSimilarity, scriptJoin] of trials())
  score(`scripts ${scriptReports} / ${scriptSimilarity} / ${scriptJoin}`, {
    ...COMMUNITY_SHARES.merge,
    scriptReports,
    scriptSimilarity,
    scriptJoin,
  });
score('as committed', COMMUNITY_SHARES.merge);

/** Script settings to try beside the committed one (scriptReports / scriptSimilarity / scriptJoin): SCRIPT_TRIALS="3/0.3/0.8,5/0.5/0.9". */
function trials(): [number, number, number][] {
  return (process.env['SCRIPT_TRIALS'] ?? '')
    .split(',')
    .filter(Boolean)
    .map((trial) => trial.split('/').map(Number) as [number, number, number]);
}
