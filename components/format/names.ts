/** Names as a sentence says them: "BLUE01", "BLUE01 and BLUE02", "A, B, C and 4 more". */
export function sayNames(names: readonly string[], shown = 5): string {
  if (names.length <= 1) return names[0] ?? ''
  if (names.length > shown) return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
