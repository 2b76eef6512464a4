// Request bodies no client of the master sends: not JSON, JSON of the wrong shape and types, extra fields, deep
// nesting, numbers out of range, control characters, prototype-pollution keys. None of them is a valid request of
// any route they are sent to (the test's snapshot of the database proves nothing was written).

export interface Body {
  name: string
  body: string | Buffer
}

const MB = 1024 * 1024

/** A table of bodies, each named by its key. */
const named = (bodies: Record<string, string | Buffer>): Body[] =>
  Object.entries(bodies).map(([name, body]) => ({ name, body }))

export const malformedBodies: Body[] = named({
  empty: '',
  whitespace: ' \r\n\t ',
  'truncated JSON': '{"name": "TSX',
  'trailing comma': '{"acks":[1,],}',
  'single quotes': "{'name':'TSX1'}",
  'NaN and Infinity literals': '{"spoolDepth":NaN,"waitSeconds":Infinity}',
  'a comment': '{/* hello */}',
  'a bare word': 'undefined',
  'a byte-order mark': '\uFEFF{}',
  'invalid UTF-8': Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
  'a NUL byte': '{"name":"TSX1"}\u0000',
  'two documents': '{}{}',
})

export const wrongShapeBodies: Body[] = named({
  null: 'null',
  true: 'true',
  'a number': '42',
  'a string': '"poll"',
  'an array': '[]',
  'an array of objects': '[{"acks":[]}]',
  'an empty object': '{}',
  'wrong types': JSON.stringify({
    name: 5,
    location: [],
    timeZoneOffsetMinutes: '60',
    agentVersion: null,
    localTime: 1,
    pollIntervalSeconds: '60',
    acks: 'all',
    outcomes: {},
    names: 'TSX1',
    ids: '1,2',
    password: false,
  }),
  'numbers out of range':
    '{"timeZoneOffsetMinutes":1e400,"pollIntervalSeconds":-1,"spoolDepth":18446744073709551616,' +
    '"waitSeconds":1e9,"acks":[{"id":9007199254740993,"ok":true}],"ids":[-0,1.5,1e400],"expiresInDays":-1e308}',
  'an extra field': JSON.stringify({ agentVersion: '0.1.0', isAdmin: true, role: 'administrator', $where: '1==1' }),
  'a __proto__ key': '{"__proto__":{"isAdmin":true,"acks":[{"id":1,"ok":true}]}}',
  'a nested __proto__ key': '{"acks":[{"__proto__":{"id":1,"ok":true}}],"names":{"__proto__":[]}}',
  'constructor.prototype': '{"constructor":{"prototype":{"isAdmin":true}}}',
  'prototype pollution by path': '{"__proto__.isAdmin":true,"constructor[prototype][x]":1}',
  'deeply nested arrays': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  'deeply nested objects': `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  'control characters': JSON.stringify({
    name: 'TSX\u0000\u0001\u001b[31m\r\n',
    agentVersion: '\u0000',
    location: '\u0007',
  }),
  'unicode tricks': JSON.stringify({ name: '\u202eTSX\u200b𝕿', agentVersion: '\ud800', location: '☃'.repeat(2000) }),
  'duplicate keys': '{"acks":[],"acks":{"id":1}}',
  'a 100 KB key': `{"${'k'.repeat(100_000)}":1}`,
  '10,000 keys': JSON.stringify(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))),
  'a 50,000-element array': JSON.stringify({ acks: new Array(50_000).fill(0) }),
})

/** Both tables: the bodies every JSON route of the gateway and the msx API gets. */
export const hostileBodies: Body[] = [...malformedBodies, ...wrongShapeBodies]

/** Over the gateway's and the msx API's 256 KiB, sent with their length. */
export const hugeBodies: Body[] = named({
  'just over 256 KiB': JSON.stringify({ name: 'x'.repeat(256 * 1024) }),
  'a 10 MB string': JSON.stringify({ name: 'x'.repeat(10 * MB) }),
})

export const TEN_MB = 'x'.repeat(10 * MB)
