import { Field, Int, ObjectType } from 'type-graphql';

/** Properties every indicator node keeps, right after every write. */
export interface IndicatorCounts {
  reportCount: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
}

@ObjectType()
export class PhoneNumber implements IndicatorCounts {
  @Field(() => String)
  e164!: string;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => String, { nullable: true })
  numberType!: string | null;

  @Field(() => Date, { nullable: true })
  firstSeen!: Date | null;

  @Field(() => Date, { nullable: true })
  lastSeen!: Date | null;

  @Field(() => Int, { description: 'Brands impersonated in reports giving this number as a callback number.' })
  brandCount!: number;

  reportCount!: number;
  callbackCount!: number;
  callerIdCount!: number;
  senderIdCount!: number;
}

@ObjectType()
export class Domain implements IndicatorCounts {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  reportCount!: number;

  @Field(() => Boolean, { description: 'A link shortener: its links hide their destination.' })
  isShortener!: boolean;

  @Field(() => Boolean, { description: 'A big platform (hosting, social, messaging) that many unrelated people use.' })
  isPlatform!: boolean;

  @Field(() => Boolean, { description: 'A free mail provider.' })
  isFreeMail!: boolean;

  @Field(() => Date, { nullable: true })
  firstSeen!: Date | null;

  @Field(() => Date, { nullable: true })
  lastSeen!: Date | null;
}

@ObjectType()
export class CryptoWallet {
  @Field(() => String)
  chain!: string;

  @Field(() => String)
  address!: string;

  @Field(() => Int)
  reportCount!: number;
}

@ObjectType()
export class BankAccount {
  @Field(() => String)
  scheme!: string;

  @Field(() => String)
  identifier!: string;

  @Field(() => Int)
  reportCount!: number;
}
