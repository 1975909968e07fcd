import type { ApolloServerPlugin } from '@apollo/server';
import { refusal } from '../graphql/errors.js';

/**
 * At most `max` operations of one key run at once in this process; the next is refused with
 * TOO_MANY_IN_FLIGHT (429) before any resolver runs, so one key flooding from many connections
 * holds at most `max` of the database's connections and the event loop's turns.
 */
export function inFlightLimit<Context extends { readonly caller: { readonly keyId: string } }>(max: number): ApolloServerPlugin<Context> {
  const running = new Map<string, number>();
  const release = (keyId: string) => {
    const left = (running.get(keyId) ?? 1) - 1;
    if (left > 0) running.set(keyId, left);
    else running.delete(keyId);
  };
  return {
    async requestDidStart({ contextValue }) {
      const { keyId } = contextValue.caller;
      const count = (running.get(keyId) ?? 0) + 1;
      running.set(keyId, count);
      let released = false;
      return {
        async didResolveOperation() {
          if (count > max) {
            throw refusal('TOO_MANY_IN_FLIGHT', `this key already has ${max} requests running; send the next when one answers`);
          }
        },
        // Called once for every request that started, whatever its outcome.
        async willSendResponse() {
          if (!released) release(keyId);
          released = true;
        },
      };
    },
  };
}
