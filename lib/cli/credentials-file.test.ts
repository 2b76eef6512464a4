// The credentials file keeps a token per master address: the same master however its address is written, other
// masters' tokens kept on each sign-in and sign-out, readable by its owner only.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { forgetSignIn, readCredentials, storeSignIn } from './credentials-file'
import { masterUrlSchema } from './master-address'

const folders: string[] = []
const credentialsFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-credentials-'))
  folders.push(dir)
  return path.join(dir, 'msx', 'credentials.json')
}
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('a master address', () => {
  it('is the same master with a trailing slash, in capitals, or with the default port', () => {
    for (const written of ['http://db01:3000/', 'HTTP://DB01:3000', 'http://db01:3000//'])
      expect(masterUrlSchema.parse(written)).toBe('http://db01:3000')
    expect(masterUrlSchema.parse('https://db01:443/')).toBe('https://db01')
    expect(masterUrlSchema.parse('http://db01:3000')).not.toBe(masterUrlSchema.parse('https://db01:3000'))
  })
})

describe('signing in and out', () => {
  it('keeps the other masters’ tokens, and forgets only the one signed out of', () => {
    const file = credentialsFile()
    storeSignIn(file, 'http://a:3000', { token: 'msx_a', name: 'olga', role: 'operator' })
    storeSignIn(file, 'http://b:3000', { token: 'msx_b', name: 'olga', role: 'administrator' })
    expect(readCredentials(file)).toMatchObject({
      current: 'http://b:3000',
      masters: { 'http://a:3000': { token: 'msx_a' }, 'http://b:3000': { token: 'msx_b' } },
    })
    forgetSignIn(file, 'http://b:3000')
    expect(Object.keys(readCredentials(file).masters)).toEqual(['http://a:3000'])
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
  })

  it('reads a file from before as its master’s entry, and writes it per master at the next sign-in', () => {
    const file = credentialsFile()
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify({ master: 'http://a:3000/', token: 'msx_a', name: 'olga', role: 'operator' }))
    storeSignIn(file, 'http://b:3000', { token: 'msx_b' })
    expect(readCredentials(file).masters).toEqual({
      'http://a:3000': { token: 'msx_a', name: 'olga', role: 'operator' },
      'http://b:3000': { token: 'msx_b' },
    })
  })

  it('refuses a garbled file, naming it and what to do, and leaves it as it was', () => {
    const file = credentialsFile()
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, '{"version": 2, "masters": ')
    expect(() => storeSignIn(file, 'http://a:3000', { token: 'msx_a' })).toThrow(
      `${file} is not a valid msx credentials file (it is not JSON): delete it, then sign in again`,
    )
    expect(fs.readFileSync(file, 'utf8')).toBe('{"version": 2, "masters": ')
  })
})
