// The master's configuration: read from the environment once, validated here; nothing else reads process.env.
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(fallback)

const schema = z.object({
  MSX_DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z.string().min(1).optional(),
  MSX_HOST: z.string().min(1).default('127.0.0.1'),
  MSX_PORT: port('MSX_PORT', 3000),
  MSX_GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  MSX_GATEWAY_PORT: port('MSX_GATEWAY_PORT', 3443),
  MSX_GATEWAY_NAMES: z.string().default(''),
  MSX_GATEWAY_WORKERS: z.coerce
    .number({ error: 'MSX_GATEWAY_WORKERS must be a number of processes' })
    .int('MSX_GATEWAY_WORKERS must be a whole number of processes')
    .min(1, 'MSX_GATEWAY_WORKERS must be at least 1')
    .max(64, 'MSX_GATEWAY_WORKERS must be at most 64')
    .default(1),
  MSX_ROLES: z
    .string()
    .default('dashboard,gateway')
    .refine((roles) => roles.split(',').every((r) => ['dashboard', 'api', 'gateway'].includes(r.trim())), {
      message: 'MSX_ROLES is a comma-separated list of dashboard, api and gateway',
    }),
  MSX_AUDIT_RETENTION_DAYS: z.coerce
    .number({ error: 'MSX_AUDIT_RETENTION_DAYS must be a number of days' })
    .int('MSX_AUDIT_RETENTION_DAYS must be a whole number of days')
    .min(1, 'MSX_AUDIT_RETENTION_DAYS must be at least 1')
    .max(36_500, 'MSX_AUDIT_RETENTION_DAYS must be at most 36500')
    .default(365),
  MSX_JOB_HISTORY_DAYS: z.coerce
    .number({ error: 'MSX_JOB_HISTORY_DAYS must be a number of days' })
    .int('MSX_JOB_HISTORY_DAYS must be a whole number of days')
    .min(1, 'MSX_JOB_HISTORY_DAYS must be at least 1')
    .max(36_500, 'MSX_JOB_HISTORY_DAYS must be at most 36500')
    .default(30),
  MSX_NOTIFY_WINDOW_SECONDS: z.coerce
    .number({ error: 'MSX_NOTIFY_WINDOW_SECONDS must be a number of seconds' })
    .int('MSX_NOTIFY_WINDOW_SECONDS must be a whole number of seconds')
    .min(0, 'MSX_NOTIFY_WINDOW_SECONDS must be at least 0')
    .max(3600, 'MSX_NOTIFY_WINDOW_SECONDS must be at most 3600')
    .default(60),
  MSX_DASHBOARD_URL: z.url({ error: 'MSX_DASHBOARD_URL must be a URL such as https://msx.example.com' }).optional(),
  MSX_MASTER_NAME: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'MSX_MASTER_NAME must be a server name (letters, digits, . _ -)')
    .optional(),
  /** the version this master reports to agents; for compatibility tests only */
  MSX_REPORTED_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'MSX_REPORTED_VERSION must be a version such as 1.2.3')
    .optional(),
  MSX_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export interface Config {
  dataDir: string
  databaseUrl: string
  host: string
  port: number
  gatewayHost: string
  gatewayPort: number
  /** extra host names and addresses the gateway's certificate names (agents connect by one of them) */
  gatewayNames: string[]
  /** the gateway's processes: 1 runs it in the master's own process, more fork workers that share its port */
  gatewayWorkers: number
  /** what this master process runs: the dashboard (which serves the API too), the API alone, the agent gateway */
  roles: { dashboard: boolean; api: boolean; gateway: boolean }
  /** how long the activity log keeps an event */
  auditRetentionDays: number
  /** how long job history (and the notifications sent about it) is kept */
  jobHistoryDays: number
  /** outcomes of one job ending within this window go to the MSXOperator as one message */
  notifyWindowSeconds: number
  /** the dashboard's address as the operator reaches it, for the links in notifications */
  dashboardUrl?: string
  masterName: string
  /** which variables were set rather than defaulted, so Settings can say where a value comes from */
  given: { masterName: boolean; databaseUrl: boolean }
  logLevel: z.infer<typeof schema>['MSX_LOG_LEVEL']
  reportedVersion?: string
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const e = parsed.data
  const dataDir = path.resolve(e.MSX_DATA_DIR)
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, 'msx.db')}`,
    host: e.MSX_HOST,
    port: e.MSX_PORT,
    gatewayHost: e.MSX_GATEWAY_HOST,
    gatewayPort: e.MSX_GATEWAY_PORT,
    gatewayNames: e.MSX_GATEWAY_NAMES.split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    gatewayWorkers: e.MSX_GATEWAY_WORKERS,
    roles: {
      dashboard: e.MSX_ROLES.split(',').some((r) => r.trim() === 'dashboard'),
      api: e.MSX_ROLES.split(',').some((r) => ['dashboard', 'api'].includes(r.trim())),
      gateway: e.MSX_ROLES.split(',').some((r) => r.trim() === 'gateway'),
    },
    auditRetentionDays: e.MSX_AUDIT_RETENTION_DAYS,
    jobHistoryDays: e.MSX_JOB_HISTORY_DAYS,
    notifyWindowSeconds: e.MSX_NOTIFY_WINDOW_SECONDS,
    dashboardUrl: e.MSX_DASHBOARD_URL?.replace(/\/+$/, ''),
    masterName: (e.MSX_MASTER_NAME ?? os.hostname().split('.')[0] ?? 'MSX').toUpperCase(),
    given: { masterName: e.MSX_MASTER_NAME !== undefined, databaseUrl: e.DATABASE_URL !== undefined },
    logLevel: e.MSX_LOG_LEVEL,
    reportedVersion: e.MSX_REPORTED_VERSION,
  }
}

let cached: Config | undefined
/** The process's configuration, read on first use. */
export function config(): Config {
  cached ??= loadConfig()
  return cached
}
