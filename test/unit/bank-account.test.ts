import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidAbn } from '../../src/ingest/normalise/abn.js';
import { normaliseBankAccount, type BankAccountInput } from '../../src/ingest/normalise/bank-account.js';

const identifierOf = (input: BankAccountInput) => {
  const result = normaliseBankAccount(input);
  return result.ok ? `${result.value.scheme} ${result.value.identifier}` : result.code;
};

const VALID_IBANS = [
  'GB82WEST12345698765432',
  'DE89370400440532013000',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'AE070331234567890123456',
];

describe('normaliseBankAccount', () => {
  it('writes BSB and account number as "062-000 12345678"', () => {
    for (const bsb of ['062000', '062-000', '062 000', ' 062.000 ']) {
      expect(identifierOf({ bsb, accountNumber: '1234 5678' }), bsb).toBe('AU_BSB 062-000 12345678');
    }
    expect(identifierOf({ bsb: '062-000', accountNumber: '00012345' })).toBe('AU_BSB 062-000 00012345');
  });

  it('rejects malformed BSBs and account numbers, and half a pair', () => {
    for (const input of [
      { bsb: '06200', accountNumber: '12345678' },
      { bsb: '062-0001', accountNumber: '12345678' },
      { bsb: '062-000', accountNumber: '123' },
      { bsb: '062-000', accountNumber: '12345678901' },
      { bsb: '062-000', accountNumber: '1234567A' },
      { bsb: '062-000' },
      { accountNumber: '12345678' },
    ]) {
      expect(identifierOf(input), JSON.stringify(input)).toBe('INVALID_BANK_ACCOUNT');
    }
  });

  it('writes an IBAN upper case without spaces', () => {
    expect(identifierOf({ iban: 'gb82 west 1234 5698 7654 32' })).toBe('IBAN GB82WEST12345698765432');
    expect(identifierOf({ iban: 'IBAN: DE89-3704-0044-0532-0130-00' })).toBe('IBAN DE89370400440532013000');
  });

  it('rejects IBANs with a wrong check, length or country', () => {
    for (const iban of ['GB82WEST12345698765433', 'GB82WEST1234569876543', 'XX82WEST12345698765432', 'DE8937040044053201300']) {
      expect(identifierOf({ iban }), iban).toBe('INVALID_BANK_ACCOUNT');
    }
  });

  it('rejects any IBAN with one digit changed', () => {
    const corrupted = fc
      .record({ iban: fc.constantFrom(...VALID_IBANS), position: fc.nat(), delta: fc.integer({ min: 1, max: 9 }) })
      .map(({ iban, position, delta }) => {
        const digits = [...iban].flatMap((char, i) => (i >= 2 && /\d/.test(char) ? [i] : []));
        const at = digits[position % digits.length] ?? 2;
        const changed = (Number(iban[at]) + delta) % 10;
        return iban.slice(0, at) + String(changed) + iban.slice(at + 1);
      });
    fc.assert(
      fc.property(corrupted, (iban) => {
        expect(identifierOf({ iban })).toBe('INVALID_BANK_ACCOUNT');
      }),
    );
  });

  it('reads PayIDs: email, AU mobile and ABN', () => {
    expect(identifierOf({ payId: 'Refunds@Example.com' })).toBe('PAYID email:refunds@example.com');
    expect(identifierOf({ payId: 'refunds[@]example[.]com' })).toBe('PAYID email:refunds@example.com');
    expect(identifierOf({ payId: '0412 345 678' })).toBe('PAYID phone:+61412345678');
    expect(identifierOf({ payId: '+61 412 345 678' })).toBe('PAYID phone:+61412345678');
    expect(identifierOf({ payId: '51 824 753 556' })).toBe('PAYID abn:51824753556');
  });

  it('rejects PayIDs that are none of those', () => {
    for (const payId of ['51 824 753 557', '(02) 9999 1234', '+44 7700 900123', 'refunds@', 'hello']) {
      expect(identifierOf({ payId }), payId).toBe('INVALID_BANK_ACCOUNT');
    }
  });

  it('takes exactly one form', () => {
    expect(identifierOf({})).toBe('INVALID_BANK_ACCOUNT');
    expect(identifierOf({ iban: VALID_IBANS[0] ?? '', payId: '0412 345 678' })).toBe('INVALID_BANK_ACCOUNT');
    expect(identifierOf({ bsb: '062-000', accountNumber: '12345678', iban: '  ', payId: null })).toBe('AU_BSB 062-000 12345678');
  });

  it('is idempotent', () => {
    const inputs = fc.oneof(
      fc.record({ bsb: fc.stringMatching(/^\d{3}-?\d{3}$/), accountNumber: fc.stringMatching(/^\d{4,10}$/) }),
      fc.constantFrom(...VALID_IBANS).map((iban) => ({ iban: iban.toLowerCase() })),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        const once = normaliseBankAccount(input);
        if (!once.ok) throw new Error(once.message);
        const [bsb = '', accountNumber = ''] = once.value.identifier.split(' ');
        const again = once.value.scheme === 'IBAN' ? { iban: once.value.identifier } : { bsb, accountNumber };
        expect(normaliseBankAccount(again)).toEqual(once);
      }),
    );
  });
});

describe('isValidAbn', () => {
  it('checks the ATO check digits', () => {
    expect(isValidAbn('51824753556')).toBe(true);
    expect(isValidAbn('51824753557')).toBe(false);
    expect(isValidAbn('5182475355')).toBe(false);
  });
});
