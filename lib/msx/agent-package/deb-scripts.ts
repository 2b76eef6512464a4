// The deb's maintainer scripts: the service account and data folder on configure, the unit enabled and started
// where systemd runs, stopped on removal; the agent's identity and local store kept unless purged.
import { INSTALL_PREFIX, INSTALLED_DATA_DIR, LAYOUT, SERVICE_UNIT, SERVICE_USER } from './layout'

const systemdRuns = '[ -d /run/systemd/system ]'

// restart, not start: an upgrade brings a new bundle, and the identity and store in the data folder stay
export const POSTINST = `#!/bin/sh
set -e
case "$1" in
  configure)
    if ! getent passwd ${SERVICE_USER} >/dev/null; then
      useradd --system --user-group --home-dir ${INSTALLED_DATA_DIR} --no-create-home --shell /usr/sbin/nologin ${SERVICE_USER}
    fi
    install -d -m 0700 -o ${SERVICE_USER} -g ${SERVICE_USER} ${INSTALLED_DATA_DIR}
    # the enlistment token inside is for the service account only
    chgrp ${SERVICE_USER} ${INSTALL_PREFIX}/${LAYOUT.config}
    chmod 0640 ${INSTALL_PREFIX}/${LAYOUT.config}
    if ${systemdRuns}; then
      systemctl daemon-reload
      systemctl enable ${SERVICE_UNIT}
      systemctl restart ${SERVICE_UNIT}
      echo "${SERVICE_UNIT} started: on first start it enlists this server into its master, then polls (journalctl -u ${SERVICE_UNIT})."
    else
      echo "systemd does not run here: start the agent with sudo -u ${SERVICE_USER} ${INSTALL_PREFIX}/${LAYOUT.launcher} run"
    fi
    ;;
esac
exit 0
`

export const PRERM = `#!/bin/sh
set -e
case "$1" in
  remove|deconfigure)
    if ${systemdRuns}; then
      systemctl stop ${SERVICE_UNIT} || true
      systemctl disable ${SERVICE_UNIT} || true
    fi
    ;;
esac
exit 0
`

export const POSTRM = `#!/bin/sh
set -e
case "$1" in
  remove)
    if ${systemdRuns}; then systemctl daemon-reload || true; fi
    echo "msx-agent: this server's identity and local store stay in ${INSTALLED_DATA_DIR} (apt purge msx-agent deletes them)."
    echo "msx-agent: it is still enlisted in its master. To leave it, defect before removing the package:"
    echo "  sudo -u ${SERVICE_USER} ${INSTALL_PREFIX}/${LAYOUT.launcher} defect"
    echo "or, now that it is removed, defect it on the master by force."
    ;;
  purge)
    rm -rf ${INSTALLED_DATA_DIR}
    ;;
esac
exit 0
`
