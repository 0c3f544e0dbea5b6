import { DomainError, ErrorCode } from '../../subgraphs/kit/platform/errors';
import { formatSnils, isValidSnils, normalizeSnils, snilsChecksum, snilsFromSequence } from '../../subgraphs/kit/domain/snils';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
  return undefined;
};

describe('SNILS, the cross-agency person identifier', () => {
  test('the printed form and bare digits normalize to the same 11 digits', () => {
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
    expect(normalizeSnils('11223344595')).toBe('11223344595');
    expect(normalizeSnils(' 112 233 445 95 ')).toBe('11223344595');
  });

  test('a mistyped digit is caught by the checksum and reported as INVALID_SNILS', () => {
    expect(codeOf(() => normalizeSnils('112-233-445 96'))).toBe(ErrorCode.INVALID_SNILS);
    expect(codeOf(() => normalizeSnils('112-233-454 95'))).toBe(ErrorCode.INVALID_SNILS);
    expect(isValidSnils('112-233-445 96')).toBe(false);
    expect(isValidSnils('112-233-445 95')).toBe(true);
  });

  test('wrong length or stray characters are rejected with a clear message that does not echo the number', () => {
    expect(codeOf(() => normalizeSnils('1122334459'))).toBe(ErrorCode.INVALID_SNILS);
    expect(codeOf(() => normalizeSnils('112-233-445 9A'))).toBe(ErrorCode.INVALID_SNILS);
    expect(codeOf(() => normalizeSnils(''))).toBe(ErrorCode.INVALID_SNILS);
    try {
      normalizeSnils('112-233-445 96');
    } catch (e) {
      expect((e as Error).message).not.toContain('112');
      expect((e as Error).message).toMatch(/checksum/);
    }
  });

  test('checksum: a sum under 100 is the checksum itself', () => {
    // 1*9 + 1*8 + 2*7 + 2*6 + 3*5 + 3*4 + 4*3 + 4*2 + 5*1 = 95
    expect(snilsChecksum('112233445')).toBe(95);
  });

  test('checksum: sums of 100 and 101 give 00', () => {
    // 9*9 + 1*8 + 1*7 + 0*6… + 4*1 = 100
    expect(snilsChecksum('911000004')).toBe(0);
    expect(snilsChecksum('911000005')).toBe(0); // 101
    expect(isValidSnils('911-000-004 00')).toBe(true);
  });

  test('checksum: sums over 101 are taken modulo 101, and a remainder of 100 gives 00', () => {
    // 9*(9+8+7+6+5+4+3+2+1) = 405; 405 mod 101 = 1
    expect(snilsChecksum('999999999')).toBe(1);
    expect(isValidSnils('999-999-999 01')).toBe(true);
    // sum 201 → 201 mod 101 = 100 → 00: 9*9+9*8+6*7 = 195, +6*1 = 201
    expect(snilsChecksum('996000006')).toBe(0);
  });

  test('numbers up to 001-001-998 predate the checksum and are accepted with any check digits', () => {
    expect(isValidSnils('001-001-998 00')).toBe(true);
    expect(isValidSnils('000-000-001 42')).toBe(true);
    expect(isValidSnils('001-001-999 00')).toBe(false); // first number with a real checksum: 1*7+1*4+9*3+9*2+9*1 = 65
    expect(isValidSnils('001-001-999 65')).toBe(true);
  });

  test('formatting gives the certificate form XXX-XXX-XXX YY', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(codeOf(() => formatSnils('11223344596'))).toBe(ErrorCode.INVALID_SNILS);
  });

  test('synthetic SNILS from a sequence are deterministic, distinct and valid', () => {
    const generated = Array.from({ length: 500 }, (_, i) => snilsFromSequence(1_002_000 + i * 7919));
    expect(new Set(generated).size).toBe(500);
    for (const s of generated) {
      expect(s).toMatch(/^\d{11}$/);
      expect(isValidSnils(s)).toBe(true);
    }
    expect(snilsFromSequence(112233445)).toBe('11223344595');
    expect(snilsFromSequence(1_002_000)).toBe(snilsFromSequence(1_002_000));
  });

  test('the sequence refuses numbers without a checksum or beyond nine digits', () => {
    expect(codeOf(() => snilsFromSequence(1_001_998))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => snilsFromSequence(1_000_000_000))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => snilsFromSequence(1_002_000.5))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
