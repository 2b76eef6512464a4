'use client'

import type { ReactNode } from 'react'
import type { Ability } from '@/components/auth/ability'
import { useDateLocale } from '@/components/format/date-locale'
import { RelativeTime, Timestamp } from '@/components/format/relative-time'
import { formatClockSkew, formatPollInterval } from '@/components/targets/format'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { formatUtcOffset, targetWallClock } from '@/lib/format/dates'
import { RENAME_RULE } from '@/lib/msx/multiserver-wording'
import type { TargetProperties } from '@/lib/msx/target-details'
import { CopyButton } from './copy-button'
import { formatEncryptionMode } from './format'
import { LocationForm } from './location-form'

function Property({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 sm:grid-cols-[11rem_minmax(0,1fr)] sm:items-center">
      <dt className="text-sm text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm wrap-anywhere">{children}</dd>
    </div>
  )
}

const none = <span className="text-muted-foreground">—</span>

export function PropertiesCard({ target, ability }: { target: TargetProperties; ability: Ability }) {
  const locale = useDateLocale()
  const wall = target.localTime ? targetWallClock(locale, target.localTime, target.timeZoneOffsetMinutes) : null
  return (
    <Card>
      <CardHeader>
        <CardTitle>Properties</CardTitle>
        <CardDescription>{RENAME_RULE}</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-1 gap-3" aria-label="Properties">
          <Property term="Location">
            <LocationForm name={target.name} location={target.location} ability={ability} />
          </Property>
          <Property term="Enlisted">
            <Timestamp iso={target.enlistedAt} /> <span className="text-muted-foreground">by</span>{' '}
            <span data-testid="enlisted-by">{target.enlistedBy}</span>
          </Property>
          <Property term="Time zone">{formatUtcOffset(target.timeZoneOffsetMinutes)}</Property>
          <Property term="Local time">{wall ? <span title={wall.full}>{wall.full}</span> : none}</Property>
          <Property term="Agent version">
            <span className="font-mono text-[13px]">{target.agentVersion}</span>
          </Property>
          <Property term="Runs jobs as">{target.runAsAccount ?? none}</Property>
          <Property term="Certificate fingerprint">
            {target.certFingerprint ? (
              <span className="flex min-w-0 items-center gap-1">
                <code className="truncate font-mono text-xs" title={target.certFingerprint}>
                  {target.certFingerprint}
                </code>
                <CopyButton value={target.certFingerprint} label="Copy the certificate fingerprint" />
              </span>
            ) : (
              <span className="text-muted-foreground">None yet: the agent has not collected its certificate.</span>
            )}
          </Property>
          <Property term="Encryption">{formatEncryptionMode(target.encryptionMode)}</Property>
          <Property term="Poll interval">{formatPollInterval(target.pollIntervalSeconds)}</Property>
          <Property term="Last poll">
            <RelativeTime iso={target.lastPolled} fallback="Never" />
          </Property>
          <Property term="Clock skew">{formatClockSkew(target.clockSkewMs)}</Property>
          <Property term="Spooled outcomes">
            {target.spoolDepth.toLocaleString('en-US')}
            {target.spoolOldestAt && (
              <span className="text-muted-foreground">
                {' '}
                · oldest <RelativeTime iso={target.spoolOldestAt} />
              </span>
            )}
          </Property>
          <Property term="Unread instructions">{target.unreadInstructions.toLocaleString('en-US')}</Property>
        </dl>
      </CardContent>
    </Card>
  )
}
