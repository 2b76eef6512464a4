// The configuration's notification and job history values: defaults and the messages for bad ones.
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig as load } from './config'

const loadConfig = (env: Record<string, string>) => load({ NODE_ENV: 'test', ...env })

describe('the notification and job history settings', () => {
  it('default to a 60 s window and 30 days, and refuse values out of range with the variable named', () => {
    expect(loadConfig({})).toMatchObject({ notifyWindowSeconds: 60, jobHistoryDays: 30, dashboardUrl: undefined })
    expect(
      loadConfig({
        MSX_NOTIFY_WINDOW_SECONDS: '0',
        MSX_JOB_HISTORY_DAYS: '90',
        MSX_DASHBOARD_URL: 'https://msx.example.com/',
      }),
    ).toMatchObject({ notifyWindowSeconds: 0, jobHistoryDays: 90, dashboardUrl: 'https://msx.example.com' })
    expect(() => loadConfig({ MSX_NOTIFY_WINDOW_SECONDS: '3601' })).toThrow(
      /MSX_NOTIFY_WINDOW_SECONDS must be at most 3600/,
    )
    expect(() => loadConfig({ MSX_JOB_HISTORY_DAYS: '0' })).toThrow(/MSX_JOB_HISTORY_DAYS must be at least 1/)
    expect(() => loadConfig({ MSX_DASHBOARD_URL: 'msx' })).toThrow(ConfigError)
  })
})
