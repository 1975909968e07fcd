import { describe, expect, it } from 'vitest';
import { fromNodeId, guessKind } from '../../explorer/src/indicator.js';

describe("the explorer's search box", () => {
  it.each([
    ['+61 412 345 678', 'phone'],
    ['0412 345 678', 'phone'],
    ['(02) 9293 9000', 'phone'],
    ['13 22 21', 'phone'],
    ['hxxps://commbank-secure[.]help/login', 'url'],
    ['https://example.com', 'url'],
    ['login.commbank-secure.help/verify?id=1', 'url'],
    ['commbank-secure.help', 'domain'],
    ['commbank-secure[.]help', 'domain'],
    ['support@commbank-secure.help', 'email'],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'wallet'],
    ['0x52908400098527886E0F7030069857D2E4169EE7', 'wallet'],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'wallet'],
    ['TRC20:TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL', 'wallet'],
    ['GB82 WEST 1234 5698 7654 32', 'bank_account'],
    ['AU_BSB:062-000 12345678', 'bank_account'],
  ])('takes %s as a %s', (typed, kind) => {
    expect(guessKind(typed)).toBe(kind);
  });

  it('reads kind and value back from a drawn node id, qualifiers kept in the value', () => {
    expect(fromNodeId('phone:+61412345678')).toEqual({ kind: 'phone', value: '+61412345678' });
    expect(fromNodeId('wallet:BTC:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toEqual({
      kind: 'wallet',
      value: 'BTC:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    });
    expect(fromNodeId('url:https://example.com/a')).toEqual({ kind: 'url', value: 'https://example.com/a' });
  });
});
