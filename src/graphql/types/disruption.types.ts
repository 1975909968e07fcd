import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DISRUPTION_STATUSES, type DisruptionStatus } from '../../disruption/transitions.js';
import type { Verdict } from '../../scoring/verdict.js';
import { VerdictEnum } from './check.types.js';
import { connectionTypes } from './connection.type.js';

export const DisruptionStatusEnum = Object.fromEntries(DISRUPTION_STATUSES.map((status) => [status, status])) as {
  [K in DisruptionStatus]: K;
};
registerEnumType(DisruptionStatusEnum, {
  name: 'DisruptionStatus',
  description:
    'NEW → UNDER_REVIEW → ESCALATED (to a telco, registrar or platform) → BLOCKED or TAKEN_DOWN; FALSE_POSITIVE; reopened to UNDER_REVIEW.',
});

@ObjectType({ description: 'One status change, as it was made.' })
export class DisruptionChange {
  @Field(() => DisruptionStatusEnum)
  from!: DisruptionStatus;

  @Field(() => DisruptionStatusEnum)
  to!: DisruptionStatus;

  @Field(() => String, { description: 'The id of the API key that made the change.' })
  actor!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'The party the case was with at this change.' })
  escalatedTo!: string | null;

  @Field(() => String, { nullable: true })
  reference!: string | null;
}

@ObjectType({ description: 'Where getting an indicator blocked or taken down stands, and every step so far.' })
export class Disruption {
  @Field(() => DisruptionStatusEnum)
  status!: DisruptionStatus;

  @Field(() => String, { nullable: true, description: 'The telco, registrar or platform it was escalated to.' })
  escalatedTo!: string | null;

  @Field(() => String, { nullable: true, description: "That party's reference for the case." })
  reference!: string | null;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => [DisruptionChange], { description: 'Oldest first.' })
  history!: readonly DisruptionChange[];
}

@ObjectType({ description: 'An indicator waiting to be escalated, with the check that ranks it.' })
export class EscalationCandidate {
  @Field(() => String, { description: 'phone, domain, url, email, wallet or bank_account.' })
  kind!: string;

  @Field(() => String, { description: 'As evidencePack and setDisruptionStatus take it back.' })
  value!: string;

  @Field(() => DisruptionStatusEnum)
  status!: DisruptionStatus;

  @Field(() => Int, {
    nullable: true,
    description: "The check's score (a URL or email by its domain); null for wallets and bank accounts.",
  })
  score!: number | null;

  @Field(() => VerdictEnum, { nullable: true })
  verdict!: Verdict | null;

  @Field(() => Int)
  reportCount!: number;
}

export const { ConnectionType: EscalationCandidateConnection } = connectionTypes(EscalationCandidate, 'EscalationCandidate');

@ObjectType({ description: 'How fast one party blocks what it is sent.' })
export class TimeToBlock {
  @Field(() => String, { description: 'The party the indicators were escalated to.' })
  escalatedTo!: string;

  @Field(() => Int, { description: 'Indicators it blocked.' })
  blocked!: number;

  @Field(() => Float, { description: 'Median hours from the first report of an indicator to its block.' })
  medianHours!: number;
}
