#!/usr/bin/env python3
# check-translations.py: every language in po/LINGUAS translates every
# message the sources have today, with nothing fuzzy and no format or
# mnemonic mistakes.
#
# The template is extracted afresh from po/POTFILES.in with the keywords of
# meson's glib preset, so a string added to the code without a translation
# fails here, not only when someone remembers to update the po files.
#
# SPDX-FileCopyrightText: 2026 The Journeymap authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

# meson's i18n.gettext(preset: 'glib') arguments, which make po/journeymap.pot.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_print:1:c-format',
]

STATISTICS = re.compile(r'(\d+) translated messages?(?:, (\d+) fuzzy translations?)?'
                        r'(?:, (\d+) untranslated messages?)?')


def read_list(path):
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith('#')]


# What makes a source file hold messages: a gettext keyword in C, or a
# translatable property in a GtkBuilder file.
MESSAGE_IN_C = re.compile(r'(?<![\w.])(?:_|N_|C_|NC_|g_dpgettext2)\s*\(')
MESSAGE_IN_UI = re.compile(r'translatable="yes"')


def sources_with_messages(source_root):
    found = []
    for folder, _, names in os.walk(os.path.join(source_root, 'src')):
        for name in names:
            path = os.path.join(folder, name)
            pattern = MESSAGE_IN_C if name.endswith('.c') else MESSAGE_IN_UI if name.endswith('.ui') else None
            if pattern is None:
                continue
            with open(path, encoding='utf-8') as f:
                if pattern.search(f.read()):
                    found.append(os.path.relpath(path, source_root))
    return sorted(found)


def extract_template(source_root, pot):
    potfiles = read_list(os.path.join(source_root, 'po', 'POTFILES.in'))
    missing = [p for p in potfiles if not os.path.exists(os.path.join(source_root, p))]
    if missing:
        sys.exit('po/POTFILES.in lists files that do not exist: ' + ', '.join(missing))
    # A file left off the list would have its messages silently untranslated.
    unlisted = [p for p in sources_with_messages(source_root) if p not in potfiles]
    if unlisted:
        sys.exit('po/POTFILES.in does not list these sources with messages: ' + ', '.join(unlisted))
    subprocess.run(['xgettext', '--package-name=journeymap', '-D', source_root,
                    '-o', pot] + XGETTEXT_ARGS + potfiles, check=True)


def check_language(source_root, pot, language, scratch):
    po = os.path.join(source_root, 'po', language + '.po')
    if not os.path.exists(po):
        return [f'{language}: po/{language}.po is missing']

    merged = os.path.join(scratch, language + '.po')
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                   check=True)
    result = subprocess.run(['msgfmt', '--check', '--check-accelerators=_', '--statistics',
                             '-o', os.devnull, merged],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    problems = [f'{language}: {line}' for line in result.stderr.splitlines()
                if not STATISTICS.search(line)]
    if result.returncode != 0:
        problems.append(f'{language}: msgfmt --check failed')

    match = STATISTICS.search(result.stderr)
    if match is None:
        problems.append(f'{language}: msgfmt gave no statistics')
        return problems
    fuzzy, untranslated = int(match.group(2) or 0), int(match.group(3) or 0)
    if fuzzy or untranslated:
        problems.append(f'{language}: {untranslated} untranslated and {fuzzy} fuzzy messages '
                        f'(run msgmerge po/{language}.po po/journeymap.pot, then translate)')
    print(f'{language}: {match.group(1)} messages translated')
    return problems


def main():
    source_root = sys.argv[1]
    languages = read_list(os.path.join(source_root, 'po', 'LINGUAS'))
    if len(languages) < 2:
        sys.exit('po/LINGUAS should name at least two languages, it names '
                 + (', '.join(languages) or 'none'))

    with tempfile.TemporaryDirectory() as scratch:
        pot = os.path.join(scratch, 'journeymap.pot')
        extract_template(source_root, pot)
        problems = []
        for language in languages:
            problems += check_language(source_root, pot, language, scratch)

    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
