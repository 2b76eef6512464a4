// The ar archive a .deb is (debian-binary, control.tar.gz, data.tar.gz): a global header, then for each member a
// 60-byte header of fixed-width ASCII fields and its data padded to an even length.
export interface ArMember {
  name: string
  content: Buffer
}

const field = (value: string | number, width: number) => String(value).padEnd(width, ' ').slice(0, width)

export function writeAr(members: ArMember[], mtime: number): Buffer {
  const parts: Buffer[] = [Buffer.from('!<arch>\n', 'ascii')]
  for (const { name, content } of members) {
    if (name.length > 16) throw new Error(`ar member name ${name} is longer than 16 characters`)
    const header = `${field(name, 16)}${field(mtime, 12)}${field(0, 6)}${field(0, 6)}${field('100644', 8)}${field(content.length, 10)}\`\n`
    parts.push(Buffer.from(header, 'ascii'), content)
    if (content.length % 2 === 1) parts.push(Buffer.from('\n', 'ascii'))
  }
  return Buffer.concat(parts)
}
