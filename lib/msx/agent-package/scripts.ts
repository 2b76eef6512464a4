// The shell scripts and systemd unit of an agent package: the launcher, install.sh, msx-agent.service.
import { INSTALL_PREFIX, INSTALLED_DATA_DIR, LAYOUT, SERVICE_UNIT, SERVICE_USER } from './layout'

export const LAUNCHER = `#!/bin/sh
# msx-agent from its package: runs the bundle in ../lib with the node on PATH (Node.js 20 or newer).
here=$(dirname "$(readlink -f "$0")")
if ! command -v node >/dev/null 2>&1; then
  echo "msx-agent: Node.js 20 or newer is needed on PATH (Debian, Ubuntu: apt install nodejs)." >&2
  exit 1
fi
exec node "$here/../${LAYOUT.bundle}" "$@"
`

// ProtectSystem=full leaves /var/lib writable: jobs write in the data folder (StateDirectory) and wherever the
// system lets the service account write. No ProtectHome: jobs may work in home folders.
// Exit codes 2 (bad usage) and 3 (the master refuses this agent or its token) would only fail again.
export const SYSTEMD_UNIT = `[Unit]
Description=msx-admin target agent: polls its master server and runs its jobs
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=${SERVICE_USER}
Group=${SERVICE_USER}
ExecStart=${INSTALL_PREFIX}/${LAYOUT.launcher} run
Restart=on-failure
RestartSec=10
RestartPreventExitStatus=2 3
TimeoutStopSec=30
StateDirectory=msx-agent
StateDirectoryMode=0700
NoNewPrivileges=yes
ProtectSystem=full
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
RestrictSUIDSGID=yes
LockPersonality=yes

[Install]
WantedBy=multi-user.target
`

export const INSTALL_SCRIPT = `#!/bin/sh
# Installs this msx-agent package as the systemd service ${SERVICE_UNIT}: the agent in ${INSTALL_PREFIX}, its state
# in ${INSTALLED_DATA_DIR}, run as the system user ${SERVICE_USER}. Run it again with a newer package to upgrade: the
# agent's identity and local store stay in ${INSTALLED_DATA_DIR}.
set -eu
here=$(dirname "$(readlink -f "$0")")
fail() { echo "install.sh: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run it as root: sudo sh $0"
command -v node >/dev/null 2>&1 || fail "Node.js 20 or newer is needed (Debian, Ubuntu: apt install nodejs)."
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || fail "Node.js $(node -v) is too old: 20 or newer is needed."
command -v systemctl >/dev/null 2>&1 || fail "systemd is needed; without it, run ${INSTALL_PREFIX}/${LAYOUT.launcher} run under your own supervisor."

if ! id ${SERVICE_USER} >/dev/null 2>&1; then
  useradd --system --home-dir ${INSTALLED_DATA_DIR} --no-create-home --shell /usr/sbin/nologin ${SERVICE_USER}
fi

mkdir -p ${INSTALL_PREFIX}/bin ${INSTALL_PREFIX}/lib ${INSTALL_PREFIX}/etc
cp "$here/${LAYOUT.launcher}" ${INSTALL_PREFIX}/bin/
cp "$here/${LAYOUT.bundle}" "$here/${LAYOUT.nativeModule}" "$here/${LAYOUT.licences}" "$here/${LAYOUT.unit}" ${INSTALL_PREFIX}/lib/
install -m 0640 -o root -g ${SERVICE_USER} "$here/${LAYOUT.config}" ${INSTALL_PREFIX}/${LAYOUT.config}
# the installed agent keeps its state in ${INSTALLED_DATA_DIR}; the token inside is for the service account only
node -e 'const fs = require("fs"); const [file, dir] = process.argv.slice(1); const c = JSON.parse(fs.readFileSync(file, "utf8")); c.dataDir = dir; fs.writeFileSync(file, JSON.stringify(c, null, 2) + "\\n")' \\
  ${INSTALL_PREFIX}/${LAYOUT.config} ${INSTALLED_DATA_DIR}
install -d -m 0700 -o ${SERVICE_USER} -g ${SERVICE_USER} ${INSTALLED_DATA_DIR}
install -m 0644 "$here/${LAYOUT.unit}" /etc/systemd/system/${SERVICE_UNIT}

systemctl daemon-reload
systemctl enable ${SERVICE_UNIT}
systemctl restart ${SERVICE_UNIT}
echo "Installed ${SERVICE_UNIT}: on first start it enlists this server into its master, then polls."
echo "Check it with: sudo -u ${SERVICE_USER} ${INSTALL_PREFIX}/${LAYOUT.launcher} status   (log: journalctl -u ${SERVICE_UNIT})"
echo "To leave the master later: sudo -u ${SERVICE_USER} ${INSTALL_PREFIX}/${LAYOUT.launcher} defect"
`
