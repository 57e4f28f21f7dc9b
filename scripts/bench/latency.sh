#!/usr/bin/env bash
# Latency of 'explain pod/NAME' through the launcher against a local API server, side by side in the
# same run with the runbook's kubectl sequence for the same pod; ratio of medians.
#   scripts/bench/latency.sh            (RUNS=15 by default; AOT_JDK=DIR picks the JDK 25 for the AOT variant)
# Writes target/bench/latency.json (and the raw hyperfine export target/bench/latency-hyperfine.json).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"
need hyperfine "apt-get install hyperfine"
need kubectl "the runbook's sequence is the baseline"
runs="${RUNS:-15}"
prepare
trap stop_server EXIT
start_server 1000 100 latency
launcher="$root/scripts/injector-doctor"
args=(explain "pod/$pod" -n "$ns" --kubeconfig "$kubeconfig")
names=("kubectl sequence (4 commands)" "injector-doctor (launcher default)" "injector-doctor, JDK on PATH + CDS archive"
  "injector-doctor, no archive")
cmds=("$here/kubectl-sequence.sh $kubeconfig $ns $pod" "$launcher ${args[*]}" "env INJECTOR_DOCTOR_STARTUP=cds $launcher ${args[*]}"
  "env INJECTOR_DOCTOR_STARTUP=none $launcher ${args[*]}")
if [ -f "$root/target/injector-doctor.aot" ]; then
  names+=("injector-doctor, JDK 25 + AOT cache")
  cmds+=("env INJECTOR_DOCTOR_STARTUP=aot $launcher ${args[*]}")
fi
# One run of each first: the requests each sends, and kubectl's discovery cache warmed as on a workstation.
reqs=()
for c in "${cmds[@]}"; do
  before="$(requests)"
  rc=0
  $c >"$out/latency-last.out" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench: '$c' failed with exit $rc:" >&2
    head -5 "$out/latency-last.out" >&2
    exit 70
  fi
  reqs+=("$(( $(requests) - before ))")
done
load_before="$(machine)"
hargs=()
for i in "${!cmds[@]}"; do hargs+=(-n "${names[$i]}" "${cmds[$i]}"); done
hyperfine -N -i -w 2 -r "$runs" --export-json "$out/latency-hyperfine.json" "${hargs[@]}" >&2
load_after="$(machine)"
python3 - "$out" "$load_before" "$load_after" "${reqs[*]}" "$pod" "$ns" <<'PY'
import json, sys
out, before, after, reqs, pod, ns = sys.argv[1:7]
reqs = [int(r) for r in reqs.split()]
h = json.load(open(out + "/latency-hyperfine.json"))["results"]
base = h[0]["median"]
rows = []
for r, n in zip(h, reqs):
    rows.append({"command": r["command"], "medianSeconds": round(r["median"], 3), "meanSeconds": round(r["mean"], 3),
                 "stddevSeconds": round(r["stddev"], 3), "minSeconds": round(r["min"], 3), "maxSeconds": round(r["max"], 3),
                 "userSeconds": round(r["user"], 3), "systemSeconds": round(r["system"], 3), "runs": len(r["times"]),
                 "requests": n, "ratioToKubectl": round(r["median"] / base, 2)})
tool = rows[1]
result = {"benchmark": "latency", "subject": f"explain pod/{pod} -n {ns}",
          "machineBefore": json.loads(before), "machineAfter": json.loads(after), "results": rows,
          "targets": {"ratioAtMost3": {"measured": tool["ratioToKubectl"], "met": tool["ratioToKubectl"] <= 3},
                      "medianUnder0.6s": {"measured": tool["medianSeconds"], "met": tool["medianSeconds"] < 0.6}}}
json.dump(result, open(out + "/latency.json", "w"), indent=2)
print(f"{'command':48} {'median s':>9} {'mean s':>8} {'± s':>6} {'user s':>7} {'reqs':>5} {'× kubectl':>9}")
for r in rows:
    print(f"{r['command']:48} {r['medianSeconds']:9.3f} {r['meanSeconds']:8.3f} {r['stddevSeconds']:6.3f} "
          f"{r['userSeconds']:7.3f} {r['requests']:5d} {r['ratioToKubectl']:9.2f}")
t = result["targets"]
print(f"targets: ratio {t['ratioAtMost3']['measured']} (≤ 3: {'met' if t['ratioAtMost3']['met'] else 'MISSED'}), "
      f"median {t['medianUnder0.6s']['measured']} s (< 0.6 s: {'met' if t['medianUnder0.6s']['met'] else 'MISSED'})")
print(f"load average before {result['machineBefore']['loadAverage']}, after {result['machineAfter']['loadAverage']}"
      f" on {result['machineBefore']['nproc']} cores; written {out}/latency.json")
PY
