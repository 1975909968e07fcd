import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  extendSchema,
  isObjectType,
  parse,
  print,
  type DefinitionNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { projectRoot } from '../config/project-root.js';
import { notBuilt } from './errors.js';

export const CONTRACT_PATH = join(projectRoot(), 'schema', 'contract.graphql');

export function loadContract(): GraphQLSchema {
  return buildSchema(readFileSync(CONTRACT_PATH, 'utf8'));
}

/**
 * Coordinates ("Type" or "Type.field") of the contract that `built` lacks.
 * test/graphql/contract.test.ts pins this list; each issue that builds a part shrinks it.
 */
export function contractGaps(built: GraphQLSchema): string[] {
  const gaps: string[] = [];
  for (const definition of contractObjectTypes()) {
    const type = built.getType(definition.name.value);
    if (!type) gaps.push(definition.name.value);
    else if (isObjectType(type)) {
      for (const field of definition.fields ?? []) {
        if (!type.getFields()[field.name.value]) gaps.push(`${definition.name.value}.${field.name.value}`);
      }
    }
  }
  return gaps;
}

/**
 * The served schema always holds the whole contract: what `built` lacks is added from the
 * contract's own definitions, and answers NOT_IMPLEMENTED.
 */
export function completeWithContract(built: GraphQLSchema): GraphQLSchema {
  const document = parse(readFileSync(CONTRACT_PATH, 'utf8'));
  const extensions: string[] = [];
  for (const definition of document.definitions) {
    const name = 'name' in definition && definition.name ? definition.name.value : undefined;
    if (!name || definition.kind === 'ScalarTypeDefinition') continue;
    const existing = built.getType(name);
    if (!existing) extensions.push(print(definition));
    else if (isObjectType(existing) && definition.kind === 'ObjectTypeDefinition') {
      const missing = (definition.fields ?? []).filter((field) => !existing.getFields()[field.name.value]);
      if (missing.length > 0) extensions.push(`extend type ${name} {\n${missing.map((field) => print(field)).join('\n')}\n}`);
    }
  }
  if (extensions.length === 0) return built;
  const complete = extendSchema(built, parse(extensions.join('\n\n')));
  for (const coordinate of contractGaps(built)) {
    const [typeName, fieldName] = coordinate.split('.');
    const type = complete.getType(typeName as string);
    if (!isObjectType(type)) continue;
    const fields = fieldName ? [type.getFields()[fieldName]] : Object.values(type.getFields());
    for (const field of fields) {
      if (field) field.resolve = () => Promise.reject(notBuilt(`${type.name}.${field.name}`));
    }
  }
  return complete;
}

function contractObjectTypes(): ObjectTypeDefinitionNode[] {
  const document = parse(readFileSync(CONTRACT_PATH, 'utf8'));
  return document.definitions.filter(
    (definition: DefinitionNode): definition is ObjectTypeDefinitionNode => definition.kind === 'ObjectTypeDefinition',
  );
}
