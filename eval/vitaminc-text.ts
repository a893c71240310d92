// VitaminC text is tokenised as released: "$ 95 million", "-LRB-", "`` quoted ''", spaces before commas.
// Undo the tokenisation so the engine reads ordinary prose.
export function normalizeVitaminC(text: string): string {
  return text
    .replace(/-LRB-/g, '(')
    .replace(/-RRB-/g, ')')
    .replace(/-LSB-/g, '[')
    .replace(/-RSB-/g, ']')
    .replace(/``\s*/g, '"')
    .replace(/\s*''/g, '"')
    .replace(/ï¿½/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/([$£€])\s+(?=\d)/g, '$1')
    .replace(/(\d)\s+%/g, '$1%')
    .replace(/\s+([,.;:!?])(?=\s|$)/g, '$1')
    .replace(/\s+(['’](?:s|re|ve|ll|d|m)\b|n't\b)/g, '$1')
    .replace(/^\s*[,.]\s*/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
