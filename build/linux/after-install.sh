#!/bin/sh
# Unhunch deb/rpm post-install (electron-builder fills in ${executable} and
# ${sanitizedProductName}). Runs as root. See docs/deployment.md.
set -e

app_dir='/opt/${sanitizedProductName}'
# Where the tests point it; empty on a real install.
root="${UNHUNCH_INSTALL_ROOT:-}"

# The command on PATH.
mkdir -p "$root/usr/bin"
ln -sf "$app_dir/${executable}" "$root/usr/bin/${executable}"

# Chromium's sandbox helper needs setuid root where unprivileged user namespaces are off.
if [ -e "$root$app_dir/chrome-sandbox" ]; then
  if unshare --user true >/dev/null 2>&1; then
    chmod 0755 "$root$app_dir/chrome-sandbox" || true
  else
    chmod 4755 "$root$app_dir/chrome-sandbox" || true
  fi
fi

# Ubuntu 24.04 and later let a program use unprivileged user namespaces (Chromium's
# sandbox does) only with an AppArmor profile that allows it: install the one
# electron-builder puts beside the app, where this AppArmor can read it.
profile="$app_dir/resources/apparmor-profile"
if [ -z "$root" ] && [ -f "$profile" ] && command -v apparmor_parser >/dev/null 2>&1 &&
  apparmor_status --enabled >/dev/null 2>&1 &&
  apparmor_parser --skip-kernel-load --debug "$profile" >/dev/null 2>&1; then
  cp -f "$profile" '/etc/apparmor.d/${executable}'
  apparmor_parser --replace --write-cache --skip-read-cache '/etc/apparmor.d/${executable}' || true
fi

# The organisation's policy folder: root's, readable by everyone, writable by root only
# (Unhunch ignores a policy others can write).
mkdir -p "$root/etc/unhunch/policy.d"
chmod 0755 "$root/etc/unhunch" "$root/etc/unhunch/policy.d"
if [ -z "$root" ]; then chown root:root /etc/unhunch /etc/unhunch/policy.d; fi

# Start at login for every user, when the administrator asks for it:
#   sudo UNHUNCH_AUTOSTART_ALL_USERS=1 apt-get install ./unhunch_*.deb
if [ "${UNHUNCH_AUTOSTART_ALL_USERS:-0}" = 1 ]; then
  mkdir -p "$root/etc/xdg/autostart"
  cat > "$root/etc/xdg/autostart/${executable}.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Unhunch
Comment=Break reminders that keep desk workers' upper backs healthy
Exec=$app_dir/${executable}
X-GNOME-Autostart-enabled=true
DESKTOP
  chmod 0644 "$root/etc/xdg/autostart/${executable}.desktop"
fi

if command -v update-desktop-database >/dev/null 2>&1 && [ -z "$root" ]; then
  update-desktop-database /usr/share/applications || true
fi
