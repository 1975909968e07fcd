import { registerEnumType } from 'type-graphql';
import { CHANNELS, PHONE_ROLES, SCAM_TYPES } from '../reports/vocabulary.js';

const enumObject = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ChannelEnum = enumObject(CHANNELS);
export const ScamTypeEnum = enumObject(SCAM_TYPES);
export const PhoneRoleEnum = enumObject(PHONE_ROLES);

registerEnumType(ChannelEnum, { name: 'Channel' });
registerEnumType(ScamTypeEnum, { name: 'ScamType' });
registerEnumType(PhoneRoleEnum, { name: 'PhoneRole' });
