#!/usr/bin/env python3
# run-benchmarks.py: Journeymap's benchmark suite, side by side with the tools
# a designer would otherwise use, in one run on one machine.
#
# SPDX-FileCopyrightText: 2026 The Journeymap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run through `meson test -C _build --benchmark` (meson passes the paths).
# Prints one line per figure, `name: value unit`, each the median of several
# runs, then the targets of issues #7 and #21 with PASS or FAIL (or SKIPPED,
# when what a target compares with is not installed). Exits 1 when a target
# is missed, so a regression shows.

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SIZES = [(1000, '1k'), (10000, '10k'), (100000, '100k')]


def run_process(argv, env=None):
    """Runs argv; returns (wall seconds, peak RSS in MB, stdout)."""
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError('{} failed ({}): {}'.format(' '.join(argv), process.returncode,
                                                     stderr.decode(errors='replace').strip()))
    return wall, usage.ru_maxrss / 1024.0, stdout.decode()


def median_of(runs, argv, env=None):
    """Median wall milliseconds and peak RSS (MB) of `runs` runs of argv."""
    walls, rss = [], []
    for _ in range(runs):
        wall, peak, _ = run_process(argv, env)
        walls.append(wall * 1000.0)
        rss.append(peak)
    return statistics.median(walls), statistics.median(rss)


def run_usage(argv, env=None, ok_codes=(0,)):
    """Runs argv; returns (wall seconds, CPU seconds of user and system)."""
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        raise RuntimeError('{} failed ({})'.format(' '.join(argv), code))
    return wall, usage.ru_utime + usage.ru_stime


def median_printed(runs, argv, env=None):
    """Median of the milliseconds a program prints itself."""
    return statistics.median(float(run_process(argv, env)[2].split()[0]) for _ in range(runs))


class Report:
    def __init__(self):
        self.figures = {}
        self.failures = []

    def figure(self, name, value, unit):
        self.figures[name] = value
        print('{}: {:.2f} {}'.format(name, value, unit), flush=True)

    def target(self, description, passed):
        """passed is None when the target cannot be measured here."""
        verdict = 'SKIPPED' if passed is None else 'PASS' if passed else 'FAIL'
        print('target: {}: {}'.format(description, verdict), flush=True)
        if passed is False:
            self.failures.append(description)


def start_display(xvfb):
    """A display of our own for the window benchmarks, unless one is given."""
    if os.environ.get('DISPLAY'):
        return None, os.environ['DISPLAY']
    read_end, write_end = os.pipe()
    server = subprocess.Popen([xvfb, '-displayfd', str(write_end), '-screen', '0', '1920x1200x24',
                               '-nolisten', 'tcp'], pass_fds=[write_end], stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = ':' + pipe.readline().strip()
    return server, display


def bench_files(args, report, workdir, n, label, runs):
    path = os.path.join(workdir, 'map-{}.jmap'.format(label))
    subprocess.run([args.generate, '--items', str(n), '--seed', '1', '-o', path], check=True)

    load_ms, load_rss = median_of(runs, [args.bench_core, 'load', path])
    xmllint_ms, xmllint_rss = median_of(runs, [args.xmllint, '--noout', path])
    report.figure('load-{}-ms'.format(label), load_ms, 'ms')
    report.figure('xmllint-{}-ms'.format(label), xmllint_ms, 'ms')
    report.figure('load-{}-ratio'.format(label), load_ms / xmllint_ms, 'x xmllint')
    report.figure('load-{}-rss-mb'.format(label), load_rss, 'MB')
    report.figure('xmllint-{}-rss-mb'.format(label), xmllint_rss, 'MB')

    saved = os.path.join(workdir, 'saved-{}.jmap'.format(label))
    report.figure('save-{}-ms'.format(label), median_printed(runs, [args.bench_core, 'save', path, saved]), 'ms')
    report.figure('layout-{}-ms'.format(label), median_printed(runs, [args.bench_core, 'layout', path]), 'ms')
    return path


def bench_check(args, report, path, runs):
    """`journeymap check` against `xmllint --noout` of the same file, runs
    alternated, so that a machine that slows down moves both alike; and once
    what check did before the reader took over the schema's rules (read,
    then libxml2's RELAX NG, about 11 s)."""
    walls = {'check': [], 'xmllint': []}
    commands = {'check': [args.journeymap, 'check', path], 'xmllint': [args.xmllint, '--noout', path]}
    for argv in commands.values():
        run_process(argv)
    for _ in range(runs):
        for name, argv in commands.items():
            walls[name].append(run_process(argv)[0] * 1000.0)
    check_ms, xmllint_ms = (statistics.median(walls[name]) for name in ('check', 'xmllint'))
    report.figure('check-100k-ms', check_ms, 'ms')
    report.figure('check-100k-xmllint-ms', xmllint_ms, 'ms')
    report.figure('check-100k-ratio', check_ms / xmllint_ms, 'x xmllint')
    before_ms = run_process([args.bench_core, 'check-with-schema', path])[0] * 1000.0
    report.figure('check-100k-with-schema-ms', before_ms, 'ms (one run: reader, then RELAX NG, as check was)')


def bench_check_many(args, report, workdir, runs):
    """`check` of a repository of maps: four of 50k items, on every core and
    on one (taskset), runs alternated. The CPU time over the wall time says
    how many cores it kept busy."""
    paths = []
    for seed in range(4):
        path = os.path.join(workdir, 'repo-{}.jmap'.format(seed))
        subprocess.run([args.generate, '--items', '50000', '--seed', str(seed + 1), '-o', path], check=True)
        paths.append(path)
    argv = [args.journeymap, 'check'] + paths
    taskset = shutil.which('taskset')
    commands = {'all': argv}
    if taskset is not None:
        commands['one'] = [taskset, '-c', '0'] + argv
    results = {name: [] for name in commands}
    for command in commands.values():
        run_usage(command)
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(run_usage(command))
    wall_ms = statistics.median(wall * 1000.0 for wall, _ in results['all'])
    cores = statistics.median(cpu / wall for wall, cpu in results['all'])
    report.figure('check-4x50k-ms', wall_ms, 'ms')
    report.figure('check-4x50k-cores', cores, 'cores busy (CPU time / wall time; {} here)'.format(os.cpu_count()))
    if 'one' in results:
        one_ms = statistics.median(wall * 1000.0 for wall, _ in results['one'])
        report.figure('check-4x50k-one-core-ms', one_ms, 'ms (taskset -c 0)')
        report.figure('check-4x50k-speed-up', one_ms / wall_ms, 'x one core')
    for path in paths:
        os.remove(path)


def bench_export(args, report, workdir, path, label, runs):
    png = os.path.join(workdir, 'export-{}.png'.format(label))
    svg = os.path.join(workdir, 'export-{}.svg'.format(label))
    rsvg_png = os.path.join(workdir, 'rsvg-{}.png'.format(label))

    export_ms, _ = median_of(runs, [args.journeymap, 'export', path, '-o', png])
    run_process([args.journeymap, 'export', path, '-o', svg])
    rsvg_ms, _ = median_of(runs, [args.rsvg_convert, svg, '-o', rsvg_png])
    report.figure('export-png-{}-ms'.format(label), export_ms, 'ms')
    report.figure('rsvg-png-{}-ms'.format(label), rsvg_ms, 'ms')
    report.figure('export-png-{}-ratio'.format(label), export_ms / rsvg_ms, 'x rsvg-convert')
    for name in (png, svg, rsvg_png):
        os.remove(name)
    return export_ms / rsvg_ms


def bench_export_giant(args, report, workdir, path):
    """The 100k-item map is 44,504 × 20,254 units: a PNG at scale 1 is beyond
    what cairo draws (32,767 pixels), and its SVG holds more than the
    1,000,000 elements librsvg loads. It is exported at a quarter scale, with
    no rsvg-convert figure beside it."""
    png = os.path.join(workdir, 'export-100k.png')
    export_ms, _ = median_of(3, [args.journeymap, 'export', path, '--scale', '0.25', '-o', png])
    os.remove(png)
    report.figure('export-png-100k-quarter-ms', export_ms, 'ms')
    print('rsvg-png-100k-ms: none (librsvg refuses an SVG of more than 1,000,000 elements)', flush=True)


def bench_canvas(args, report, path, label, env):
    figures = {}
    for line in run_process([args.bench_canvas, path], env)[2].splitlines():
        name, value = line.split(':')
        figures[name] = float(value)
    report.figure('frame-{}-ms'.format(label), figures['frame'], 'ms')
    report.figure('frame-raster-{}-ms'.format(label), figures['frame-raster'], 'ms')
    report.figure('drag-{}-ms'.format(label), figures['drag'], 'ms')
    report.figure('edit-{}-ms'.format(label), figures['edit'], 'ms')
    report.figure('edit-insights-{}-ms'.format(label), figures['edit-insights'], 'ms')
    report.figure('insights-{}-ms'.format(label), figures['insights'], 'ms')
    report.figure('insights-slice-{}-ms'.format(label), figures['insights-slice'], 'ms')


def run_until_window(argv, env, timeout=30.0):
    """Runs a program that does not quit by itself until its window is
    shown (mapped and viewable, as xdotool sees it), then ends it; returns
    the wall seconds to the window. Asked every 5 ms: `xdotool search
    --sync` sleeps half a second between its looks, too coarse for a
    startup."""
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        while True:
            found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(process.pid)],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            if found.returncode == 0 and found.stdout.strip():
                return time.monotonic() - start
            if time.monotonic() - start > timeout:
                raise RuntimeError('{}: no window within {:.0f} s'.format(argv[0], timeout))
            time.sleep(0.005)
    finally:
        process.terminate()
        process.wait()


def bench_startup(args, report, env, runs):
    """The app, the GTK baseline, a libadwaita window and, when installed,
    GNOME Text Editor opening the same file, run in turn, so that a machine
    that slows down or speeds up during the runs moves them alike; twice
    the usual runs, as a startup is short."""
    app_env = dict(env, JOURNEYMAP_QUIT_AFTER_FIRST_FRAME='1')
    commands = {
        'app': ([args.journeymap, args.example], app_env),
        'gtk': ([args.gtk_window], env),
        'adw': ([args.gtk_window, '--libadwaita'], env),
    }
    gte = shutil.which('gnome-text-editor')
    if gte is not None and shutil.which('xdotool') is not None:
        commands['gte'] = ([gte, '--standalone', args.example], env)
    walls = {name: [] for name in commands}
    # One run of each first, so all start with warm caches.
    def run_one(name, argv, command_env):
        if name == 'gte':
            return run_until_window(argv, command_env)
        return run_process(argv, command_env)[0]

    for name, (argv, command_env) in commands.items():
        run_one(name, argv, command_env)
    for _ in range(2 * runs):
        for name, (argv, command_env) in commands.items():
            walls[name].append(run_one(name, argv, command_env) * 1000.0)
    app_ms, gtk_ms, adw_ms = (statistics.median(walls[name]) for name in ('app', 'gtk', 'adw'))
    report.figure('startup-ms', app_ms, 'ms')
    report.figure('startup-gtk-ms', gtk_ms, 'ms')
    report.figure('startup-ratio', app_ms / gtk_ms, 'x GTK')
    report.figure('startup-adw-ms', adw_ms, 'ms')
    report.figure('startup-adw-ratio', adw_ms / gtk_ms, 'x GTK')
    report.figure('startup-vs-adw-ratio', app_ms / adw_ms, 'x libadwaita window')
    if 'gte' in walls:
        gte_ms = statistics.median(walls['gte'])
        report.figure('startup-gte-ms', gte_ms, 'ms')
        report.figure('startup-vs-gte-ratio', app_ms / gte_ms, 'x GNOME Text Editor')
    else:
        print('startup-gte-ms: skipped: not installed (gnome-text-editor{})'.format(
            '' if shutil.which('xdotool') else ' or xdotool'), flush=True)


def bench_open_giant(args, report, env, path, runs):
    """Launch with the 100k-item map to the first frame that shows it (the
    window quits after that frame, as in the startup figure), with the
    window's peak memory beside it."""
    app_env = dict(env, JOURNEYMAP_QUIT_AFTER_FIRST_FRAME='1')
    opens, rss, xmllints = [], [], []
    run_process([args.journeymap, path], app_env)
    # Alternated with xmllint --noout of the file, for the ratio.
    for _ in range(runs):
        wall, peak, _ = run_process([args.journeymap, path], app_env)
        opens.append(wall * 1000.0)
        rss.append(peak)
        xmllints.append(run_process([args.xmllint, '--noout', path])[0] * 1000.0)
    open_ms, xmllint_ms = statistics.median(opens), statistics.median(xmllints)
    report.figure('open-100k-first-frame-ms', open_ms, 'ms')
    report.figure('open-100k-xmllint-ms', xmllint_ms, 'ms')
    report.figure('open-100k-ratio', open_ms / xmllint_ms, 'x xmllint')
    report.figure('open-100k-rss-mb', statistics.median(rss), 'MB')


def main():
    parser = argparse.ArgumentParser()
    for name in ('generate', 'bench-core', 'bench-canvas', 'gtk-window', 'journeymap', 'example',
                 'schema-dir'):
        parser.add_argument('--' + name, required=True)
    parser.add_argument('--runs', type=int, default=5)
    args = parser.parse_args()
    args.xmllint = shutil.which('xmllint')
    args.rsvg_convert = shutil.which('rsvg-convert')
    args.xvfb = shutil.which('Xvfb')

    report = Report()
    # One renderer for the app and the GTK baseline: cairo, since these
    # machines have no GPU and Mesa's software GL spends most of a startup
    # compiling shaders, which says nothing about either program.
    env = dict(os.environ, GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=args.schema_dir,
               NO_AT_BRIDGE='1', GTK_A11Y='none', GDK_BACKEND='x11', GSK_RENDERER='cairo',
               LC_ALL='C.UTF-8')
    server, env['DISPLAY'] = start_display(args.xvfb)

    with tempfile.TemporaryDirectory(prefix='jm-bench-') as workdir:
        env['XDG_DATA_HOME'] = os.path.join(workdir, 'data')
        env['XDG_CACHE_HOME'] = os.path.join(workdir, 'cache')
        env['XDG_CONFIG_HOME'] = os.path.join(workdir, 'config')
        try:
            paths = {}
            for n, label in SIZES:
                paths[label] = bench_files(args, report, workdir, n, label, args.runs)

            export_ratios = [bench_export(args, report, workdir, paths[label], label, max(3, args.runs // 2))
                             for label in ('1k', '10k')]
            bench_export_giant(args, report, workdir, paths['100k'])

            small = os.path.join(workdir, 'map-100.jmap')
            subprocess.run([args.generate, '--items', '100', '--seed', '1', '-o', small], check=True)
            bench_canvas(args, report, small, '100', env)
            bench_canvas(args, report, paths['100k'], '100k', env)
            bench_check(args, report, paths['100k'], args.runs)
            bench_check_many(args, report, workdir, max(3, args.runs // 2))
            bench_open_giant(args, report, env, paths['100k'], max(3, args.runs // 2))
            bench_startup(args, report, env, args.runs)
        finally:
            if server is not None:
                server.terminate()
                server.wait()

    f = report.figures
    report.target('load-100k <= 1.0x xmllint', f['load-100k-ratio'] <= 1.0)
    report.target('load-100k-rss <= 0.5x xmllint', f['load-100k-rss-mb'] <= 0.5 * f['xmllint-100k-rss-mb'])
    report.target('frame-100k <= 1.2x frame-100', f['frame-100k-ms'] <= 1.2 * f['frame-100-ms'])
    report.target('frame-100k <= 4 ms', f['frame-100k-ms'] <= 4.0)
    report.target('drag-100k <= 4 ms', f['drag-100k-ms'] <= 4.0)
    # Issue #19: the Insights panel adds nothing to an edit (it computes its
    # figures, insights-100k-ms, once after a burst of edits), and an edit
    # of a giant map stays within the drag target with the panel shown (the
    # layout places again only the cells an edit touched). The panel
    # computes in slices when the main loop is idle: none of them may hold
    # an edit or a frame up for longer than the drag target either.
    report.target('edit-insights-100k <= 1.5x edit-100k',
                  f['edit-insights-100k-ms'] <= 1.5 * f['edit-100k-ms'])
    report.target('edit-insights-100k <= 4 ms', f['edit-insights-100k-ms'] <= 4.0)
    report.target('insights-slice-100k <= 4 ms', f['insights-slice-100k-ms'] <= 4.0)
    report.target('export-png <= 0.5x rsvg-convert', max(export_ratios) <= 0.5)
    # Issue #21: the GTK-only baseline is retired as a target (its figure
    # is still printed); the app is held against a libadwaita window and
    # GNOME Text Editor opening the same file.
    report.target('startup <= 1.5x libadwaita window', f['startup-vs-adw-ratio'] <= 1.5)
    report.target('startup <= 1.0x GNOME Text Editor',
                  f['startup-vs-gte-ratio'] <= 1.0 if 'startup-vs-gte-ratio' in f else None)
    report.target('check-100k <= 1.5x xmllint', f['check-100k-ratio'] <= 1.5)
    report.target('open-100k-first-frame <= 2.0x xmllint', f['open-100k-ratio'] <= 2.0)
    report.target('open-100k-rss <= 3x the document (load-100k-rss)',
                  f['open-100k-rss-mb'] <= 3.0 * f['load-100k-rss-mb'])

    return 1 if report.failures else 0


if __name__ == '__main__':
    sys.exit(main())
