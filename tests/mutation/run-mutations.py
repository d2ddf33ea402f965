#!/usr/bin/env python3
# run-mutations.py: plants each deliberate bug of mutations.toml in a
# scratch copy of the committed tree and checks that the tests named for it
# fail.
#
# SPDX-FileCopyrightText: 2026 The Journeymap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/mutation/run-mutations.py [OPTIONS] [NAME…] [-- MESON_SETUP_OPTIONS…]
#
# The real tree is only read (`git archive` of a commit); every mutation is
# applied to one scratch copy, built there incrementally in one build folder
# configured once, tested with `meson test`, then undone. A mutation whose
# original text is not found exactly once stops the run before anything is
# built: the list must follow the code when it moves.

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
LIST = os.path.join(HERE, 'mutations.toml')
XVFB = ['xvfb-run', '-a', '-s', '-screen 0 1600x1000x24']


def log(message):
    print(message, flush=True)


def load_mutations(path):
    try:
        with open(path, 'rb') as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        sys.exit(f'{path}: {e}')
    mutations = data.get('mutation', [])
    names = set()
    problems = []
    for i, m in enumerate(mutations):
        where = m.get('name', f'entry {i + 1}')
        for key in ('name', 'file', 'original', 'replacement', 'tests', 'why'):
            if key not in m:
                problems.append(f'{where}: no “{key}”')
        if m.get('name') in names:
            problems.append(f'{where}: name used twice')
        names.add(m.get('name'))
        if m.get('original') == m.get('replacement'):
            problems.append(f'{where}: the replacement is the original')
        if not isinstance(m.get('tests', []), list) or not m.get('tests'):
            problems.append(f'{where}: “tests” must be a list of test names or suite:NAME')
    if problems:
        sys.exit('mutations.toml:\n  ' + '\n  '.join(problems))
    return mutations


def git(repo, *args, **kwargs):
    return subprocess.run(['git', '-C', repo, *args], check=True, capture_output=True, **kwargs).stdout


def committed_files(repo, rev):
    """The files of @rev, as {path: (bytes, mode)}, read from git alone."""
    archive = git(repo, 'archive', '--format=tar', rev)
    files = {}
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if member.isfile():
                files[member.name] = (tar.extractfile(member).read(), member.mode)
            elif member.issym():
                files[member.name] = (member.linkname, 'symlink')
    return files


def sync_tree(files, src):
    """Makes @src hold @files, rewriting only what differs so that a build
    folder kept from an earlier run builds incrementally."""
    wanted = set(files)
    for root, dirs, names in os.walk(src):
        for name in names:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            if rel not in wanted:
                os.unlink(path)
    for rel, (content, mode) in files.items():
        path = os.path.join(src, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if mode == 'symlink':
            if os.path.islink(path) and os.readlink(path) == content:
                continue
            if os.path.lexists(path):
                os.unlink(path)
            os.symlink(content, path)
            continue
        if os.path.islink(path):
            os.unlink(path)
        if os.path.exists(path):
            with open(path, 'rb') as f:
                if f.read() == content:
                    os.chmod(path, mode)
                    continue
        with open(path, 'wb') as f:
            f.write(content)
        os.chmod(path, mode)


def check_applicable(mutations, files):
    problems = []
    for m in mutations:
        entry = files.get(m['file'])
        if entry is None or entry[1] == 'symlink':
            problems.append(f'{m["name"]}: {m["file"]} is not in the tree')
            continue
        count = entry[0].decode('utf-8').count(m['original'])
        if count != 1:
            problems.append(f'{m["name"]}: the original text is found {count} times in {m["file"]}, '
                            'not once: update the list')
    if problems:
        sys.exit('Mutations that do not apply:\n  ' + '\n  '.join(problems))


def run(cmd, log_path, timeout=None, cwd=None):
    with open(log_path, 'ab') as out:
        out.write(('\n$ ' + ' '.join(cmd) + '\n').encode())
        out.flush()
        try:
            return subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=cwd,
                                  timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            out.write(b'\n(timed out)\n')
            return None


class Tests:
    def __init__(self, build, processes):
        self.build = build
        self.processes = processes
        self.suites = {}
        tests = json.loads(subprocess.run(['meson', 'introspect', '--tests', build], check=True,
                                          capture_output=True).stdout)
        for t in tests:
            self.suites[t['name']] = [s.split(':')[-1] for s in t['suite']]

    def check_names(self, mutations):
        problems = []
        for m in mutations:
            for t in m['tests']:
                if t.startswith('suite:'):
                    if not any(t[6:] in s for s in self.suites.values()):
                        problems.append(f'{m["name"]}: no suite “{t[6:]}”')
                elif t not in self.suites:
                    problems.append(f'{m["name"]}: no test “{t}”')
        if problems:
            sys.exit('Unknown tests:\n  ' + '\n  '.join(problems))

    def command(self, names):
        """meson test for @names (tests or suite:NAME): under its own X
        server when one of them is a UI test."""
        args = ['meson', 'test', '-C', self.build, '--no-rebuild', '--print-errorlogs',
                '--num-processes', str(self.processes)]
        needs_display = False
        for t in names:
            if t.startswith('suite:'):
                args += ['--suite', t[6:]]
                needs_display |= t[6:] == 'ui'
            else:
                args.append(t)
                needs_display |= 'ui' in self.suites.get(t, [])
        return XVFB + args if needs_display else args


def main():
    parser = argparse.ArgumentParser(
        description='Plant each deliberate bug of tests/mutation/mutations.toml in a scratch copy '
                    'of the committed tree and check that its tests catch it.')
    parser.add_argument('names', nargs='*', metavar='NAME',
                        help='run only these mutations (default: all)')
    parser.add_argument('--list', action='store_true', help='list the mutations and exit')
    parser.add_argument('--check', action='store_true',
                        help='only check that every mutation applies exactly once, build nothing')
    parser.add_argument('--rev', default='HEAD', help='the commit to copy (default: HEAD)')
    parser.add_argument('--scratch', metavar='DIR',
                        help='scratch folder to use and keep (its build is reused by the next run); '
                             'default: a temporary folder removed at the end')
    parser.add_argument('--processes', type=int, default=1,
                        help='tests meson runs at once (default 1)')
    parser.add_argument('--list-file', default=LIST, help=argparse.SUPPRESS)
    argv = sys.argv[1:]
    setup_options = []
    if '--' in argv:
        setup_options = argv[argv.index('--') + 1:]
        argv = argv[:argv.index('--')]
    # Meson options may also come first, as in run-mutations.py -Db_sanitize=address.
    setup_options += [a for a in argv if a.startswith('-D')]
    argv = [a for a in argv if not a.startswith('-D')]
    args = parser.parse_args(argv)

    mutations = load_mutations(args.list_file)
    if args.list:
        for m in mutations:
            log(f'{m["name"]:40} {m["file"]:40} {" ".join(m["tests"])}')
        return 0
    if args.names:
        known = {m['name'] for m in mutations}
        unknown = [n for n in args.names if n not in known]
        if unknown:
            sys.exit('No such mutation: ' + ', '.join(unknown))
        mutations = [m for m in mutations if m['name'] in args.names]

    repo = git(HERE, 'rev-parse', '--show-toplevel', text=True).strip()
    rev = git(repo, 'rev-parse', '--verify', args.rev + '^{commit}', text=True).strip()
    files = committed_files(repo, rev)
    check_applicable(mutations, files)
    if args.check:
        log(f'All {len(mutations)} mutations apply to {rev[:10]}.')
        return 0

    started = time.monotonic()
    temporary = args.scratch is None
    scratch = tempfile.mkdtemp(prefix='jm-mutation-') if temporary else os.path.abspath(args.scratch)
    try:
        if os.path.realpath(scratch).startswith(os.path.realpath(repo) + os.sep):
            sys.exit('The scratch folder must be outside the tree.')
        src = os.path.join(scratch, 'src')
        build = os.path.join(scratch, 'build')
        logs = os.path.join(scratch, 'logs')
        os.makedirs(src, exist_ok=True)
        shutil.rmtree(logs, ignore_errors=True)
        os.makedirs(logs)
        log(f'Copy of {rev[:10]} in {scratch}')
        sync_tree(files, src)

        setup_log = os.path.join(logs, 'setup.log')
        if not os.path.exists(os.path.join(build, 'build.ninja')):
            if run(['meson', 'setup', build, src, *setup_options], setup_log) != 0:
                sys.exit(f'meson setup failed: see {setup_log}')
        elif setup_options:
            if run(['meson', 'configure', build, *setup_options], setup_log) != 0:
                sys.exit(f'meson configure failed: see {setup_log}')
        log('Building the unchanged copy…')
        if run(['meson', 'compile', '-C', build], setup_log) != 0:
            sys.exit(f'The unchanged copy does not build: see {setup_log}')

        tests = Tests(build, args.processes)
        tests.check_names(mutations)

        # Every test named must pass unchanged, or a failure would say nothing.
        baseline = sorted({t for m in mutations for t in m['tests']})
        log('Running the named tests on the unchanged copy: ' + ' '.join(baseline))
        baseline_log = os.path.join(logs, 'baseline.log')
        # Test names and suites in separate runs: meson would run only the
        # tests that match both.
        groups = [[t for t in baseline if not t.startswith('suite:') and
                   (tests.command([t])[0] == 'xvfb-run') == display] for display in (False, True)]
        groups += [[t] for t in baseline if t.startswith('suite:')]
        for names in groups:
            if names and run(tests.command(names), baseline_log) != 0:
                sys.exit(f'The unchanged copy fails its tests: see {baseline_log}')
        log(f'Ready after {time.monotonic() - started:.0f} s.\n')

        results = []
        for i, m in enumerate(mutations, 1):
            t0 = time.monotonic()
            path = os.path.join(src, m['file'])
            with open(path, 'rb') as f:
                pristine = f.read()
            text = pristine.decode('utf-8')
            assert text.count(m['original']) == 1
            mutation_log = os.path.join(logs, m['name'] + '.log')
            try:
                with open(path, 'wb') as f:
                    f.write(text.replace(m['original'], m['replacement']).encode('utf-8'))
                if run(['meson', 'compile', '-C', build], mutation_log) != 0:
                    verdict = 'INVALID'
                else:
                    rc = run(tests.command(m['tests']), mutation_log)
                    verdict = 'caught' if rc != 0 else 'SURVIVED'
            finally:
                with open(path, 'wb') as f:
                    f.write(pristine)
            seconds = time.monotonic() - t0
            results.append((m, verdict, seconds))
            log(f'[{i}/{len(mutations)}] {verdict:8} {m["name"]} ({" ".join(m["tests"])}, {seconds:.0f} s)')

        # Leave a kept scratch build matching the tree, for the next run.
        if not temporary:
            run(['meson', 'compile', '-C', build], setup_log)

        survived = [r for r in results if r[1] == 'SURVIVED']
        invalid = [r for r in results if r[1] == 'INVALID']
        caught = len(results) - len(survived) - len(invalid)
        log(f'\n{caught} of {len(results)} caught, {len(survived)} survived, {len(invalid)} invalid '
            f'({time.monotonic() - started:.0f} s in all).')
        for m, verdict, _ in survived + invalid:
            log(f'  {verdict:8} {m["name"]}: {m["why"]} ({m["file"]}; expected to fail: '
                f'{" ".join(m["tests"])})')
            if verdict == 'INVALID':
                with open(os.path.join(logs, m['name'] + '.log'), errors='replace') as f:
                    errors = [line for line in f if 'error:' in line]
                log(''.join('      ' + line for line in errors[:5]).rstrip())
        if not temporary:
            log(f'Logs in {logs}')
        return 1 if survived or invalid else 0
    finally:
        if temporary:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
