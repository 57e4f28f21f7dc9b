#!/usr/bin/env bash
# Throughput of the pure decision engine (JMH, one thread): pod evaluations per second.
#   scripts/bench/decision.sh        (JMH_ARGS to override the iteration settings)
# Writes target/bench/decision.json (JMH's own result format).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"
need mvn "to build"
need python3 "to summarise the results"
echo "bench: compiling the benchmark..." >&2
(cd "$root" && mvn -B -q ${MVN_FLAGS:-} test-compile >&2 \
  && mvn -B -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/test.classpath" >&2)
cp="$root/target/test-classes:$root/target/classes:$(cat "$out/test.classpath")"
before="$(machine)"
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main 'io.injectordoctor.bench.DecisionBenchmark' -t 1 \
  ${JMH_ARGS:--f 1 -wi 3 -w 2s -i 5 -r 2s} -rf json -rff "$out/decision.json" >&2
python3 - "$out/decision.json" "$before" "$(machine)" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))
before, after = json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"{'benchmark':18} {'pods/s (1 thread)':>18} {'± (99.9%)':>12} {'ns/pod':>8}  target > 1,000,000/s")
for r in res:
    m = r["primaryMetric"]
    name = r["benchmark"].rsplit(".", 1)[1]
    ok = "met" if m["score"] > 1_000_000 else "MISSED"
    err = m["scoreError"] if isinstance(m["scoreError"], (int, float)) else float("nan")
    print(f"{name:18} {m['score']:18,.0f} {err:12,.0f} {1e9 / m['score']:8.0f}  {ok if name == 'decide' else ''}")
print(f"JVM {res[0]['jdkVersion']} {res[0]['vmName']}; load average before {before['loadAverage']}, after "
      f"{after['loadAverage']} on {before['nproc']} cores; written {sys.argv[1]}")
PY
