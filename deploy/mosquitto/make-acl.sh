#!/usr/bin/env bash
# Writes a mosquitto ACL that binds each device's certificate name to its own topic subtree.
# Usage: make-acl.sh COLLECTOR_NAME ENTERPRISE/DEVICE... > acl
# A device may publish only its own signals, status (retained, also its last will) and events; a publish
# anywhere else is denied (mosquitto 2 then drops the connection and the agent reconnects). The collector
# may read every device's topics, directly or through a shared subscription ($share/<group>/...), and
# sends each device its delivery receipts; a device reads only its own receipts.
set -euo pipefail
collector=${1:?usage: make-acl.sh COLLECTOR_NAME ENTERPRISE/DEVICE...}
shift
printf 'user %s\ntopic read edgecredit/v1/#\ntopic read $share/+/edgecredit/v1/#\ntopic write edgecredit/v1/+/+/receipts\n\n' "$collector"
for pair in "$@"; do
  enterprise=${pair%%/*}
  device=${pair#*/}
  if [ -z "$enterprise" ] || [ -z "$device" ] || [ "$enterprise" = "$pair" ]; then
    echo "make-acl.sh: '$pair' is not ENTERPRISE/DEVICE" >&2
    exit 2
  fi
  printf 'user %s\ntopic write edgecredit/v1/%s/%s/signals\ntopic readwrite edgecredit/v1/%s/%s/status\ntopic write edgecredit/v1/%s/%s/events\ntopic read edgecredit/v1/%s/%s/receipts\n\n' \
    "$device" "$enterprise" "$device" "$enterprise" "$device" "$enterprise" "$device" "$enterprise" "$device"
done
