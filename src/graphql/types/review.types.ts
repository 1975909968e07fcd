import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { Channel } from '../../reports/vocabulary.js';
import type { Verdict } from '../../scoring/verdict.js';
import { ChannelEnum } from '../enums.js';
import { Reason, VerdictEnum } from './check.types.js';

@InputType({ description: 'What a person received: the text, files uploaded with POST /attachments, or both.' })
export class ReviewInput {
  @Field(() => String, { nullable: true, description: 'The message as text (at most 50,000 characters).' })
  text?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Ids (SHA-256) of uploaded attachments: screenshots, emails, PDFs, transcripts; at most 10.',
  })
  attachmentIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 region for numbers written in national format; AU when absent.' })
  defaultRegion?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The brand the message claims to come from; else the first registered brand it names.',
  })
  claimedBrand?: string | null;

  @Field(() => ChannelEnum, {
    nullable: true,
    description: 'submitReview only: the report channel; from the attachments when absent (email EMAIL, PDF INVOICE, else SMS).',
  })
  channel?: Channel | null;
}

@ObjectType({ description: 'Where an indicator was read.' })
export class IndicatorOrigin {
  @Field(() => String, { description: 'TEXT, OCR, PDF_TEXT, EMAIL_BODY, EMAIL_SUBJECT, EMAIL_HTML, EMAIL_HEADER or TRANSCRIPT.' })
  via!: string;

  @Field(() => String, { nullable: true, description: 'The attachment it was read from; null for typed text.' })
  attachmentId!: string | null;

  @Field(() => String, { description: 'As written there (at most 64 characters).' })
  raw!: string;
}

@ObjectType()
export class IndicatorCheck {
  @Field(() => VerdictEnum)
  verdict!: Verdict;

  @Field(() => Int)
  score!: number;

  @Field(() => [Reason])
  reasons!: Reason[];
}

@ObjectType({ description: 'One indicator in the message, in the role it plays there.' })
export class ReviewedIndicator {
  @Field(() => String, { description: 'PHONE, URL, EMAIL, DOMAIN, WALLET or BANK_ACCOUNT.' })
  kind!: string;

  @Field(() => String, { description: 'Canonical: E.164, normalised URL, lower-case address, registrable domain, chain:address.' })
  value!: string;

  @Field(() => String, {
    description:
      'Asked of the reader (strong): CALLBACK_NUMBER, LINK, CONTACT_EMAIL, EMAIL_REPLY_TO, PAY_TO. Forgeable (weak): SENDER_ID, EMAIL_FROM, EMAIL_RETURN_PATH, RELAY_HOST.',
  })
  role!: string;

  @Field(() => [IndicatorOrigin])
  origins!: IndicatorOrigin[];

  @Field(() => IndicatorCheck, {
    nullable: true,
    description: "The graph's check of the number or domain; null for wallets and bank accounts.",
  })
  check!: IndicatorCheck | null;
}

@ObjectType()
export class Advice {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: "The claimed brand's official channels beside what the message asks for." })
export class ReviewBrand {
  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'E.164.' })
  officialNumbers!: string[];

  @Field(() => [String])
  officialDomains!: string[];

  @Field(() => String, { nullable: true })
  summary!: string | null;
}

@ObjectType({ description: 'An attachment by hash, type and size; never its bytes.' })
export class AttachmentInfo {
  @Field(() => String, { description: 'Its id: the SHA-256 of its bytes.' })
  sha256!: string;

  @Field(() => String, { description: 'IMAGE, EMAIL, PDF or TEXT, from its bytes.' })
  kind!: string;

  @Field(() => String)
  mime!: string;

  @Field(() => Int)
  size!: number;
}

@ObjectType({ description: 'Is this message a scam, and why?' })
export class MessageReview {
  @Field(() => VerdictEnum)
  verdict!: Verdict;

  @Field(() => Int, { description: '0 to 100: the riskiest channel it asks for, plus what the message gives away.' })
  score!: number;

  @Field(() => [Reason])
  reasons!: Reason[];

  @Field(() => [Advice], { description: 'The advice that fits what was found.' })
  advice!: Advice[];

  @Field(() => [ReviewedIndicator])
  indicators!: ReviewedIndicator[];

  @Field(() => ReviewBrand, { nullable: true })
  brand!: ReviewBrand | null;

  @Field(() => [AttachmentInfo])
  attachments!: AttachmentInfo[];

  @Field(() => String, { nullable: true, description: 'submitReview: the report written (or found again by externalId).' })
  reportId?: string | null;
}
