// The identity cache on a fake clock and a real database: a certificate is looked up once, then answered from
// memory until the TTL, and forgotten at once when its target defects.
import { describe, expect, it } from 'vitest'
import { defectTarget } from '../../lib/msx/targets'
import { FakeClock } from '../../test/support/fake-clock'
import { enlist, testDatabase, uniqueName } from '../../test/support/fixtures'
import { IDENTITY_TTL_MS, IdentityCache } from './identity-cache'

const t = testDatabase()

let certificates = 0
async function enlistedWithCertificate() {
  certificates += 1
  const certFingerprint = `sha256:${String(certificates).padStart(64, 'c')}`
  const target = await enlist(t.ctx, uniqueName(), { certFingerprint })
  return { target, fingerprint: certFingerprint }
}

describe('the identity cache', () => {
  it('answers from memory until the TTL, then looks in the database again', async () => {
    const clock = new FakeClock()
    const cache = new IdentityCache(t.ctx.db, clock)
    const { target, fingerprint } = await enlistedWithCertificate()
    expect(cache.known(fingerprint)).toBeUndefined()
    expect(await cache.identify(fingerprint)).toMatchObject({ kind: 'target', target: { id: target.id } })

    await defectTarget(t.ctx, target.name, { force: true })
    await clock.advance(IDENTITY_TTL_MS - 1)
    expect(cache.known(fingerprint)).toMatchObject({ kind: 'target', target: { id: target.id } })
    expect(await cache.identify(fingerprint)).toMatchObject({ kind: 'target' })

    await clock.advance(1)
    expect(cache.known(fingerprint)).toBeUndefined()
    expect(await cache.identify(fingerprint)).toMatchObject({ kind: 'revoked', targetName: target.name })
    expect(cache.known(fingerprint)).toMatchObject({ kind: 'revoked' })
  })

  it('forgets the certificate of a target that defected before the TTL, and only that one', async () => {
    const cache = new IdentityCache(t.ctx.db, new FakeClock())
    const defecting = await enlistedWithCertificate()
    const staying = await enlistedWithCertificate()
    await cache.identify(defecting.fingerprint)
    await cache.identify(staying.fingerprint)

    await defectTarget(t.ctx, defecting.target.name, { force: true })
    cache.forgetTarget(defecting.target.id)
    expect(cache.known(defecting.fingerprint)).toBeUndefined()
    expect(await cache.identify(defecting.fingerprint)).toMatchObject({ kind: 'revoked' })
    expect(cache.known(staying.fingerprint)).toMatchObject({ kind: 'target', target: { id: staying.target.id } })
  })

  it('remembers a certificate nobody holds for the TTL too', async () => {
    const clock = new FakeClock()
    const cache = new IdentityCache(t.ctx.db, clock)
    const fingerprint = `sha256:${'e'.repeat(64)}`
    expect(await cache.identify(fingerprint)).toEqual({ kind: 'unknown' })
    expect(cache.known(fingerprint)).toEqual({ kind: 'unknown' })
    await clock.advance(IDENTITY_TTL_MS)
    expect(cache.known(fingerprint)).toBeUndefined()
  })
})
