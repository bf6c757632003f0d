#!/bin/sh
# Unhunch deb/rpm post-remove: the command and the all-users autostart entry go; the
# policy folder /etc/unhunch stays (it is the administrator's).
root="${UNHUNCH_INSTALL_ROOT:-}"
rm -f "$root/usr/bin/${executable}" "$root/etc/xdg/autostart/${executable}.desktop"
