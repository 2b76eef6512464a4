import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateDeploy } from '../../lib/db/migrate'

/** Migrates one SQLite template file; each test file copies it. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msx-sqlite-template-'))
  const url = `file:${path.join(dir, 'template.db')}`
  await migrateDeploy(url)
  project.provide('testDbProvider', 'sqlite')
  project.provide('testDbTemplateUrl', url)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
