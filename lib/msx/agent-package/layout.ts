// The tree of an agent package, the same in every kind of package: the tar's msx-agent/ folder, and what a deb
// installs under /opt/msx-agent. Paths are relative to that folder.
export const PACKAGE_FOLDER = 'msx-agent'
export const INSTALL_PREFIX = '/opt/msx-agent'
export const INSTALLED_DATA_DIR = '/var/lib/msx-agent'
export const SERVICE_USER = 'msx-agent'
export const SERVICE_UNIT = 'msx-agent.service'

export const LAYOUT = {
  launcher: 'bin/msx-agent',
  bundle: 'lib/msx-agent.mjs',
  nativeModule: 'lib/better_sqlite3.node',
  licences: 'lib/msx-agent.mjs.LEGAL.txt',
  unit: `lib/${SERVICE_UNIT}`,
  config: 'etc/agent.json',
  installer: 'install.sh',
} as const
