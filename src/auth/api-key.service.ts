import type { GraphExecutor } from '../graph/executor.js';
import { generateApiKey, hashApiKey, sameKey } from './api-key.js';
import type { Role } from './roles.js';

export interface Caller {
  readonly keyId: string;
  readonly role: Role;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly revokedAt?: Date | null;
}

/** How long a verified key is trusted without asking the database again. */
const VERIFIED_TTL_MS = 30_000;
const ENV_ADMIN: Caller = { keyId: 'env-admin', role: 'ADMIN' };

/**
 * Keys live hashed in Neo4j. A verified key is cached briefly so requests do not pay a round
 * trip each; a revocation here clears the cache at once, and reaches other API processes
 * within VERIFIED_TTL_MS.
 */
export class ApiKeyService {
  private readonly verified = new Map<string, { caller: Caller | null; until: number }>();

  constructor(
    private readonly graph: GraphExecutor,
    /** SCAMGRAPH_ADMIN_KEY: an admin key that lives in the environment, never in the graph. */
    private readonly environmentAdminKey: string | undefined,
  ) {}

  async verify(key: string): Promise<Caller | null> {
    if (this.environmentAdminKey && sameKey(key, this.environmentAdminKey)) return ENV_ADMIN;
    const hash = hashApiKey(key);
    const cached = this.verified.get(hash);
    if (cached && cached.until > Date.now()) return cached.caller;
    const [row] = await this.graph.read('auth/api-key-by-hash', { hash });
    const caller = row ? { keyId: row['id'] as string, role: row['role'] as Role } : null;
    this.verified.set(hash, { caller, until: Date.now() + VERIFIED_TTL_MS });
    return caller;
  }

  /** The new key is in the answer and nowhere else: it cannot be shown again. */
  async create(name: string, role: Role): Promise<ApiKeyRecord & { key: string }> {
    const { id, key, hash } = generateApiKey();
    const [row] = await this.graph.write('auth/create-api-key', { id, hash, name, role });
    return { ...(row?.['key'] as ApiKeyRecord), key };
  }

  async revoke(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.graph.write('auth/revoke-api-key', { id });
    this.verified.clear();
    return (row?.['key'] as ApiKeyRecord | undefined) ?? null;
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.graph.read('auth/list-api-keys')).map((row) => row['key'] as ApiKeyRecord);
  }

  /**
   * Auth is never silently off: with no SCAMGRAPH_ADMIN_KEY and no admin key in the graph,
   * the first start creates one and returns it, for the caller to print once.
   */
  async firstAdminKey(): Promise<string | null> {
    if (this.environmentAdminKey) return null;
    const [row] = await this.graph.read('auth/count-admin-keys');
    if (((row?.['admins'] as number | undefined) ?? 0) > 0) return null;
    return (await this.create('first admin', 'ADMIN')).key;
  }
}
