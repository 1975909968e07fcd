import { Field, Int, ObjectType } from 'type-graphql';
import { Report } from './report.type.js';

@ObjectType()
export class InputError {
  @Field(() => String)
  field!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class SubmitResult {
  @Field(() => Int, { description: 'Position of the item in the submitted list.' })
  index!: number;

  @Field(() => Report, { nullable: true })
  report!: Report | null;

  @Field(() => Boolean, { description: 'True when this externalId was already stored: nothing was written twice.' })
  duplicate!: boolean;

  @Field(() => [InputError])
  errors!: InputError[];
}
