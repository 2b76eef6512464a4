#!/usr/bin/env node
// The target agent's command: runs agent/cli.ts through tsx's loader.
import { register } from 'tsx/esm/api'

register()
await import('../agent/cli.ts')
