#!/usr/bin/env python3
# Checks the JSON of `journeymap insights --format json` against the shape
# docs/insights.md documents: for the three examples and the insights
# tests' maps, in both states, every key with its type, nothing else, and
# every id naming an object of the map.
# Usage: check-insights-json.py JOURNEYMAP SOURCE_ROOT
# SPDX-FileCopyrightText: 2026 The Journeymap authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{https://journeymap.github.io/ns/jmap/1}'
NUMBER = (int, float)
NULLABLE_NUMBER = (int, float, type(None))
TEXT = (str,)
NULLABLE_TEXT = (str, type(None))
CHECKS = {'stage-without-emotion', 'unanswered-pain-point', 'moment-without-rationale',
          'persona-without-goals', 'stage-without-touchpoints'}
CHANNELS = {'none', 'web', 'email', 'store', 'phone', 'app', 'social', 'chat', 'ad', 'event', 'mail',
            'other'}
MOMENTS = {'zero', 'first', 'second', 'custom'}


class ShapeError(Exception):
    pass


def expect(cond, where, what):
    if not cond:
        raise ShapeError(f'{where}: {what}')


def check_object(value, where, keys):
    """keys: name -> tuple of types, or a function (value, where)"""
    expect(isinstance(value, dict), where, 'not an object')
    expect(set(value) == set(keys), where,
           f'keys {sorted(value)} are not the documented {sorted(keys)}')
    for key, kind in keys.items():
        inner = f'{where}.{key}'
        if callable(kind):
            kind(value[key], inner)
        else:
            # bool is an int in Python: no documented number is a bool
            expect(isinstance(value[key], kind) and not isinstance(value[key], bool), inner,
                   f'{value[key]!r} is not of type {[k.__name__ for k in kind]}')


def array_of(keys):
    def check(value, where):
        expect(isinstance(value, list), where, 'not an array')
        for i, element in enumerate(value):
            check_object(element, f'{where}[{i}]', keys)
    return check


def nullable(keys):
    def check(value, where):
        if value is not None:
            check_object(value, where, keys)
    return check


def count(value, where):
    expect(isinstance(value, int) and not isinstance(value, bool) and value >= 0, where,
           f'{value!r} is not a count')


def score(value, where):
    expect(value is None or (isinstance(value, NUMBER) and not isinstance(value, bool)
                             and -5 <= value <= 5), where, f'{value!r} is not a score or null')


def share(value, where):
    expect(value is None or (isinstance(value, NUMBER) and not isinstance(value, bool)
                             and 0 <= value <= 1), where, f'{value!r} is not a share or null')


def value(v, where):
    expect(v is None or (isinstance(v, NUMBER) and not isinstance(v, bool) and 0 <= v <= 100), where,
           f'{v!r} is not a value from 0 to 100 or null')


def effort(v, where):
    expect(v is None or (isinstance(v, NUMBER) and not isinstance(v, bool) and 1 <= v <= 5), where,
           f'{v!r} is not an effort from 1 to 5 or null')


def one_of(values, allow_null=False):
    def check(value, where):
        expect((allow_null and value is None) or value in values, where, f'{value!r} not in {sorted(values)}')
    return check


def change(value, where):
    expect(value is None or (isinstance(value, NUMBER) and not isinstance(value, bool)
                             and -10 <= value <= 10), where, f'{value!r} is not a change or null')


SHAPE = {
    'version': lambda v, w: expect(v == 1, w, f'{v!r} is not 1'),
    'title': TEXT,
    'layer': one_of({'current', 'future'}),
    'personas': array_of({
        'id': TEXT,
        'name': TEXT,
        'lowest_moment': nullable({'point': TEXT, 'stage': TEXT, 'score': score, 'label': NULLABLE_TEXT}),
    }),
    'stages': array_of({
        'id': TEXT,
        'name': TEXT,
        'pain_points': count,
        'opportunities': count,
        'touchpoints': count,
        'emotions': array_of({'persona': TEXT, 'points': count, 'mean': score, 'lowest': score,
                              'highest': score, 'share_above_zero': share}),
    }),
    'touchpoints_by_channel': array_of({'channel': one_of(CHANNELS), 'touchpoints': count}),
    'moments_of_truth': array_of({'item': TEXT, 'title': TEXT, 'stage': TEXT, 'kind': one_of(MOMENTS),
                                  'label': NULLABLE_TEXT, 'rationale': NULLABLE_TEXT}),
    'opportunities': array_of({'item': TEXT, 'title': TEXT, 'stage': TEXT, 'customer_value': value,
                               'business_value': value, 'effort': effort, 'priority': value}),
    'checks': array_of({'check': one_of(CHECKS), 'object': TEXT, 'stage': NULLABLE_TEXT,
                        'persona': NULLABLE_TEXT, 'message': TEXT}),
    'comparison': nullable({
        'stages': array_of({'stage': TEXT, 'persona': TEXT, 'current_mean': score, 'future_mean': score,
                            'change': change}),
        'pain_points_removed': array_of({'item': TEXT, 'title': TEXT, 'stage': TEXT}),
    }),
}


def check_references(data, path):
    """Every id names an object of the map, and the figures agree with each other."""
    root = ET.parse(path).getroot()
    stages = [s.get('id') for s in root.iter(NS + 'stage')]
    personas = [p.get('id') for p in root.iter(NS + 'persona')]
    items = {i.get('id') for i in root.iter(NS + 'item')}
    points = {p.get('id') for p in root.iter(NS + 'point')}
    objects = set(stages) | set(personas) | items

    expect([s['id'] for s in data['stages']] == stages, path, 'stages not in the map\'s order')
    expect([p['id'] for p in data['personas']] == personas, path, 'personas not in the map\'s order')
    for stage in data['stages']:
        expect([e['persona'] for e in stage['emotions']] == personas, stage['id'],
               'emotions not one per persona')
        for e in stage['emotions']:
            known = e['points'] > 0
            for key in ('mean', 'lowest', 'highest', 'share_above_zero'):
                expect((e[key] is not None) == known, stage['id'], f'{key} null when points are not 0')
            if known:
                expect(e['lowest'] <= e['mean'] <= e['highest'], stage['id'], 'mean not between lowest and highest')
    for persona in data['personas']:
        low = persona['lowest_moment']
        if low is not None:
            expect(low['point'] in points and low['stage'] in stages, persona['id'], 'unknown lowest moment')
    for moment in data['moments_of_truth']:
        expect(moment['item'] in items and moment['stage'] in stages, moment['item'], 'unknown moment')
    priorities = [o['priority'] for o in data['opportunities']]
    known = [p for p in priorities if p is not None]
    expect(known == sorted(known, reverse=True) and priorities[:len(known)] == known, path,
           'opportunities not by priority, the unprioritised last')
    for o in data['opportunities']:
        expect(o['item'] in items and o['stage'] in stages, o['item'], 'unknown opportunity')
        complete = None not in (o['customer_value'], o['business_value'], o['effort'])
        expect((o['priority'] is not None) == complete, o['item'], 'priority null unless all three scores are')
    for check in data['checks']:
        expect(check['object'] in objects, check['object'], 'check names an unknown object')
        expect(check['stage'] is None or check['stage'] in stages, check['object'], 'unknown stage')
        expect(check['persona'] is None or check['persona'] in personas, check['object'], 'unknown persona')
    if data['comparison'] is not None:
        for c in data['comparison']['stages']:
            expect(c['stage'] in stages and c['persona'] in personas, c['stage'], 'unknown stage or persona')
            both = c['current_mean'] is not None and c['future_mean'] is not None
            expect((c['change'] is not None) == both, c['stage'], 'change null unless both means are known')
        for r in data['comparison']['pain_points_removed']:
            expect(r['item'] in items and r['stage'] in stages, r['item'], 'unknown pain point')


def main():
    binary, root = sys.argv[1], sys.argv[2]
    maps = [os.path.join(root, 'data', 'examples', name) for name in
            ('grocery-first-order.jmap', 'hotel-guest-stay.jmap', 'saas-onboarding.jmap')]
    maps += [os.path.join(root, 'tests', 'data', 'insights', name) for name in ('small.jmap', 'complete.jmap')]
    maps += [os.path.join(root, 'tests', 'data', 'valid', 'opportunity-scores.jmap')]
    failed = 0
    n = 0
    for path in maps:
        for layer in ('current', 'future'):
            n += 1
            out = subprocess.run([binary, 'insights', '--format', 'json', '--layer', layer, path],
                                 capture_output=True, text=True, env={**os.environ, 'DISPLAY': ''})
            name = f'{os.path.basename(path)} --layer {layer}'
            try:
                expect(out.returncode == 0, name, f'exit status {out.returncode}: {out.stderr}')
                data = json.loads(out.stdout)
                check_object(data, name, SHAPE)
                expect(data['layer'] == layer, name, 'wrong layer')
                check_references(data, path)
                print(f'ok {n} - {name}')
            except (ShapeError, json.JSONDecodeError) as error:
                failed += 1
                print(f'not ok {n} - {name}: {error}')
    print(f'1..{n}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
