#!/usr/bin/env python3
"""Writes the bench/matrix section of bench/RESULTS.md (to stdout) from the records bench/matrix.sh keeps.

    bench/matrix_report.py RESULTS_DIR SERVER...

RESULTS_DIR/<server>/<scenario>.json holds one measurement: the benches' RESULT lines, the load average
before and after, the wall time and the server's --version. Servers without records are left out.
"""
import json
import os
import platform
import re
import statistics
import sys

# scenario file, row title, goal text, goal check (ours median, speed-up) -> bool
SCENARIOS = [
    ('create', 'create 6 nodes', '≥ 3× the cli', lambda ours, ratio: ratio is not None and ratio >= 3),
    ('recover', 'recover 6 nodes', '≤ 2.5 s', lambda ours, ratio: ours is not None and ours <= 2500),
    ('rebalance-0', 'rebalance 3→4, no keys', '≤ 1 s', lambda ours, ratio: ours is not None and ours <= 1000),
    ('rebalance-500k', 'rebalance 3→4, 500 k keys', '≤ 1.2 s and ≥ 4× the cli',
     lambda ours, ratio: ours is not None and ours <= 1200 and ratio is not None and ratio >= 4),
    ('failover', 'failover, fresh cluster', '< 2 s', lambda ours, ratio: ours is not None and ours < 2000),
]


def median(values):
    return statistics.median(values) if values else None


def ms(value):
    return '—' if value is None else f'{value:.0f}'


def joined(values, failed):
    parts = [str(v) for v in values]
    if failed:
        parts.append(f'{failed} failed')
    return ', '.join(parts) or '—'


def load_records(root, servers):
    records = {}
    for server in servers:
        for scenario, *_ in SCENARIOS:
            path = os.path.join(root, server, scenario + '.json')
            if os.path.exists(path):
                records[(server, scenario)] = json.load(open(path))
    return records


def summary(record):
    """(ours median, reference median, ratio, result) of a record's first RESULT line."""
    if not record or not record['results']:
        return None, None, None, None
    result = record['results'][0]
    ours = median(result['ours'])
    theirs = median(result['reference_times'])
    ratio = theirs / ours if ours and theirs else None
    return ours, theirs, ratio, result


def reference_label(result):
    if result['reference'] == 'cli-mesh':
        return f"{result.get('cli', 'redis-cli')} mesh"
    return result['reference']


def cell(record, check):
    ours, theirs, ratio, result = summary(record)
    if result is None:
        return 'not measured' if record is None else f"no result (exit {record['exit']})"
    total = len(result['ours']) + result['ours_failed']
    if ours is None:
        return f"ours failed ({result['ours_failed']} of {total})"
    if theirs is None:
        vs = f"{reference_label(result)}: never within {result.get('give_up_s', '?')} s"
    else:
        vs = f"{ms(theirs)} ms"
    text = f"**{ms(ours)}** vs {vs}"
    if ratio:
        text += f" ({ratio:.1f}×)"
    if result['ours_failed']:
        text += f"; {result['ours_failed']} of {total} failed"
    met = check(ours, ratio) and not result['ours_failed']
    return text + (': met' if met else ': **missed**')


def failover_profile(server_dir):
    """Per run of ours: when the last node learnt the new master and the old master's new role."""
    path = os.path.join(server_dir, 'failover.log')
    if not os.path.exists(path):
        return None
    lines = open(path, errors='replace').read().splitlines()
    profile = {'ours': [], 'cli': []}
    for i, line in enumerate(lines):
        if not line.startswith('  seen') or i + 1 >= len(lines):
            continue
        run = re.match(r'run \d+ (\S+)', lines[i + 1])
        if not run:
            continue
        promoted, demoted = [], []
        for node in line.split(': ', 1)[1].split(', '):
            times = node.split(' ')[1].split('/')
            promoted.append(None if times[0] == '-' else int(times[0]))
            demoted.append(None if times[1] == '-' else int(times[1]))
        latest = lambda values: '—' if None in values else str(max(values))
        key = 'ours' if run.group(1) == 'ours' else 'cli'
        profile[key].append(f'{latest(promoted)}/{latest(demoted)}')
    return profile


def machine():
    cpu = 'unknown CPU'
    for line in open('/proc/cpuinfo'):
        if line.startswith('model name'):
            cpu = line.split(':', 1)[1].strip()
            break
    mem_kb = int(re.search(r'MemTotal:\s+(\d+)', open('/proc/meminfo').read()).group(1))
    return f"{os.cpu_count()} CPUs ({cpu}), {mem_kb / 1048576:.1f} GiB RAM, {platform.system()} {platform.release()}"


def main():
    root, servers = sys.argv[1], sys.argv[2:]
    records = load_records(root, servers)
    servers = [s for s in servers if any(k[0] == s for k in records)]
    whens = sorted(r['when'] for r in records.values())
    loads = [float(r[key].split()[0]) for r in records.values() for key in ('load_before', 'load_after')]
    version = {s: next(r['version'] for k, r in records.items() if k[0] == s) for s in servers}
    cli = {s: next((r['results'][0].get('cli') or r['results'][0]['reference'] for k, r in records.items()
                    if k[0] == s and r['results']), 'cli') for s in servers}
    out = []
    out.append('<!-- bench/matrix begin -->')
    out.append('## The server matrix: create, recover, rebalance and failover on Redis 5.0, 6.2, 7.0 and Valkey 8')
    out.append('')
    span = whens[0] if whens[0] == whens[-1] else f"{whens[0]}–{whens[-1][11:] if whens[-1][:10] == whens[0][:10] else whens[-1]}"
    out.append(f"Measured {span} UTC by `bench/matrix.sh` on {machine()}. **The machine was "
               f"shared with other agents' builds and tests while it ran**: the 1-minute load average was "
               f"{min(loads):.1f}–{max(loads):.1f} on its {os.cpu_count()} CPUs (each measurement's load is in "
               f"its server's table), so every figure is noisier and most are slower than on a quiet machine.")
    out.append('')
    out.append('Each server runs with its own cli of the same build: ' +
               '; '.join(f"{s}: `{version[s].split(' sha=')[0]}`, {cli[s]}" for s in servers) + '.')
    out.append('Every node is a real server on its own loopback address (`cluster-node-timeout 5000`, AOF); '
               'the tools alternate which goes first; each cell is the median of the runs listed below, '
               '**ours** vs the cli, and the speed-up is cli / ours.')
    out.append('')
    out.append('| scenario | goal | ' + ' | '.join(servers) + ' |')
    out.append('|---|---|' + '---|' * len(servers))
    for scenario, title, goal, check in SCENARIOS:
        if not any((s, scenario) in records for s in servers):
            continue
        out.append(f'| {title} | {goal} | ' + ' | '.join(cell(records.get((s, scenario)), check) for s in servers) + ' |')
    out.append('| load average (1 min) | | ' + ' | '.join(
        '{:.1f}–{:.1f}'.format(*(lambda v: (min(v), max(v)))(
            [float(r[k].split()[0]) for key, r in records.items() if key[0] == s for k in ('load_before', 'load_after')]))
        for s in servers) + ' |')
    out.append('')
    out.append('What is timed: **create** from the tool\'s start until it exited and every node reports '
               '`cluster_state:ok` (ours: the `redis-cluster-studio create` process; cli: `--cluster create '
               '--cluster-replicas 1 --cluster-yes`; nodes up 3 s before). **recover**: a cluster formed, '
               'every node restarted on a new address with its data; until every node lists every peer at '
               'its new address, connected, unflagged, `cluster_state:ok` (ours: RecoverJob in-process; '
               'reference: the cli alone, one cli per node piping a MEET to every other). **rebalance**: '
               '3 masters + 3 replicas with K keys of 100 bytes, a 7th empty master joined; from the start '
               'until the tool finished (ours: RebalanceJob in-process, which also waits until every node '
               'agrees; cli: `--cluster rebalance --cluster-use-empty-masters`). **failover**: right after '
               'our create, the first replica promoted; from the command until every node lists it as a '
               'master and its old master as its replica (ours: the `redis-cluster-studio failover` process, '
               'which must also succeed; cli: `CLUSTER FAILOVER` sent to the replica, given up after 10 s).')
    for s in servers:
        out.append('')
        out.append(f"### {s} (`{version[s].split(' sha=')[0]}`, {cli[s]})")
        out.append('')
        out.append(f'| scenario | runs | ours median (ms) | {cli[s]} median (ms) | speed-up | ours (ms) | '
                   f'reference (ms) | goal | load before → after | measured (UTC) |')
        out.append('|---|---|---|---|---|---|---|---|---|---|')
        for scenario, title, goal, check in SCENARIOS:
            record = records.get((s, scenario))
            if record is None:
                continue
            ours, theirs, ratio, result = summary(record)
            if result is None:
                out.append(f"| {title} | — | no result (exit {record['exit']}) | | | | | {goal} | "
                           f"{record['load_before']} → {record['load_after']} | {record['when']} |")
                continue
            runs = len(result['ours']) + result['ours_failed']
            met = check(ours, ratio) and not result['ours_failed'] and ours is not None
            theirs_text = ms(theirs) if theirs is not None else f"never within {result.get('give_up_s', '?')} s"
            ref = '' if result['reference'] == cli[s] else f" ({reference_label(result)})"
            out.append(f"| {title} | {runs} | {ms(ours)} | {theirs_text}{ref} | "
                       f"{f'{ratio:.1f}×' if ratio else '—'} | {joined(result['ours'], result['ours_failed'])} | "
                       f"{joined(result['reference_times'], result['reference_failed'])} | "
                       f"{goal}: {'met' if met else '**missed**'} | {record['load_before']} → {record['load_after']} | "
                       f"{record['when']} |")
        profile = failover_profile(os.path.join(root, s))
        if profile and (profile['ours'] or profile['cli']):
            out.append('')
            out.append('Failover, per run, when the last node listed the new master / the old master as its '
                       f"replica (ms from the command): ours {', '.join(profile['ours']) or '—'}; "
                       f"{cli[s]} {', '.join(profile['cli']) or '—'}.")
        errors = [e for key, r in records.items() if key[0] == s for e in r.get('errors', [])]
        for result in (r['results'][0] for key, r in records.items() if key[0] == s and r['results']):
            errors += result.get('ours_errors', [])
        if errors:
            out.append('')
            out.append('Failures seen:')
            for error in dict.fromkeys(errors):
                out.append(f'    {error[:400]}')
    out.append('<!-- bench/matrix end -->')
    print('\n'.join(out))


if __name__ == '__main__':
    main()
