/**
 * ABA routing transit number: 9 digits, a Federal Reserve prefix (00-12, 21-32, 61-72, 80) and the
 * 3-7-1 weighted checksum.
 */
export function isValidAbaRouting(digits: string): boolean {
  if (digits.length !== 9 || !/^\d{9}$/.test(digits)) return false;
  const prefix = Number(digits.slice(0, 2));
  const prefixOk =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!prefixOk) return false;
  const d = (index: number) => digits.charCodeAt(index) - 48;
  const sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
  return sum % 10 === 0 && sum !== 0;
}
