// Lets a plain Node process (the master, msx, test and bench scripts) load the modules marked `import 'server-only'`.
// The mark is for Next's bundler, which refuses such a module in a browser bundle; Node has no such condition of
// its own, so this resolves the marker as Next's server bundle does (its empty "react-server" export).
import { register } from 'node:module'

register('./server-only-resolve.mjs', import.meta.url)
