import path from 'node:path'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
import { CodeBlock } from '@/components/ui/code-block'
import type { Config } from '@/lib/config'
import type { describeAuthority } from '@/lib/pki/summary'
import { when } from './format'
import { SettingRow } from './setting-row'

type Authority = ReturnType<typeof describeAuthority>

/** The agent gateway target agents reach, its certificates and the fingerprint they enlist with. */
export function GatewayCard({ cfg, authority }: { cfg: Config; authority: Authority }) {
  const pki = `Made at first start in ${path.join(cfg.dataDir, 'pki')}`
  return (
    <Card>
      <CardHeader>
        <CardTitle>Agent gateway</CardTitle>
        <CardDescription>
          Target agents connect here over TLS, with a client certificate this master signed when they enlisted.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="divide-y">
          <SettingRow
            label="Listens on"
            source={cfg.roles.gateway ? 'MSX_GATEWAY_HOST and MSX_GATEWAY_PORT' : undefined}
          >
            {cfg.roles.gateway ? `https://${cfg.gatewayHost}:${cfg.gatewayPort}` : 'Not in this process (MSX_ROLES)'}
          </SettingRow>
          <SettingRow
            label="Certificate names"
            source="This machine's names, with MSX_GATEWAY_NAMES; the certificate is made again at start when they change"
          >
            {authority ? authority.gatewayNames.join(', ') : '—'}
          </SettingRow>
          <SettingRow label="Certificate valid until" source={pki}>
            {authority ? when(authority.gatewayValidTo) : '—'}
          </SettingRow>
          <SettingRow label="Certificate authority" source={pki}>
            {authority ? (
              <>
                {authority.caSubject}, valid until {when(authority.caValidTo)}
              </>
            ) : (
              '—'
            )}
          </SettingRow>
        </dl>
        <div className="mt-4 space-y-2">
          <h3 className="text-sm font-medium" id="ca-fingerprint">
            CA fingerprint (SHA-256)
          </h3>
          {authority ? (
            <CodeBlock label="CA fingerprint" code={authority.caFingerprint} />
          ) : (
            <p className="text-sm text-muted-foreground">
              The certificate authority is made when the master first starts.
            </p>
          )}
          <p className="text-sm text-muted-foreground">
            Give it to <code className="font-mono text-foreground">msx-agent enlist --ca-fingerprint</code>: the agent
            trusts this master only if its certificate authority has exactly this fingerprint. Agents that reach the
            gateway by another name or address need it in{' '}
            <code className="font-mono text-foreground">MSX_GATEWAY_NAMES</code>.
          </p>
        </div>
      </CardContent>
    </Card>
  )
}
