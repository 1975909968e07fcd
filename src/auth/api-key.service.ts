import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { generateApiKey, hashApiKey, sameKey } from './api-key.js';
import { ROLES, type Role } from './roles.js';

export interface Caller {
  readonly keyId: string;
  readonly role: Role;
}

const role = z.enum(ROLES);
/** The rows of auth/create-api-key, revoke-api-key and list-api-keys: one key as a map. */
const KEY_ROW = z.object({
  key: z.object({ id: z.string(), name: z.string(), role, createdAt: z.date(), revokedAt: z.date().nullable().optional() }),
});
/** A key as stored (never the key itself, only its hash is). */
export type ApiKeyRecord = z.infer<typeof KEY_ROW>['key'];
/** auth/api-key-by-hash: the unrevoked key's id and role. */
const CALLER_ROW = z.object({ id: z.string(), role });
/** The row of auth/count-admin-keys. */
const ADMINS_ROW = z.object({ admins: z.number() });

const ENV_ADMIN: Caller = { keyId: 'env-admin', role: 'ADMIN' };

/**
 * Keys live hashed in Neo4j. A verified key is cached briefly so requests do not pay a round
 * trip each; a revocation here clears the cache at once, and reaches other API processes
 * within `verifiedForMs` (API_KEY_CACHE_MS).
 */
export class ApiKeyService {
  private readonly verified = new Map<string, { caller: Caller | null; until: number }>();

  constructor(
    private readonly graph: GraphExecutor,
    /** SCAMGRAPH_ADMIN_KEY: an admin key that lives in the environment, never in the graph. */
    private readonly environmentAdminKey: string | undefined,
    /** API_KEY_CACHE_MS: how long a verified key (or a refused one) is trusted without asking Neo4j again. */
    private readonly verifiedForMs: number,
  ) {}

  async verify(key: string): Promise<Caller | null> {
    if (this.environmentAdminKey && sameKey(key, this.environmentAdminKey)) return ENV_ADMIN;
    const hash = hashApiKey(key);
    const cached = this.verified.get(hash);
    if (cached && cached.until > Date.now()) return cached.caller;
    const [row] = await this.graph.readAs('auth/api-key-by-hash', CALLER_ROW, { hash });
    const caller = row ? { keyId: row.id, role: row.role } : null;
    this.verified.set(hash, { caller, until: Date.now() + this.verifiedForMs });
    return caller;
  }

  /** The new key is in the answer and nowhere else: it cannot be shown again. */
  async create(name: string, role: Role): Promise<ApiKeyRecord & { key: string }> {
    const { id, key, hash } = generateApiKey();
    const [row] = await this.graph.writeAs('auth/create-api-key', KEY_ROW, { id, hash, name, role });
    if (!row) throw new Error('auth/create-api-key wrote no key');
    return { ...row.key, key };
  }

  async revoke(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.graph.writeAs('auth/revoke-api-key', KEY_ROW, { id });
    this.verified.clear();
    return row?.key ?? null;
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.graph.readAs('auth/list-api-keys', KEY_ROW)).map((row) => row.key);
  }

  /**
   * Auth is never silently off: with no SCAMGRAPH_ADMIN_KEY and no admin key in the graph,
   * the first start creates one and returns it, for the caller to print once.
   */
  async firstAdminKey(): Promise<string | null> {
    if (this.environmentAdminKey) return null;
    const [row] = await this.graph.readAs('auth/count-admin-keys', ADMINS_ROW);
    if ((row?.admins ?? 0) > 0) return null;
    return (await this.create('first admin', 'ADMIN')).key;
  }
}
