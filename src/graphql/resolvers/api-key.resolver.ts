import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Role } from '../../auth/roles.js';
import type { RequestContext } from '../context.js';
import { ScamgraphError } from '../errors.js';
import { ApiKey, NewApiKey, RoleEnum } from '../types/api-key.types.js';

@Resolver()
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: 'Every key, revoked ones too (ADMIN).' })
  async apiKeys(@Ctx() context: RequestContext): Promise<ApiKey[]> {
    return (await context.apiKeys.list()) as ApiKey[];
  }

  @Mutation(() => NewApiKey, { description: 'A new key for a role (ADMIN); the answer is the only place it appears.' })
  async createApiKey(
    @Arg('name', () => String) name: string,
    @Arg('role', () => RoleEnum) role: Role,
    @Ctx() context: RequestContext,
  ): Promise<NewApiKey> {
    const label = name.trim();
    if (label.length === 0 || label.length > 100 || !label.isWellFormed()) {
      throw new ScamgraphError('INVALID_VALUE', 'name must be 1 to 100 characters', { field: 'name' });
    }
    return (await context.apiKeys.create(label, role)) as NewApiKey;
  }

  @Mutation(() => ApiKey, {
    description: 'Revokes a key at once on this server, within API_KEY_CACHE_MS (30 s by default) on the others (ADMIN).',
  })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ApiKey> {
    const revoked = await context.apiKeys.revoke(id);
    if (!revoked) throw new ScamgraphError('NOT_FOUND', `no API key with id ${id}`);
    return revoked as ApiKey;
  }
}
