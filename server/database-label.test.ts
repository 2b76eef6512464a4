import { describe, expect, test } from 'vitest'
import { databaseLabel } from './database-label'
import { StartupError } from './startup-error'

describe('databaseLabel', () => {
  test('names the SQLite file', () => {
    expect(databaseLabel('file:/srv/msx/msx.db')).toBe('SQLite /srv/msx/msx.db')
  })

  test('never shows a PostgreSQL password', () => {
    const label = databaseLabel('postgresql://msx:s3cret@db.example:5432/msx?sslmode=require&sslpassword=k3y')
    expect(label).toBe('PostgreSQL postgresql://msx:*****@db.example:5432/msx?sslmode=require&sslpassword=*****')
    expect(label).not.toMatch(/s3cret|k3y/)
  })

  test('refuses a database it cannot use, saying which ones it can', () => {
    expect(() => databaseLabel('mysql://root@localhost/msx')).toThrow(StartupError)
    expect(() => databaseLabel('mysql://root@localhost/msx')).toThrow(/file:PATH .* postgresql:\/\//)
  })
})
