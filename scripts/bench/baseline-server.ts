// The baseline: a bare Node TLS keep-alive server on the gateway's own certificate, answering every request with
// a small JSON body of the size of an empty poll's answer. What the gateway does beyond this is its own cost.
// In `hold` mode it answers nothing until SIGUSR2, then answers every request it holds at once, as a master
// answers its long polls when an instruction is posted to all; SIGUSR1 prints how many it holds ("held N").
// usage: tsx scripts/bench/baseline-server.ts PKI_DIR [hold]   (prints "listening on PORT")

import fs from 'node:fs'
import type http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const pki = process.argv[2] ?? ''
const hold = process.argv[3] === 'hold'
const read = (file: string) => fs.readFileSync(path.join(pki, file), 'utf8')
const caPem = read('ca.crt')

const server = https.createServer({
  key: read('gateway.key'),
  cert: `${read('gateway.crt').trim()}\n${caPem.trim()}\n`,
  ca: caPem,
  requestCert: true,
  rejectUnauthorized: false,
  minVersion: 'TLSv1.2',
})
server.keepAliveTimeout = 75_000
// a held request waits as long as a long poll may
server.requestTimeout = 0
server.headersTimeout = 0

function answer(res: http.ServerResponse) {
  const text = JSON.stringify({
    serverTime: new Date().toISOString(),
    clockSkewMs: 0,
    pollIntervalSeconds: 60,
    instructions: [],
    blockedBy: null,
  })
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

let held: http.ServerResponse[] = []
server.on('request', (req, res) => {
  req.resume()
  req.on('end', () => {
    if (hold) held.push(res)
    else answer(res)
  })
})
server.listen(0, '127.0.0.1', () => console.log(`listening on ${(server.address() as AddressInfo).port}`))
process.on('SIGUSR1', () => console.log(`held ${held.length}`))
process.on('SIGUSR2', () => {
  const all = held
  held = []
  for (const res of all) answer(res)
})
const stop = () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
// its standard input is a pipe from the benchmark: closed when the benchmark ends, however it ends
process.stdin.once('close', stop)
process.stdin.resume()
