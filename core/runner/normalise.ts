/** Text as the bot compares it: lower case, «ё» as «е», words only (no punctuation or emoji). */
export function normalise(value: string): string {
  return value
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
