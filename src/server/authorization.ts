import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import { refusal } from '../graphql/errors.js';
import { allowedRoles } from '../auth/roles.js';
import type { RequestContext } from '../graphql/context.js';

/** The root fields an operation selects, through fragments; introspection fields need no role. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__') ? [] : [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFields(fragment.selectionSet, document) : [];
  });
}

/** Refuses, before any resolver runs, an operation with a root field the caller's role does not grant. */
export function authorization(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!operation) {
            throw refusal('BAD_USER_INPUT', 'no operation to run: send one operation, or name it in operationName');
          }
          if (operation.operation === 'subscription') {
            throw refusal('BAD_USER_INPUT', 'subscriptions are not served');
          }
          const { operation: kind, selectionSet } = operation;
          const refused = rootFields(selectionSet, document).filter(
            (field) => !allowedRoles(kind, field).includes(contextValue.caller.role),
          );
          if (refused.length > 0) {
            throw refusal('FORBIDDEN', `a ${contextValue.caller.role} key may not call ${refused.join(', ')}`);
          }
        },
      };
    },
  };
}
