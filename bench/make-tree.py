#!/usr/bin/env python3
"""Builds the temp/ tree of bench/file-sweep.sh.

    python3 bench/make-tree.py <dir> <files> <dirs> [old_days=10]

Creates <dirs> leaf directories in groups of 100 (<dir>/gNNN/dNNNNN/) and spreads <files> files over them
(fNNNNNNN.bin, 1 to 4000 bytes). Leaf directories with an even number hold old files: their files' mtime and atime
are set <old_days> days back, and so is the directory's own mtime once it is full, so the sweep may prune it once
emptied. Odd ones hold new files (mtime now). With an even number of directories, exactly files/2 files are old
(the first files/2 go to even directories, the rest to odd ones) and dirs/2 directories can be pruned.
Prints the numbers it made.
"""
import os
import sys
import time


def main():
    root, files, dirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    old_days = float(sys.argv[4]) if len(sys.argv) > 4 else 10
    if dirs < 2 or dirs % 2 or files < dirs:
        sys.exit("need an even number of directories, at least 2, and at least as many files")
    old = time.time() - old_days * 86400
    paths = [os.path.join(root, "g%03d" % (d // 100), "d%05d" % d) for d in range(dirs)]
    for p in paths:
        os.makedirs(p, exist_ok=True)
    even = paths[0::2]
    odd = paths[1::2]
    old_files = files // 2
    blob = b"x" * 4000
    total_old_bytes = 0
    for i in range(files):
        is_old = i < old_files
        group = even if is_old else odd
        j = i if is_old else i - old_files
        d = group[j % len(group)]
        size = (i * 7919) % 4000 + 1
        name = os.path.join(d, "f%07d.bin" % i)
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, blob[:size])
        os.close(fd)
        if is_old:
            os.utime(name, (old, old))
            total_old_bytes += size
    for d in even:
        os.utime(d, (old, old))
    print("made %d files in %d directories under %s: %d old (%d bytes, %g days) in %d directories, %d new"
          % (files, dirs, root, old_files, total_old_bytes, old_days, len(even), files - old_files))


if __name__ == "__main__":
    main()
