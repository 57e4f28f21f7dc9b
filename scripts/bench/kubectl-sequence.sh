#!/usr/bin/env bash
# The runbook's own diagnosis of one pod, as an on-call engineer types it: KUBECONFIG NAMESPACE POD.
set -euo pipefail
k=(kubectl --kubeconfig "$1")
"${k[@]}" get pod "$3" -n "$2" -o yaml >/dev/null
"${k[@]}" get namespace "$2" --show-labels >/dev/null
"${k[@]}" get mutatingwebhookconfiguration -o yaml >/dev/null
"${k[@]}" -n istio-system get configmap istio-sidecar-injector -o jsonpath='{.data.config}' >/dev/null
