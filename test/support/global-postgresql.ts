import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { migrateDeploy } from '../../lib/db/migrate'
import { startPgCluster } from './pg-cluster'

/** Starts a throwaway PostgreSQL cluster with a migrated template database; each test file clones it. */
export default async function setup(project: TestProject) {
  const cluster = await startPgCluster()
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  await client.query('CREATE DATABASE msx_template')
  await client.end()
  const templateUrl = cluster.url.replace(/\/postgres$/, '/msx_template')
  await migrateDeploy(templateUrl)
  project.provide('testDbProvider', 'postgresql')
  project.provide('testDbTemplateUrl', templateUrl)
  return () => cluster.stop()
}
