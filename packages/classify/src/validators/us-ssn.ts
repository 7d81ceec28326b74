/**
 * US Social Security Number rules: area not 000, 666 or 900-999; group not 00; serial not 0000.
 * Also rejects the well-known advertising number 078-05-1120 and all-same-digit values.
 */
export function isValidSsn(digits: string): boolean {
  if (digits.length !== 9 || !/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  if (digits === '078051120' || digits === '219099999') return false;
  if (/^(\d)\1{8}$/.test(digits)) return false;
  return true;
}

/**
 * US Individual Taxpayer Identification Number: area 9xx and group 50-65, 70-88, 90-92 or 94-99.
 */
export function isValidItin(digits: string): boolean {
  if (digits.length !== 9 || digits[0] !== '9' || !/^\d{9}$/.test(digits)) return false;
  const group = Number(digits.slice(3, 5));
  if (Number(digits.slice(5)) === 0) return false;
  return (
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    (group >= 94 && group <= 99)
  );
}
