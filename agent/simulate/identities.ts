// Where a simulation keeps its virtual targets, so a second run polls with the same identities instead of
// enlisting again: the master they enlisted into (master.json) and one file per target (targets/NAME.json),
// private keys readable by the owner only.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ENCRYPT_MODES } from '../trust'

const masterRecord = z.object({
  masterUrl: z.string(),
  masterName: z.string(),
  encrypt: z.enum(ENCRYPT_MODES),
  /** the master's CA: pinned in strict mode */
  caPem: z.string(),
})
export type MasterRecord = z.infer<typeof masterRecord>

const virtualIdentity = z.object({
  name: z.string(),
  keyPem: z.string(),
  certPem: z.string(),
  pollIntervalSeconds: z.number().int(),
})
export type VirtualIdentity = z.infer<typeof virtualIdentity>

function readJson<T extends z.ZodType>(file: string, schema: T): z.infer<T> | null {
  if (!fs.existsSync(file)) return null
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  return parsed.success ? parsed.data : null
}

/** Written to a temporary file first, so an interrupted run never leaves half an identity. */
function writeJson(file: string, value: unknown) {
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, JSON.stringify(value), { mode: 0o600 })
  fs.renameSync(temporary, file)
}

export class IdentityStore {
  private readonly targetsDir: string

  constructor(readonly dataDir: string) {
    this.targetsDir = path.join(dataDir, 'targets')
    fs.mkdirSync(this.targetsDir, { recursive: true, mode: 0o700 })
  }

  master(): MasterRecord | null {
    return readJson(path.join(this.dataDir, 'master.json'), masterRecord)
  }

  saveMaster(record: MasterRecord) {
    writeJson(path.join(this.dataDir, 'master.json'), record)
  }

  load(name: string): VirtualIdentity | null {
    return readJson(this.fileOf(name), virtualIdentity)
  }

  save(identity: VirtualIdentity) {
    writeJson(this.fileOf(identity.name), identity)
  }

  /** A target that defected enlists again, with a new key, on a later run. */
  remove(name: string) {
    fs.rmSync(this.fileOf(name), { force: true })
  }

  /** Every stored identity, in name order. */
  all(): VirtualIdentity[] {
    return fs
      .readdirSync(this.targetsDir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => readJson(path.join(this.targetsDir, file), virtualIdentity))
      .filter((identity) => identity !== null)
  }

  private fileOf(name: string) {
    return path.join(this.targetsDir, `${name}.json`)
  }
}
