import { registerEnumType } from 'type-graphql';
import { CHANNELS, PHONE_ROLES, PHONE_VIAS, SCAM_TYPES } from '../reports/vocabulary.js';

const enumObject = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ChannelEnum = enumObject(CHANNELS);
export const ScamTypeEnum = enumObject(SCAM_TYPES);
export const PhoneRoleEnum = enumObject(PHONE_ROLES);

registerEnumType(ChannelEnum, { name: 'Channel' });
registerEnumType(ScamTypeEnum, { name: 'ScamType' });
registerEnumType(PhoneRoleEnum, { name: 'PhoneRole' });

/** Stored as written in the graph ("tel-link"); GraphQL enum values are upper snake case (TEL_LINK). */
export const PhoneViaEnum = Object.fromEntries(
  ['field', ...PHONE_VIAS].map((via) => [via.toUpperCase().replace(/-/g, '_'), via]),
) as Record<string, string>;

registerEnumType(PhoneViaEnum, {
  name: 'PhoneVia',
  description:
    'How a report gave a number: a field the reporter filled in, the message text, or a link in it that dials (TEL_LINK), texts (SMS_LINK) or opens a chat with it (WHATSAPP_LINK, VIBER_LINK, TELEGRAM_LINK).',
});
