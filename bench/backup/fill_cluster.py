#!/usr/bin/env python3
"""Writes COUNT string keys of about SIZE bytes into a cluster as fast as redis-cli --pipe takes them:
the RESP commands are generated per master (the key's slot decides, CRC16 as Redis computes it) and
piped to each master at once. Usage: fill_cluster.py COUNT SIZE CLI HOST:PORT=FIRST-LAST ..."""
import random
import subprocess
import sys


def _table() -> list:
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
        table.append(crc)
    return table


TABLE = _table()


def crc16(data: bytes) -> int:  # CRC16-CCITT (XMODEM), as Redis's keyHashSlot
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ TABLE[(crc >> 8) ^ byte]
    return crc


def main() -> None:
    count, size, cli = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    masters = []
    for spec in sys.argv[4:]:
        address, slots = spec.split("=")
        first, last = (int(s) for s in slots.split("-"))
        masters.append((address, first, last, []))
    # Values that LZF does not shrink (as real data mostly is): slices of random bytes.
    noise = random.Random(18).randbytes(size + 4096)
    table = [0] * 16384  # slot -> master index
    for index, (_, first, last, _) in enumerate(masters):
        for slot in range(first, last + 1):
            table[slot] = index
    for i in range(count):
        key = b"key:%010d" % i
        value = noise[i % 4096:i % 4096 + size]
        masters[table[crc16(key) % 16384]][3].append(
            b"*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (len(key), key, size, value))
    pipes = []
    for address, _, _, commands in masters:
        host, port = address.rsplit(":", 1)
        pipe = subprocess.Popen([cli, "-h", host, "-p", port, "--pipe"], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL)
        pipes.append((pipe, b"".join(commands)))
    for pipe, data in pipes:
        pipe.stdin.write(data)
        pipe.stdin.close()
    if any(pipe.wait() != 0 for pipe, _ in pipes):
        sys.exit("redis-cli --pipe failed")


if __name__ == "__main__":
    main()
