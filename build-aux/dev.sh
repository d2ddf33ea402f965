#!/usr/bin/env bash
# Journeymap's one-stop developer script for Debian 12.
#
#   build-aux/dev.sh run [FILE.jmap]   install what is missing, build, launch on an example map
#   build-aux/dev.sh test              install what is missing, build, run every test (UI under Xvfb)
#   build-aux/dev.sh build             install what is missing, build
#
# Packages are installed with apt-get only when missing (as root, or through sudo).
# The build folder is _build (override with BUILD_DIR); meson options can be added with
# MESON_ARGS, e.g. MESON_ARGS="-Db_sanitize=address,undefined".
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-$top/_build}

packages=(
  build-essential meson ninja-build pkg-config
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libxml2-dev libxml2-utils librsvg2-dev librsvg2-bin libcairo2-dev
  libpng-dev
  gettext xvfb xauth xdotool imagemagick desktop-file-utils appstream poppler-utils
  fonts-cantarell clang libclang-rt-14-dev valgrind
  gnome-text-editor
)

install_missing_packages () {
  local missing=()
  local pkg
  for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build () {
  # shellcheck disable=SC2086
  if [ ! -f "$build_dir/build.ninja" ]; then
    meson setup "$build_dir" "$top" -Dwerror=true ${MESON_ARGS:-}
  elif [ -n "${MESON_ARGS:-}" ]; then
    meson configure "$build_dir" ${MESON_ARGS}
  fi
  meson compile -C "$build_dir"
}

run_app () {
  local map=${1:-$top/data/examples/grocery-first-order.jmap}
  export GSETTINGS_SCHEMA_DIR="$build_dir/data"
  exec "$build_dir/src/journeymap" "$map"
}

run_tests () {
  # The UI tests start an X server (Xvfb) of their own, one per program.
  local status=0
  meson test -C "$build_dir" --print-errorlogs --no-rebuild --suite core --suite data || status=$?
  meson test -C "$build_dir" --print-errorlogs --no-rebuild --suite ui || status=$?
  return $status
}

command=${1:-}
case "$command" in
  run)
    install_missing_packages
    configure_and_build
    shift
    run_app "$@"
    ;;
  test)
    install_missing_packages
    configure_and_build
    run_tests
    ;;
  build)
    install_missing_packages
    configure_and_build
    ;;
  *)
    echo "usage: $0 run [FILE.jmap] | test | build" >&2
    exit 2
    ;;
esac
