// The msx command's entry: the modules marked server-only (msx user works on the database) load once the hook is in.
import '../lib/node-hooks/server-only.mjs'

await import('./program')
