#!/usr/bin/env bash
# One-time setup of an InfluxDB 2.x instance for EdgeCredit with the `influx` CLI (2.7).
# NOT RUN HERE: no InfluxDB 2.x server can be installed on the development machines (see README.md).
#   INFLUX_HOST=https://influxdb.example.internal:8086 ADMIN_PASSWORD=... ./setup.sh
# Prints the collector's write-only token and Grafana's read-only token once; store them in your secret store.
set -euo pipefail
cd "$(dirname "$0")"
: "${INFLUX_HOST:=http://localhost:8086}"
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD (at least 16 characters)}"
ORG=edgecredit
RAW=edgecredit
HOURLY=edgecredit_hourly
export INFLUX_HOST

# 1. Initial user, organization and the raw bucket (per-minute signals, kept 400 days like the collector's
#    Ingest:MaxSignalAge). Creates the operator (all-access) token; keep it offline.
influx setup --force --org "$ORG" --bucket "$RAW" --retention 400d --username admin --password "$ADMIN_PASSWORD"

# 2. The long-term bucket for hourly roll-ups (10 years) and the task that fills it.
influx bucket create --org "$ORG" --name "$HOURLY" --retention 3650d
influx task create --org "$ORG" --file downsample-hourly.flux

RAW_ID=$(influx bucket list --org "$ORG" --name "$RAW" --hide-headers | cut -f1)
HOURLY_ID=$(influx bucket list --org "$ORG" --name "$HOURLY" --hide-headers | cut -f1)

# 3. The collector's token: write to the raw bucket, nothing else (it cannot read, delete or create).
echo "collector token (TimeSeries:Token):"
influx auth create --org "$ORG" --write-bucket "$RAW_ID" --description "edgecredit-collector (write only)" --hide-headers | cut -f3

# 4. Grafana's token: read both buckets, nothing else.
echo "grafana token:"
influx auth create --org "$ORG" --read-bucket "$RAW_ID" --read-bucket "$HOURLY_ID" --description "grafana (read only)" --hide-headers | cut -f3
