#!/usr/bin/env bash
# Whole-cluster audits over generated clusters (1,000 namespaces; 1,000, 10,000 and 50,000 pods):
# wall time, peak RSS, API requests (counted at the server), and growth, with a 256 MiB heap throughout.
#   scripts/bench/scale.sh          (SIZES="1000 10000 50000", RUNS=3, HEAP=-Xmx256m, COMMANDS="explain check" by default)
# Writes target/bench/scale.json.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 69; }
sizes="${SIZES:-1000 10000 50000}"
runs="${RUNS:-3}"
heap="${HEAP:--Xmx256m}"
# Which commands to measure: "explain", "check" or both.
only="${COMMANDS:-explain check}"
# A size that fails with the heap above is run once more with this one, to show what it needs.
retry_heap="${RETRY_HEAP:--Xmx1g}"
prepare
trap stop_server EXIT
launcher="$root/scripts/injector-doctor"
has_check=no
if "$launcher" --help 2>/dev/null | grep -qE "^ +check( |$)"; then has_check=yes; fi
rows="$out/scale-rows.jsonl"
: >"$rows"
for n in $sizes; do
  start_server "$n" 1000 "scale-$n"
  commands=()
  [[ " $only " == *" explain "* ]] && commands+=("explain pods -A")
  [[ " $only " == *" check "* ]] && [ "$has_check" = yes ] && commands+=("check")
  for c in "${commands[@]}"; do
    failed=no
    for r in $(seq "$runs") retry; do
      h="$heap"
      if [ "$r" = retry ]; then
        [ "$failed" = yes ] || break
        h="$retry_heap"
      fi
      before="$(requests)"
      rc=0
      INJECTOR_DOCTOR_JAVA_OPTS="$h" /usr/bin/time -v -o "$out/scale-time.txt" \
        "$launcher" $c --kubeconfig "$kubeconfig" >"$out/scale-last.out" 2>"$out/scale-last.err" || rc=$?
      sent=$(( $(requests) - before ))
      # Exit 1 is "findings"; anything on stderr that is not ours (an OutOfMemoryError exits 1 too) is a failure.
      error="$(grep -m1 -E 'Exception|Error|^error:' "$out/scale-last.err" || true)"
      if [ -n "$error" ] || [ "$rc" -gt 1 ]; then
        failed=yes
        echo "bench: '$c' over $n pods with $h failed (exit $rc): $error" >&2
      fi
      python3 - "$n" "$c" "$r" "$rc" "$sent" "$out/scale-time.txt" "$out/scale-last.out" "$h" "$error" >>"$rows" <<'PY'
import json, sys
n, cmd, run, rc, sent, timef, outf, heap, error = sys.argv[1:10]
t = {}
for line in open(timef):
    k, _, v = line.strip().rpartition(": ")
    t[k] = v
wall = t["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
secs = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall)))
# The summary line: "N pods: ..." for explain, "N checks: ..." for check.
lines = [l for l in open(outf).read().splitlines() if l.strip()]
last = [l for l in lines if " pods: " in l or " checks: " in l][-1:] or lines[-1:] or [""]
print(json.dumps({"pods": int(n), "command": cmd, "run": run, "heap": heap, "completed": not error, "error": error or None,
                  "exitCode": int(rc), "requests": int(sent),
                  "wallSeconds": round(secs, 2), "userSeconds": float(t["User time (seconds)"]),
                  "systemSeconds": float(t["System time (seconds)"]),
                  "peakRssMiB": round(int(t["Maximum resident set size (kbytes)"]) / 1024, 1), "summary": last[0]}))
PY
      echo "bench: $c, $n pods, run $r: $(tail -1 "$rows")" >&2
    done
  done
  stop_server
done
python3 - "$out" "$has_check" "$heap" "$(machine)" <<'PY'
import json, statistics, sys
out, has_check, heap, machine = sys.argv[1:5]
rows = [json.loads(l) for l in open(out + "/scale-rows.jsonl")]
summary = []
for cmd in sorted({r["command"] for r in rows}):
    prev = None
    for n in sorted({r["pods"] for r in rows if r["command"] == cmd}):
        rs = [r for r in rows if r["command"] == cmd and r["pods"] == n and r["heap"] == heap]
        retry = [r for r in rows if r["command"] == cmd and r["pods"] == n and r["heap"] != heap]
        s = {"command": cmd, "pods": n, "runs": len(rs), "completed": sum(r["completed"] for r in rs),
             "errors": sorted({r["error"] for r in rs if r["error"]}),
             "retry": retry[0] if retry else None,
             "medianWallSeconds": statistics.median(r["wallSeconds"] for r in rs),
             "medianCpuSeconds": round(statistics.median(r["userSeconds"] + r["systemSeconds"] for r in rs), 2),
             "maxPeakRssMiB": max(r["peakRssMiB"] for r in rs), "requests": rs[0]["requests"], "summary": rs[0]["summary"]}
        s["msPerThousandPods"] = round(1000 * s["medianWallSeconds"] / (n / 1000), 1)
        if prev:
            s["growth"] = {"pods": round(n / prev["pods"], 1), "wall": round(s["medianWallSeconds"] / prev["medianWallSeconds"], 2),
                           "rss": round(s["maxPeakRssMiB"] / prev["maxPeakRssMiB"], 2),
                           "requests": round(s["requests"] / prev["requests"], 2)}
        summary.append(s)
        prev = s
result = {"benchmark": "scale", "heap": heap, "namespaces": 1000, "pageSize": 500, "machine": json.loads(machine),
          "check": None if has_check == "yes" else "not available in this build (no 'check' command)",
          "summary": summary, "runs": rows}
json.dump(result, open(out + "/scale.json", "w"), indent=2)
print(f"{'command':16} {'pods':>7} {'wall s':>7} {'cpu s':>6} {'ms/1k pods':>10} {'peak RSS MiB':>12} {'requests':>8}  growth (pods → wall, RSS, requests)")
for s in summary:
    g = s.get("growth")
    gs = f"×{g['pods']} → ×{g['wall']}, ×{g['rss']}, ×{g['requests']}" if g else ""
    done = "" if s["completed"] == s["runs"] else f"  FAILED {s['runs'] - s['completed']}/{s['runs']}: {'; '.join(s['errors'])}"
    print(f"{s['command']:16} {s['pods']:7d} {s['medianWallSeconds']:7.2f} {s['medianCpuSeconds']:6.2f} "
          f"{s['msPerThousandPods']:10.1f} {s['maxPeakRssMiB']:12.1f} {s['requests']:8d}  {gs}{done}")
    if s["retry"]:
        r = s["retry"]
        print(f"{'':16} {'':7} retried with {r['heap']}: {'completed' if r['completed'] else 'FAILED'} in {r['wallSeconds']} s, "
              f"peak RSS {r['peakRssMiB']} MiB")
if has_check != "yes":
    print("check: not measured, this build has no 'check' command")
print(f"heap {heap}; load average {result['machine']['loadAverage']} on {result['machine']['nproc']} cores; written {out}/scale.json")
PY
