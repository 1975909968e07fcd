import { Field, Int, ObjectType } from 'type-graphql';
import type { EvidencePack as Pack } from '../../evidence/evidence-pack.js';
import { InputError } from './submit.types.js';

@ObjectType({ description: 'Evidence for telco escalation or takedown; never holds reporter identity.' })
export class EvidencePack {
  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { description: 'SHA-256 of the canonical content: the same evidence gives the same digest.' })
  digest!: string;

  @Field(() => Int, { description: 'Reports in the pack: the newest 1000 when there are more (the JSON says how many).' })
  reportCount!: number;

  /** The pack itself; json, csv, stix and misp are rendered from it only when asked for. */
  pack!: Pack;
}

@ObjectType({
  description:
    'Where to download the pack as a file: GET with the same Bearer key, streamed as it is read. The way to take a big pack, or several.',
})
export class PackDownloads {
  @Field(() => String)
  json!: string;

  @Field(() => String)
  csv!: string;

  @Field(() => String)
  stix!: string;

  @Field(() => String)
  misp!: string;
}

export const toEvidencePack = (pack: Pack): EvidencePack => ({
  createdAt: pack.createdAt,
  digest: pack.digest,
  reportCount: pack.content.reports.length,
  pack,
});

@ObjectType()
export class ImportRejection {
  @Field(() => String, {
    description: "The item's id in the imported document: STIX object id, or MISP event uuid/attribute or object uuid.",
  })
  externalId!: string;

  @Field(() => [InputError])
  errors!: InputError[];
}

@ObjectType({ description: 'What an import wrote: running it again writes nothing twice.' })
export class ImportResult {
  @Field(() => Int, { description: 'Reports found in the document.' })
  reports!: number;

  @Field(() => Int)
  written!: number;

  @Field(() => Int, { description: 'Imported before, with the same source and id: written nothing.' })
  duplicates!: number;

  @Field(() => [ImportRejection])
  rejected!: ImportRejection[];
}
