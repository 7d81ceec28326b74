/** Boundary characters the scan records, and those it joins digit groups with. */
export const AT_SIGN = 1;
export const MONEY = 2;
/** space, '-', '.', '/', '(', ')', and the dashes NFKC leaves alone */
export const SEPARATOR = 4;

function buildBoundaryKinds(): Uint8Array {
  const table = new Uint8Array(65536);
  table[64] = AT_SIGN;
  for (const code of [36, 37, 0x20ac, 0xa3, 0xa5]) table[code] = MONEY;
  for (const code of [32, 45, 46, 47, 40, 41, 0x2010, 0x2011, 0x2012, 0x2013]) table[code] = SEPARATOR;
  return table;
}

/** `AT_SIGN`, `MONEY` or `SEPARATOR` per code unit, else 0. */
export const BOUNDARY_KIND: Uint8Array = buildBoundaryKinds();
