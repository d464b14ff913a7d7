#!/usr/bin/env python3
"""The restore benchmark's baseline: a key-by-key DUMP/RESTORE copy of one cluster into another, the way
a script or a migration tool without an RDB reader does it, pipelined in batches: SCAN every source
master, DUMP and PTTL each key, RESTORE it (TTL kept) on the target master that owns its slot.
Usage: dump_restore_copy.py SOURCE_HOST:PORT... -- TARGET_HOST:PORT=FIRST-LAST...   Prints the key count."""
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fill_cluster import crc16  # noqa: E402

BATCH = 1000


class Resp:
    def __init__(self, address: str):
        host, port = address.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)))
        self.file = self.sock.makefile("rb", buffering=1 << 20)

    def send(self, commands: list) -> None:
        out = []
        for words in commands:
            out.append(b"*%d\r\n" % len(words))
            for word in words:
                out.append(b"$%d\r\n%s\r\n" % (len(word), word))
        self.sock.sendall(b"".join(out))

    def reply(self):
        line = self.file.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            size = int(rest)
            if size < 0:
                return None
            data = self.file.read(size + 2)
            return data[:-2]
        if kind == b"*":
            return [self.reply() for _ in range(int(rest))]
        raise RuntimeError("unexpected reply %r" % line)


def main() -> None:
    split = sys.argv.index("--")
    sources = [Resp(a) for a in sys.argv[1:split]]
    targets, owner = [], [0] * 16384
    for spec in sys.argv[split + 1:]:
        address, slots = spec.split("=")
        first, last = (int(s) for s in slots.split("-"))
        targets.append(Resp(address))
        for slot in range(first, last + 1):
            owner[slot] = len(targets) - 1
    copied = 0
    for source in sources:
        cursor = b"0"
        while True:
            source.send([[b"SCAN", cursor, b"COUNT", str(BATCH).encode()]])
            cursor, keys = source.reply()
            if keys:
                source.send([w for key in keys for w in ([b"DUMP", key], [b"PTTL", key])])
                per_target = [[] for _ in targets]
                for key in keys:
                    payload, ttl = source.reply(), source.reply()
                    if payload is None:
                        continue  # gone since the SCAN
                    tag = key
                    start = key.find(b"{")
                    if start >= 0:
                        end = key.find(b"}", start + 1)
                        if end > start + 1:
                            tag = key[start + 1:end]
                    per_target[owner[crc16(tag) % 16384]].append(
                        [b"RESTORE", key, str(max(ttl, 0)).encode(), payload])
                for target, commands in zip(targets, per_target):
                    if commands:
                        target.send(commands)
                for target, commands in zip(targets, per_target):
                    for _ in commands:
                        target.reply()
                        copied += 1
            if cursor == b"0":
                break
    print(copied)


if __name__ == "__main__":
    main()
