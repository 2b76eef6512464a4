// A value as one word of a POSIX shell command line, for the commands the product prints for someone to run.

/** Plain names and paths stay as typed; anything else is single-quoted. */
export function shellWord(value: string): string {
  return /^[\w.:/@+-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}
