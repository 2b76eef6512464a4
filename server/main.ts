// The master process's entry: tsx server/main.ts [--dev] (npm start builds first and runs this in production mode).
// The modules marked server-only load once the hook is in place, so the master itself is imported after it.
import '../lib/node-hooks/server-only.mjs'

await import('./master')
