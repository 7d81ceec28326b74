/**
 * GPT-2 byte-level BPE writes each byte as a printable character: printable Latin-1 bytes stand for
 * themselves, the others (control bytes, space, DEL, NBSP, soft hyphen) are shifted to U+0100–U+0143.
 */
function byteLevelTable(): Map<number, number> {
  const printable: number[] = [];
  for (let byte = 0x21; byte <= 0x7e; byte++) printable.push(byte);
  for (let byte = 0xa1; byte <= 0xac; byte++) printable.push(byte);
  for (let byte = 0xae; byte <= 0xff; byte++) printable.push(byte);
  const table = new Map<number, number>();
  for (const byte of printable) table.set(byte, byte);
  let shifted = 0;
  for (let byte = 0; byte < 256; byte++) {
    if (!table.has(byte)) table.set(0x100 + shifted++, byte);
  }
  return table;
}

const BYTE_LEVEL = byteLevelTable();
const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeByteLevel(piece: string): string | undefined {
  const bytes: number[] = [];
  for (const char of piece) {
    const byte = BYTE_LEVEL.get(char.codePointAt(0)!);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch {
    // Part of a multi-byte character: keep the piece as the server spelled it.
    return undefined;
  }
}

/**
 * Turns a raw vocabulary piece, as `mlx_lm.server` returns it (`convert_ids_to_tokens`), into the
 * text it stands for: SentencePiece `▁` is a space and `<0x0A>` a byte; byte-level BPE pieces
 * (`Ġ` space, `Ċ` newline, `Ã©` for `é`) are decoded from their byte alphabet. A piece that is
 * neither (or a fragment of a character) is returned as it came.
 *
 * @example
 * decodeVocabularyPiece('Ġworld'); // ' world'
 * decodeVocabularyPiece('▁world'); // ' world'
 */
export function decodeVocabularyPiece(piece: string): string {
  if (piece.length === 0) return piece;
  if (piece.includes('\u2581') || /<0x[0-9A-Fa-f]{2}>/.test(piece)) {
    return piece
      .replace(/\u2581/g, ' ')
      .replace(/<0x([0-9A-Fa-f]{2})>/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  // Only pieces that use the shifted range are certainly byte-level; plain text is left alone.
  if (!/[\u0100-\u0143]/.test(piece) && !/[\u00c2-\u00f4][\u0080-\u00bf]/.test(piece)) return piece;
  return decodeByteLevel(piece) ?? piece;
}
