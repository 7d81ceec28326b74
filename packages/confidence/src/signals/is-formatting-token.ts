/**
 * True for a token that carries no content: only whitespace, punctuation or Markdown formatting, or a
 * special token such as `<eos>`, `</s>` or `<|eot_id|>`. Letters, digits and any non-ASCII character
 * count as content. One pass over the token's characters, no allocation.
 */
export function isFormattingToken(token: string): boolean {
  const length = token.length;
  if (length === 0) return true;
  if (
    length >= 3 &&
    token.charCodeAt(0) === 60 /* < */ &&
    token.charCodeAt(length - 1) === 62 /* > */ &&
    isSpecialToken(token)
  ) {
    return true;
  }
  for (let index = 0; index < length; index++) {
    const code = token.charCodeAt(index);
    if (code >= 48 && code <= 57) return false; // 0-9
    if (code >= 65 && code <= 90) return false; // A-Z
    if (code >= 97 && code <= 122) return false; // a-z
    if (code > 127) return false;
  }
  return true;
}

/** `<eos>`, `</s>`, `<|eot_id|>`, `<end_of_turn>`: angle brackets around one name with no spaces. */
function isSpecialToken(token: string): boolean {
  if (token.length > 32) return false;
  for (let index = 1; index < token.length - 1; index++) {
    const code = token.charCodeAt(index);
    if (code === 32 || code === 60 || code === 62 || code === 10 || code === 9) return false;
  }
  return true;
}
