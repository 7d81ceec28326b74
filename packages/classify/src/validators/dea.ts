/**
 * DEA registration number: two letters (registrant type, then the registrant's last-name
 * initial or 9) and seven digits whose last is (d1+d3+d5 + 2(d2+d4+d6)) mod 10.
 */
export function isValidDea(value: string): boolean {
  const upper = value.toUpperCase();
  if (!/^[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}$/.test(upper)) return false;
  const d = (index: number) => upper.charCodeAt(2 + index) - 48;
  const sum = d(0) + d(2) + d(4) + 2 * (d(1) + d(3) + d(5));
  return sum % 10 === d(6);
}
