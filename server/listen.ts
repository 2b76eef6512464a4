import type net from 'node:net'
import { StartupError } from './startup-error'

export interface Endpoint {
  host: string
  port: number
  /** what listens there, for messages ("the dashboard") */
  what: string
  /** the variables that choose host and port, for messages */
  hostVariable: string
  portVariable: string
}

/** Binds `server` to the endpoint, turning the usual bind failures into readable StartupErrors. */
export function listen(server: net.Server, at: Endpoint): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${at.host}:${at.port}`
      const reasons: Record<string, string> = {
        EADDRINUSE: `port ${at.port} on ${at.host} is already in use (another master running?): stop that program or choose another port with ${at.portVariable}`,
        EACCES: `not allowed to listen on ${where}: choose a port above 1023 with ${at.portVariable}`,
        EADDRNOTAVAIL: `${at.host} is not an address of this machine: fix ${at.hostVariable}`,
        ENOTFOUND: `${at.host} is not a known host name: fix ${at.hostVariable}`,
      }
      const reason = error.code ? reasons[error.code] : undefined
      reject(reason ? new StartupError(`Cannot start ${at.what}: ${reason}.`) : error)
    }
    server.once('error', onError)
    server.listen(at.port, at.host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}
