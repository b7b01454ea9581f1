#!/usr/bin/env python3
"""Per-call native leak of an ND4J op, by allocation stack, from two jemalloc leak profiles.

Usage: leak_by_stack.py CALLS_A BYTES_A OBJECTS_A CALLS_B BYTES_B OBJECTS_B
where BYTES_x / OBJECTS_x are `jeprof --collapsed [--inuse_objects]` outputs of the final heap dump of a run
with CALLS_x calls. Only stacks that pass through sd::ops::DeclarableOp::execute (allocations made while a
libnd4j op executes) are counted; the profile of the JVM itself and of allocations still awaiting Java GC
(OpContext, the context's input/output NDArray wrappers) are left out. Frames are printed from the op's
validateAndExecute down to the allocator, argument lists cut.
"""
import collections
import re
import sys


def load(path):
    stacks = collections.Counter()
    with open(path) as f:
        for line in f:
            stack, value = line.rstrip('\n').rsplit(' ', 1)
            stacks[stack] += int(value)
    return stacks


def short(frame):
    frame = re.sub(r'<[0-9a-f]+>$', '', frame)
    return re.sub(r'\(.*\)( const)?$', '', frame)


def key(stack):
    frames = [short(f) for f in stack.split(';')]
    if 'sd::ops::DeclarableOp::execute' not in frames:
        return None
    start = frames.index('sd::ops::DeclarableOp::execute') + 1
    return ' <- '.join(reversed(frames[start:]))


def main(argv):
    calls_a, calls_b = int(argv[1]), int(argv[4])
    bytes_a, objs_a, bytes_b, objs_b = (load(p) for p in (argv[2], argv[3], argv[5], argv[6]))
    table = collections.defaultdict(lambda: [0, 0])
    for stacks, objs, sign in ((bytes_a, objs_a, -1), (bytes_b, objs_b, 1)):
        for stack, value in stacks.items():
            k = key(stack)
            if k is not None:
                table[k][0] += sign * value
                table[k][1] += sign * objs.get(stack, 0)
    n = calls_b - calls_a
    total_b = sum(v[0] for v in table.values()) / n
    total_o = sum(v[1] for v in table.values()) / n
    print('leak per call inside op execution: %.0f bytes, %.1f objects' % (total_b, total_o))
    for k, (b, o) in sorted(table.items(), key=lambda kv: -abs(kv[1][0])):
        if abs(b) / n >= 1:
            print('%9.0f B/call %7.1f obj/call  %s' % (b / n, o / n, k))


if __name__ == '__main__':
    main(sys.argv)
