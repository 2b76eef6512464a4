// The verdict on the master's certificates: the certificate authority and the gateway's server certificate.
import type { MasterCheck, MasterCheckStatus } from './master-checks'

const DAY = 86_400_000
/** A certificate that expires within this many days is a warning; the master renews the gateway's at start then. */
export const CERTIFICATE_WARN_DAYS = 30

export interface CertificateFacts {
  validFrom: Date
  validTo: Date
}

export interface CertificatesFacts {
  /** the folder the certificates are in (<data>/pki) */
  dir: string
  ca: CertificateFacts | null
  gateway: CertificateFacts | null
  /** whether the gateway certificate is signed by the certificate authority */
  gatewaySignedByCa: boolean
}

interface Finding {
  status: MasterCheckStatus
  sentence: string
  fix?: string
}

const day = (at: Date) => at.toISOString().slice(0, 10)

function judge(label: string, cert: CertificateFacts | null, renew: string, dir: string, now: Date): Finding {
  if (!cert)
    return {
      status: 'fail',
      sentence: `There is no ${label} in ${dir}.`,
      fix: `Start the master: it makes its certificate authority and gateway certificate in ${dir}.`,
    }
  if (cert.validFrom.getTime() > now.getTime())
    return {
      status: 'fail',
      sentence: `The ${label} is valid only from ${day(cert.validFrom)}: this server's clock may be wrong.`,
      fix: "Synchronize this server's clock with NTP.",
    }
  const left = cert.validTo.getTime() - now.getTime()
  if (left <= 0) return { status: 'fail', sentence: `The ${label} expired on ${day(cert.validTo)}.`, fix: renew }
  const days = Math.floor(left / DAY)
  if (days < CERTIFICATE_WARN_DAYS)
    return {
      status: 'warn',
      sentence: `The ${label} expires on ${day(cert.validTo)}, in ${days === 1 ? '1 day' : `${days} days`}.`,
      fix: renew,
    }
  return { status: 'pass', sentence: `The ${label} is valid until ${day(cert.validTo)}.` }
}

const rank: Record<MasterCheckStatus, number> = { pass: 0, warn: 1, fail: 2 }

export function certificatesCheck(f: CertificatesFacts, now: Date): MasterCheck {
  const restart =
    'Restart the master: at start it makes a new gateway certificate, signed by its certificate authority.'
  const findings = [
    judge(
      'certificate authority',
      f.ca,
      `Make a new certificate authority: move ${f.dir} aside, restart the master, and enlist every target again with the new CA fingerprint.`,
      f.dir,
      now,
    ),
    judge('gateway certificate', f.gateway, restart, f.dir, now),
  ]
  if (f.ca && f.gateway && !f.gatewaySignedByCa)
    findings.push({
      status: 'fail',
      sentence: 'The gateway certificate is not signed by the certificate authority, so agents would refuse it.',
      fix: restart,
    })
  const worst = findings.reduce((a, b) => (rank[b.status] > rank[a.status] ? b : a))
  return {
    id: 'certificates',
    title: 'Certificates',
    status: worst.status,
    summary: findings.map((finding) => finding.sentence).join(' '),
    ...(worst.fix && worst.status !== 'pass' ? { fix: worst.fix } : {}),
  }
}
