#!/usr/bin/env bash
# Start-up: the commands an on-call engineer runs first, whole process, side by side in the same run
# with the runbook's kubectl sequence for the same pod, over plain HTTP and over HTTPS with a token.
#   scripts/bench/startup.sh
# For each transport and each way of running the tool (a clone: scripts/injector-doctor with the
# java on the PATH and its class-data-sharing archive; the distribution: its own runtime and archive,
# when DIST=1 or target/dist holds one), wall time (median of RUNS=15 alternating runs) and classes
# loaded (-Xlog:class+load) for --version, explain pod/NAME, explain pods -A and check, against a
# local API server holding PODS=1000 pods.
# Writes target/bench/startup.json and prints its table.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/common.sh"
need kubectl "the runbook's sequence is the baseline"
runs="${RUNS:-15}"
pods="${PODS:-1000}"
if [ "${DIST:-0}" = 1 ]; then
  MVN_FLAGS="${MVN_FLAGS:-} -DskipDist=false"
else
  MVN_FLAGS="${MVN_FLAGS:-} -DskipDist=true"
fi
export MVN_FLAGS
prepare
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
start_server "$pods" 100 startup-http
servers+=("$server_pid"); http_dir="$server_dir"; http_port="$port"
server_pid=""
BENCH_TLS=1 start_server "$pods" 100 startup-https
servers+=("$server_pid"); https_dir="$server_dir"
server_pid=""
launchers=("clone=env INJECTOR_DOCTOR_STARTUP=cds $root/scripts/injector-doctor")
dist_bin="$(ls -d "$root"/target/dist/injector-doctor-*/bin/injector-doctor 2>/dev/null | head -1 || true)"
[ -n "$dist_bin" ] && launchers+=("dist=$dist_bin")
python3 - "$out" "$runs" "$pod" "$ns" "$here/kubectl-sequence.sh" "$http_dir" "$https_dir" "$http_port" \
  "$(machine)" "${launchers[@]}" <<'PY'
import json, os, statistics, subprocess, sys, time, urllib.request
out, runs, pod, ns, kseq, http_dir, https_dir, http_port, machine = sys.argv[1:10]
launchers = [l.split("=", 1) for l in sys.argv[10:]]
runs = int(runs)
transports = [("http", http_dir), ("https+token", https_dir)]

def requests():
    return json.load(urllib.request.urlopen(f"http://127.0.0.1:{http_port}/_bench/requests"))["requests"]

def commands(kubeconfig):
    return {
        "--version": ["--version"],
        "explain pod/NAME": ["explain", f"pod/{pod}", "-n", ns, "--kubeconfig", kubeconfig],
        "explain pods -A": ["explain", "pods", "-A", "--kubeconfig", kubeconfig],
        "check": ["check", "--kubeconfig", kubeconfig],
    }

def run(argv, env=None):
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    dt = time.perf_counter() - t0
    if p.returncode > 1:
        sys.exit(f"bench: {' '.join(argv)} failed with exit {p.returncode}: {p.stderr.decode()[:400]}")
    return dt

def classes(argv):
    log = os.path.join(out, "startup-classes.log")
    env = dict(os.environ, INJECTOR_DOCTOR_JAVA_OPTS=f"-Xlog:class+load:file={log}")
    run(argv, env)
    return sum(1 for line in open(log) if "class,load" in line)

rows = []
for tname, tdir in transports:
    kubeconfig = os.path.join(tdir, "kubeconfig")
    cases = [("kubectl sequence (4 commands)", "kubectl", [kseq, kubeconfig, ns, pod])]
    for lname, launcher in launchers:
        for cname, args in commands(kubeconfig).items():
            cases.append((cname, lname, launcher.split() + args))
    # Warm-up (kubectl's discovery cache, the page cache), the requests each sends, classes loaded.
    info = []
    for name, how, argv in cases:
        run(argv); run(argv)
        before = requests() if tname == "http" else None
        run(argv)
        reqs = requests() - before if before is not None else None
        info.append((reqs, classes(argv) if how != "kubectl" else None))
    times = [[] for _ in cases]
    for _ in range(runs):
        for i, (_, _, argv) in enumerate(cases):
            times[i].append(run(argv))
    base = statistics.median(times[0])
    explain = {}
    for (name, how, argv), t, (reqs, cls) in zip(cases, times, info):
        med = statistics.median(t)
        if name == "explain pod/NAME":
            explain[how] = med
        rows.append({"transport": tname, "runner": how, "command": name, "medianSeconds": round(med, 3),
                     "minSeconds": round(min(t), 3), "maxSeconds": round(max(t), 3), "runs": len(t),
                     "classesLoaded": cls, "requests": reqs, "ratioToKubectl": round(med / base, 2)})
    for r in rows:
        if r["transport"] == tname and r["command"] == "check":
            r["ratioToExplainPod"] = round(r["medianSeconds"] / explain[r["runner"]], 2)

def target(name, ok, measured):
    return {"target": name, "measured": measured, "met": bool(ok)}

targets = []
for r in rows:
    if r["runner"] == "kubectl":
        continue
    where = f"{r['runner']}, {r['transport']}"
    if r["command"] == "explain pod/NAME":
        targets.append(target(f"explain pod/NAME faster than kubectl ({where})", r["ratioToKubectl"] < 1.0, r["ratioToKubectl"]))
        targets.append(target(f"explain pod/NAME under 1,800 classes ({where})", r["classesLoaded"] < 1800, r["classesLoaded"]))
    if r["command"] == "--version" and r["transport"] == "http":
        targets.append(target(f"--version under 0.1 s ({r['runner']})", r["medianSeconds"] < 0.1, r["medianSeconds"]))
        targets.append(target(f"--version under 600 classes ({r['runner']})", r["classesLoaded"] < 600, r["classesLoaded"]))
    if r["command"] == "check":
        targets.append(target(f"check within 2x of explain pod/NAME ({where})", r["ratioToExplainPod"] <= 2.0, r["ratioToExplainPod"]))
machine_after = json.loads(subprocess.run(["python3", "-c", "import json,os;print(json.dumps({'loadAverage': open('/proc/loadavg').read().split()[:3]}))"],
                                          capture_output=True, text=True).stdout)
result = {"benchmark": "startup", "pods": int(os.environ.get("PODS", "1000")), "subject": f"pod/{pod} -n {ns}",
          "machineBefore": json.loads(machine), "machineAfter": machine_after, "results": rows, "targets": targets}
json.dump(result, open(os.path.join(out, "startup.json"), "w"), indent=2)
print(f"{'transport':12} {'runner':8} {'command':30} {'median s':>9} {'classes':>8} {'reqs':>5} {'x kubectl':>9}")
for r in rows:
    c = "" if r["classesLoaded"] is None else r["classesLoaded"]
    q = "" if r["requests"] is None else r["requests"]
    print(f"{r['transport']:12} {r['runner']:8} {r['command']:30} {r['medianSeconds']:9.3f} {c:>8} {q:>5} {r['ratioToKubectl']:9.2f}")
for t in targets:
    print(f"{'met   ' if t['met'] else 'MISSED'} {t['target']}: {t['measured']}")
print(f"load average before {result['machineBefore']['loadAverage']}, after {machine_after['loadAverage']}"
      f" on {result['machineBefore']['nproc']} cores; written {out}/startup.json")
PY
