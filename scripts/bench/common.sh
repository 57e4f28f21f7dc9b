# Shared by the benchmarks: build, the test class path, the bench API server. Sourced, not run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/target/bench"
mkdir -p "$out"
# A JDK 25 or later for the AOT-cache variant; empty when there is none.
aot_jdk="${AOT_JDK:-}"
if [ -z "$aot_jdk" ]; then
  for d in /usr/lib/jvm/temurin-2[5-9]-jdk-amd64 /usr/lib/jvm/java-2[5-9]-openjdk-amd64; do
    if [ -x "$d/bin/java" ]; then aot_jdk="$d"; break; fi
  done
fi

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is needed ($2)" >&2; exit 69; }
}

# Builds the jar with its start-up archives (and the AOT cache when a JDK 25 is at hand) and the test classes.
prepare() {
  need mvn "to build"
  need python3 "to summarise the results"
  echo "bench: building (mvn package, test classes, class path)..." >&2
  local aot_flag=()
  [ -n "$aot_jdk" ] && aot_flag=("-Daot.jdk=$aot_jdk")
  (cd "$root" && mvn -B -q ${MVN_FLAGS:-} -DskipTests "${aot_flag[@]}" package >&2 \
    && mvn -B -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test \
         -Dmdep.outputFile="$out/test.classpath" >&2)
  cp="$root/target/test-classes:$root/target/classes:$(cat "$out/test.classpath")"
}

# start_server PODS NAMESPACES NAME: starts the bench API server; sets server_dir, server_pid, port, pod, ns.
start_server() {
  server_dir="$out/server-$3"
  rm -rf "$server_dir"
  mkdir -p "$server_dir"
  java -Xmx4g -cp "$cp" io.injectordoctor.bench.BenchServer "$1" "$2" "$server_dir" >"$server_dir/log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do
    [ -f "$server_dir/server.json" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "bench: server failed, see $server_dir/log" >&2; exit 70; fi
    sleep 0.5
  done
  [ -f "$server_dir/server.json" ] || { echo "bench: server not ready after 300 s" >&2; exit 70; }
  port="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["port"])' "$server_dir/server.json")"
  pod="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["samplePod"])' "$server_dir/server.json")"
  ns="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sampleNamespace"])' "$server_dir/server.json")"
  kubeconfig="$server_dir/kubeconfig"
}

stop_server() {
  if [ -n "${server_pid:-}" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# Requests the server has answered so far (the counter itself is not counted).
requests() {
  python3 -c 'import json,sys,urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1]))["requests"])' \
    "http://127.0.0.1:$port/_bench/requests"
}

machine() {
  python3 - "$@" <<'PY'
import json, os, subprocess, sys
def run(*a):
    try:
        return subprocess.run(a, capture_output=True, text=True).stderr.strip().splitlines()[0]
    except Exception:
        return None
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
print(json.dumps({"nproc": os.cpu_count(), "memTotalMiB": int(mem) // 1024,
                  "loadAverage": open("/proc/loadavg").read().split()[:3],
                  "java": run("java", "-version")}))
PY
}
