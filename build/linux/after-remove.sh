#!/bin/sh
# Unhunch deb/rpm post-remove: the command and the all-users autostart entry go when the
# package is removed, not when it is upgraded (deb says "upgrade", rpm a count above 0);
# the policy folder /etc/unhunch stays (it is the administrator's).
case "${1:-remove}" in
  remove | purge | 0) ;;
  *) exit 0 ;;
esac
root="${UNHUNCH_INSTALL_ROOT:-}"
rm -f "$root/usr/bin/${executable}" "$root/etc/xdg/autostart/${executable}.desktop"
if [ -z "$root" ] && [ -f '/etc/apparmor.d/${executable}' ]; then
  apparmor_parser --remove '/etc/apparmor.d/${executable}' >/dev/null 2>&1 || true
  rm -f '/etc/apparmor.d/${executable}'
fi
