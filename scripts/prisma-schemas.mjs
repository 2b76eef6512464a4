// Writes one Prisma schema per provider from prisma/models.prisma, so both stay the same model.
// usage: node scripts/prisma-schemas.mjs [--check]   (--check exits 1 when a written schema is stale)
import fs from 'node:fs'
import path from 'node:path'

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname))
const models = fs.readFileSync(path.join(root, 'prisma', 'models.prisma'), 'utf8')
const check = process.argv.includes('--check')
let stale = false

for (const provider of ['sqlite', 'postgresql']) {
  const header = `// Written by \`npm run db:schema\` from prisma/models.prisma: edit that file, not this one.

generator client {
  provider     = "prisma-client"
  output       = "../../generated/${provider}"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
}

`
  const file = path.join(root, 'prisma', provider, 'schema.prisma')
  const content = header + models
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  if (current === content) continue
  if (check) {
    console.error(`${path.relative(root, file)} is stale: run npm run db:schema`)
    stale = true
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, content)
    console.log('wrote', path.relative(root, file))
  }
}
process.exit(stale ? 1 : 0)
