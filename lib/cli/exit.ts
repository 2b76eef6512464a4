/**
 * Exits once everything written so far has reached stdout and stderr: process.exit right after a large write
 * to a pipe would cut the output off (`msx targets --json | jq` with hundreds of targets).
 */
export function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}
