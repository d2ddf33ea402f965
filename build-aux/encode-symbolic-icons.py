#!/usr/bin/env python3
# encode-symbolic-icons.py: pre-render the app's symbolic SVG icons as GTK's
# recolourable .symbolic.png at 16×16, and list them in a GResource file.
#
# SPDX-FileCopyrightText: 2026 The Journeymap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# GTK draws a symbolic SVG through librsvg every time it loads it; the
# pre-rendered PNG (what the Adwaita icon theme ships too) loads without
# parsing SVG, which takes a noticeable share of startup with a palette of
# twenty icons. The SVGs stay in the main resource for other sizes and for
# HiDPI screens.
#
# encode-symbolic-icons.py ENCODER OUTDIR GRESOURCE_XML PREFIX NAME=FILE.svg...

import os
import shutil
import subprocess
import sys
import tempfile


def main():
    encoder, outdir, xml_path, prefix = sys.argv[1:5]
    pairs = [arg.split('=', 1) for arg in sys.argv[5:]]
    size_dir = os.path.join(outdir, '16x16', 'actions')
    os.makedirs(size_dir, exist_ok=True)

    entries = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, svg in pairs:
            # The encoder names its output after its input.
            source = os.path.join(scratch, name + '.svg')
            shutil.copyfile(svg, source)
            subprocess.run([encoder, '-o', size_dir, source, '16x16'], check=True)
            entries.append('16x16/actions/{}.symbolic.png'.format(name))

    with open(xml_path, 'w', encoding='utf-8') as xml:
        xml.write('<?xml version="1.0" encoding="UTF-8"?>\n<gresources>\n')
        xml.write('  <gresource prefix="{}">\n'.format(prefix))
        for entry in entries:
            xml.write('    <file alias="icons/{0}">{0}</file>\n'.format(entry))
        xml.write('  </gresource>\n</gresources>\n')


if __name__ == '__main__':
    main()
