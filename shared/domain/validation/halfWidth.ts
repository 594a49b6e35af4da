/**
 * Full-width ASCII forms (Ａ–Ｚ, ０–９, ／, －, ％ …) and the ideographic space become their half-width forms, so that
 * text typed in a Chinese input method compares equal to the same text typed in ASCII.
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
