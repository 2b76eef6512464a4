// Request bodies no client of the master sends: not JSON, JSON of the wrong shape and types, extra fields, deep
// nesting, numbers out of range, control characters, prototype-pollution keys. None of them is a valid request of
// any route they are sent to (the test's snapshot of the database proves nothing was written).

export interface Body {
  name: string
  body: string | Buffer
}

const MB = 1024 * 1024

export const malformedBodies: Body[] = [
  { name: 'empty', body: '' },
  { name: 'whitespace', body: ' \r\n\t ' },
  { name: 'truncated JSON', body: '{"name": "TSX' },
  { name: 'trailing comma', body: '{"acks":[1,],}' },
  { name: 'single quotes', body: "{'name':'TSX1'}" },
  { name: 'NaN and Infinity literals', body: '{"spoolDepth":NaN,"waitSeconds":Infinity}' },
  { name: 'a comment', body: '{/* hello */}' },
  { name: 'a bare word', body: 'undefined' },
  { name: 'a byte-order mark', body: '\uFEFF{}' },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]) },
  { name: 'a NUL byte', body: '{"name":"TSX1"}\u0000' },
  { name: 'two documents', body: '{}{}' },
]

export const wrongShapeBodies: Body[] = [
  { name: 'null', body: 'null' },
  { name: 'true', body: 'true' },
  { name: 'a number', body: '42' },
  { name: 'a string', body: '"poll"' },
  { name: 'an array', body: '[]' },
  { name: 'an array of objects', body: '[{"acks":[]}]' },
  { name: 'an empty object', body: '{}' },
  {
    name: 'wrong types',
    body: JSON.stringify({
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
  },
  {
    name: 'numbers out of range',
    body:
      '{"timeZoneOffsetMinutes":1e400,"pollIntervalSeconds":-1,"spoolDepth":18446744073709551616,' +
      '"waitSeconds":1e9,"acks":[{"id":9007199254740993,"ok":true}],"ids":[-0,1.5,1e400],"expiresInDays":-1e308}',
  },
  {
    name: 'an extra field',
    body: JSON.stringify({ agentVersion: '0.1.0', isAdmin: true, role: 'administrator', $where: '1==1' }),
  },
  { name: 'a __proto__ key', body: '{"__proto__":{"isAdmin":true,"acks":[{"id":1,"ok":true}]}}' },
  { name: 'a nested __proto__ key', body: '{"acks":[{"__proto__":{"id":1,"ok":true}}],"names":{"__proto__":[]}}' },
  { name: 'constructor.prototype', body: '{"constructor":{"prototype":{"isAdmin":true}}}' },
  { name: 'prototype pollution by path', body: '{"__proto__.isAdmin":true,"constructor[prototype][x]":1}' },
  { name: 'deeply nested arrays', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { name: 'deeply nested objects', body: `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}` },
  {
    name: 'control characters',
    body: JSON.stringify({ name: 'TSX\u0000\u0001\u001b[31m\r\n', agentVersion: '\u0000', location: '\u0007' }),
  },
  {
    name: 'unicode tricks',
    body: JSON.stringify({ name: '\u202eTSX\u200b𝕿', agentVersion: '\ud800', location: '☃'.repeat(2000) }),
  },
  { name: 'duplicate keys', body: '{"acks":[],"acks":{"id":1}}' },
  { name: 'a 100 KB key', body: `{"${'k'.repeat(100_000)}":1}` },
  {
    name: '10,000 keys',
    body: JSON.stringify(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))),
  },
  { name: 'a 50,000-element array', body: JSON.stringify({ acks: new Array(50_000).fill(0) }) },
]

/** Both tables: the bodies every JSON route of the gateway and the msx API gets. */
export const hostileBodies: Body[] = [...malformedBodies, ...wrongShapeBodies]

/** Over the gateway's and the msx API's 256 KiB, sent with their length. */
export const hugeBodies: Body[] = [
  { name: 'just over 256 KiB', body: JSON.stringify({ name: 'x'.repeat(256 * 1024) }) },
  { name: 'a 10 MB string', body: JSON.stringify({ name: 'x'.repeat(10 * MB) }) },
]

export const TEN_MB = 'x'.repeat(10 * MB)
