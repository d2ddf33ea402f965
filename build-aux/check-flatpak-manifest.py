#!/usr/bin/env python3
# Checks the Flatpak manifest: it parses, names the app and its command,
# builds this project with meson, and asks for no more than the app needs
# (files come through portals: no home or host file system).
#
# SPDX-FileCopyrightText: 2026 The Journeymap authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import sys

REQUIRED_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}
REFUSED_PREFIXES = ('--filesystem=home', '--filesystem=host')


def problems(manifest, app_id):
    if manifest.get('id', manifest.get('app-id')) != app_id:
        yield f'the app id is not {app_id}'
    if manifest.get('command') != 'journeymap':
        yield 'the command is not journeymap'
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        yield 'the runtime is not the GNOME platform and SDK'
    finish_args = set(manifest.get('finish-args', []))
    for missing in sorted(REQUIRED_ARGS - finish_args):
        yield f'finish-args lack {missing}'
    for arg in sorted(finish_args):
        if arg.startswith(REFUSED_PREFIXES):
            yield f'finish-args ask for {arg}; files come through portals'
    modules = manifest.get('modules', [])
    last = modules[-1] if modules else {}
    if not isinstance(last, dict) or last.get('name') != 'journeymap' or last.get('buildsystem') != 'meson':
        yield 'the last module does not build journeymap with meson'
    elif last.get('run-tests') is not True:
        yield 'the journeymap module does not run its tests at build time'


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as error:
        print(f'{path}: {error}')
        return 1
    found = list(problems(manifest, app_id))
    for problem in found:
        print(f'{path}: {problem}')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
