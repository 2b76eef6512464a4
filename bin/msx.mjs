#!/usr/bin/env node
// The master's command line: runs cli/msx.ts through tsx's loader.
import { register } from 'tsx/esm/api'

register()
await import('../cli/msx.ts')
