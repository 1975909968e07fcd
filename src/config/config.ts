import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65_535);
const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port (tests, benchmarks). */
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  GRAPHQL_PATH: z.string().startsWith('/').default('/graphql'),
  /** Unset: the project starts its own Neo4j (scripts/neo4j). Set: use that server, start nothing. */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt://, neo4j:// or neo4j+s:// URI')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_PORT: port.default(7687),
  NEO4J_HOME: z.string().default('.neo4j/default'),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[kmg]$/i, 'must look like 512m or 2g')
    .default('1g'),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[kmg]$/i, 'must look like 512m or 2g')
    .default('512m'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/i, 'must look like 512kb or 10mb')
    .default('10mb'),
  BATCH_MAX: positiveInt.max(10_000).default(1_000),
  /**
   * Reports per part of a submission's transaction: the next part is validated while this one is written. Measured
   * (issue 22): parts of 100 cost Neo4j twice the CPU per report of 250, since each node is merged once per part; on a
   * warm server (`npm run bench -- --quick --only ingest`, paired runs, 2026-12-07) parts of 500 cost it 12 to 20% less
   * than 250 in six comparisons of six, at the same rate within noise (one client) or up to 7% more (four clients,
   * whose requests overlap one another's writes anyway).
   */
  INGEST_WRITE_BATCH: positiveInt.max(10_000).default(500),
  /** Ingest transactions at once per API process: on two cores, a second one mostly waits on the first one's locks. */
  INGEST_WRITERS: positiveInt.max(64).default(1),
  QUERY_MAX_DEPTH: positiveInt.max(50).default(10),
  /** Complexity points: about 0.1 ms of server and database work each (measured per field, src/graphql/resolvers). */
  QUERY_MAX_COMPLEXITY: positiveInt.default(20_000),
  QUERY_MAX_ALIASES: positiveInt.default(30),
  QUERY_MAX_DIRECTIVES: positiveInt.default(20),
  /** Complexity points one key may spend per minute per API process: 200,000 is about 20 s of work. */
  COST_BUDGET_PER_MINUTE: positiveInt.default(200_000),
  /** Operations of this many points or more (an evidence pack, a wide neighbourhood) run HEAVY_SLOTS at a time per process. */
  HEAVY_FROM: positiveInt.default(1_000),
  HEAVY_SLOTS: positiveInt.default(1),
  /**
   * process: heavy queries run in a second API process this one starts (src/server/heavy-lane.ts), so
   * their CPU (Bolt decoding, packs, drawing) never holds this process's event loop; inline: here.
   */
  HEAVY_LANE: z.enum(['process', 'inline']).default('process'),
  /** Set by the parent in its heavy-lane process only: requests without this token are refused there. */
  HEAVY_LANE_TOKEN: z.string().min(32).optional(),
  /** Reads one key runs in Neo4j at once per API process; the rest of its reads wait in the process (src/graph/fair-share.ts). */
  READS_PER_KEY: positiveInt.default(2),
  /** Reads of heavy operations (HEAVY_FROM points and more, evidence downloads) running in Neo4j at once, whoever asks. */
  HEAVY_READS: positiveInt.default(1),
  /** An indicator with more relationships than this is drawn but not expanded in neighbourhoods. */
  HUB_DEGREE: positiveInt.default(100),
  /** Check scores: evidence last seen this many days ago weighs half. */
  SCORE_HALF_LIFE_DAYS: positiveInt.default(90),
  TEXT_EXCERPT_MAX: positiveInt.default(2_000),
  /** Campaign detection engine: auto runs Graph Data Science where the server has it, pure Cypher otherwise. */
  CAMPAIGN_ENGINE: z.enum(['auto', 'gds', 'cypher']).default('auto'),
  /** An indicator named by more reports than this is a hub: kept in campaigns, linking none of them. */
  CAMPAIGN_HUB_DEGREE: positiveInt.default(500),
  /** A connected component with more indicators than this is split into communities (Leiden; GDS only). */
  CAMPAIGN_SPLIT_SIZE: positiveInt.default(10_000),
  /** Full campaign detection every this many minutes; 0: only on demand (detectCampaigns). */
  CAMPAIGN_SCHEDULE_MINUTES: z.coerce.number().int().min(0).default(0),
  /** How long detectCampaigns waits for another process's run before answering DETECTION_IN_PROGRESS. */
  CAMPAIGN_LOCK_WAIT_SECONDS: z.coerce.number().int().min(0).default(120),
  /** An admin key kept in the environment (local use, tests); at least 24 characters. */
  SCAMGRAPH_ADMIN_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  /**
   * How long a verified API key is trusted without asking Neo4j again: a key revoked by another process
   * (another API process, `scamgraph api-key revoke`) still works here for up to this long.
   */
  API_KEY_CACHE_MS: positiveInt.default(30_000),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
  /** Requests of one key running at once, per API process. */
  MAX_IN_FLIGHT_PER_KEY: positiveInt.default(8),
  /** A request's time: its Neo4j transactions carry what is left as their timeout; past it, DEADLINE_EXCEEDED. */
  REQUEST_DEADLINE_MS: positiveInt.default(30_000),
  /** Uploaded attachments, stored once each by SHA-256 (src/attachments); relative to the working folder. */
  ATTACHMENTS_DIR: z.string().min(1).default('.attachments'),
  /** Largest upload in bytes (10 MiB). */
  ATTACHMENT_MAX_BYTES: positiveInt.default(10_485_760),
  /** An image that decodes to more pixels than this is refused before decoding (a decompression bomb). */
  ATTACHMENT_MAX_PIXELS: positiveInt.default(25_000_000),
  /** A PDF with more pages, or an email with more MIME parts, is refused unread. */
  ATTACHMENT_MAX_PAGES: positiveInt.default(50),
  ATTACHMENT_MAX_PARTS: positiveInt.default(100),
  /** Reading one attachment (OCR, PDF text, email parsing) runs in a child process stopped after this long. */
  ATTACHMENT_READ_TIMEOUT_MS: positiveInt.default(60_000),
  /** That child process's JavaScript heap, in MB. */
  ATTACHMENT_READ_MEMORY_MB: positiveInt.default(512),
  /** Watches one key may hold: a longer list is refused with TOO_MANY_WATCHES. */
  WATCHES_PER_KEY_MAX: positiveInt.default(5_000),
  /** false: this process writes alerts (ingest) but delivers none; another process does. */
  ALERT_DELIVERY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((on) => on === 'true'),
  /** How often each API process looks for alerts to deliver besides its own (other processes, retries, restarts). */
  ALERT_POLL_MS: positiveInt.default(1_000),
  /** A webhook receiver answers within this or the attempt fails. */
  WEBHOOK_TIMEOUT_MS: positiveInt.default(5_000),
  /** Attempts per alert before it is dead-lettered; retries wait WEBHOOK_RETRY_BASE_MS, doubling each time. */
  WEBHOOK_MAX_ATTEMPTS: positiveInt.max(30).default(8),
  WEBHOOK_RETRY_BASE_MS: positiveInt.default(2_000),
  /** Hosts (as written in the URL, comma-separated) a webhook may use although they are loopback or private. */
  /** Feeds end this far in the past, beyond any ingest transaction's deadline, so a poll never passes a report still being written. */
  FEED_SETTLE_MS: z.coerce.number().int().min(0).default(35_000),
  /** Reports one read of the TAXII high-risk collection takes from the graph (cypher/taxii/indicator-changes.cypher). */
  TAXII_WINDOW_REPORTS: positiveInt.default(2_000),
  /** Requests per minute one client address may make for public brand pages (no key there to limit). */
  BRAND_PAGE_RATE_PER_MINUTE: positiveInt.default(60),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((hosts) =>
      hosts
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Readonly<z.infer<typeof EnvSchema>>;

/** Thrown at start-up; the message names every bad variable and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment once; the only reader of process.env in src/. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  return Object.freeze(parsed.data);
}
