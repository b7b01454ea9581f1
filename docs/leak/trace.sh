#!/usr/bin/env bash
# Attribute the per-call native leak of one LstmLayerLeakProbe variant to allocation stacks with jemalloc's
# leak profiler. Run from the project root after
#   apt-get install -y libjemalloc2 libjemalloc-dev   # libjemalloc-dev provides jeprof
#   mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# Usage: docs/leak/trace.sh VARIANT [CALLS_A CALLS_B [sL nOut]]   (default 50 150 32 32)
set -euo pipefail
variant=$1; a=${2:-50}; b=${3:-150}; shift $(( $# < 3 ? $# : 3 )); dims=("$@")
out=target/leak/$variant; rm -rf "$out"; mkdir -p "$out"
je=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
java_bin=$(readlink -f "$(command -v java)")
cp="target/classes:target/test-classes:$(cat target/cp.txt)"
for n in "$a" "$b"; do
  mkdir -p "$out/$n"
  OMP_NUM_THREADS=1 LD_PRELOAD=$je \
    MALLOC_CONF="prof:true,prof_leak:true,lg_prof_sample:0,prof_final:true,prof_prefix:$out/$n/jeprof" \
    java -Xmx1g -cp "$cp" io.tickcast.model.leak.LstmLayerLeakProbe "$variant" "$n" "${dims[@]}" 2> "$out/$n/stderr.txt" \
    || { tail -5 "$out/$n/stderr.txt"; exit 1; }
  heap=$(ls "$out/$n"/jeprof.*.f.heap)
  jeprof --collapsed "$java_bin" "$heap" > "$out/$n/bytes.collapsed" 2>/dev/null
  jeprof --collapsed --inuse_objects "$java_bin" "$heap" > "$out/$n/objects.collapsed" 2>/dev/null
done
python3 docs/leak/leak_by_stack.py "$a" "$out/$a/bytes.collapsed" "$out/$a/objects.collapsed" \
  "$b" "$out/$b/bytes.collapsed" "$out/$b/objects.collapsed"
