#!/usr/bin/env bash
# check-install.sh BUILD_DIR APP_ID: installs the build into a temporary
# DESTDIR and checks what lands there with the tools a distribution and
# Flathub use: the binary, desktop file, AppStream metainfo, GSettings
# schema, MIME package (registered with update-mime-database, *.jmap glob
# and journey-map root element), icons, examples and every translation.
set -euo pipefail

build_dir=$1
app_id=$2
# Skipped, saying why (exit status 77 for meson), where a validator is missing.
for tool in desktop-file-validate appstreamcli glib-compile-schemas xmllint update-mime-database; do
  command -v "$tool" >/dev/null || { echo "check-install: $tool is not installed"; exit 77; }
done

destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

fail () {
  echo "check-install: $*" >&2
  exit 1
}

meson install -C "$build_dir" --destdir "$destdir" --no-rebuild --quiet >/dev/null
prefix=$(meson introspect "$build_dir" --buildoptions |
         python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root="$destdir$prefix"
share="$root/share"

[ -x "$root/bin/journeymap" ] || fail "bin/journeymap is missing"

desktop-file-validate "$share/applications/$app_id.desktop"
appstreamcli validate --no-net --explain "$share/metainfo/$app_id.metainfo.xml"
glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"

for icon in "icons/hicolor/scalable/apps/$app_id.svg" \
            "icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
            "icons/hicolor/scalable/mimetypes/io.github.journeymap.Journeymap-document.svg"; do
  [ -s "$share/$icon" ] || fail "$icon is missing"
  xmllint --noout "$share/$icon"
done

mime_package="$share/mime/packages/io.github.journeymap.Journeymap.xml"
xmllint --noout "$mime_package"
# update-mime-database exits 0 whatever it thinks of a package: read what it says.
output=$(update-mime-database -V "$share/mime" 2>&1)
if echo "$output" | grep -qiE "error|warning|invalid"; then
  fail "update-mime-database: $output"
fi
grep -qE '^[0-9]+:application/x-journeymap\+xml:\*\.jmap$' "$share/mime/globs2" || fail "no *.jmap glob"
grep -qx 'https://journeymap.github.io/ns/jmap/1 journey-map application/x-journeymap+xml' \
  "$share/mime/XMLnamespaces" || fail "no journey-map root element"
grep -q "io.github.journeymap.Journeymap-document" "$share/mime/icons" || fail "no MIME icon"

[ -f "$share/journeymap/jmap.rng" ] || fail "the schema is missing"
ls "$share/journeymap/examples/"*.jmap >/dev/null || fail "the examples are missing"

for lang in $(grep -v '^#' "$(dirname "$0")/../po/LINGUAS" || true); do
  [ -s "$share/locale/$lang/LC_MESSAGES/journeymap.mo" ] || fail "the $lang translation is missing"
done

echo "check-install: a DESTDIR install of $app_id validates"
