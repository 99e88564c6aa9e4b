#!/usr/bin/env bash
# Creates a private CA, a server certificate for the broker, and one client certificate per name.
# Usage: make-certs.sh OUT_DIR SERVER_HOST CLIENT_NAME...
#   OUT_DIR      where ca.crt, server.crt/key and <name>.crt/key are written
#   SERVER_HOST  DNS name or IP address clients connect to (both localhost and 127.0.0.1 are always included)
#   CLIENT_NAME  certificate common names: device ids (gw-01) and collector names (collector)
# For a real deployment keep ca.key offline; the tests create a throw-away CA each run.
set -euo pipefail
out=${1:?usage: make-certs.sh OUT_DIR SERVER_HOST CLIENT_NAME...}
host=${2:?usage: make-certs.sh OUT_DIR SERVER_HOST CLIENT_NAME...}
shift 2
mkdir -p "$out"
cd "$out"
days=825
if [ ! -f ca.key ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.crt \
    -days "$days" -subj "/CN=EdgeCredit test CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi
san="DNS:localhost,IP:127.0.0.1"
if [[ "$host" =~ ^[0-9.]+$ ]]; then san="$san,IP:$host"; else san="$san,DNS:$host"; fi
issue() { # name, extensions
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$1.crt" -days "$days" -extfile <(printf '%s\n' "$2") 2>/dev/null
  rm -f "$1.csr"
}
issue server "subjectAltName=$san
extendedKeyUsage=serverAuth"
for name in "$@"; do
  issue "$name" "extendedKeyUsage=clientAuth"
done
chmod 644 ./*.crt ./*.key
echo "certificates in $out: ca.crt server.crt $(printf '%s.crt ' "$@")"
