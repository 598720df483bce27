#!/usr/bin/env bash
# Prints the bin directory of a Node.js 24 taken from npm's `node-linux-<arch>` package, downloaded
# once into DIR (default: $TMPDIR/thuisroute-node24). For CI (.ci/run) and for trying the
# production start path locally:
#   PATH="$(scripts/node24.sh)":$PATH npm test
set -euo pipefail
dir=${1:-${TMPDIR:-/tmp}/thuisroute-node24}
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node24.sh: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
if [ ! -x "$dir/package/bin/node" ]; then
  mkdir -p "$dir"
  (
    cd "$dir"
    npm pack --silent --loglevel=error "node-linux-$arch@24" >/dev/null
    tar -xzf node-linux-"$arch"-*.tgz
    rm -f node-linux-"$arch"-*.tgz
  )
fi
"$dir/package/bin/node" -e 'if (process.versions.node.split(".")[0] !== "24") process.exit(1)' >&2
echo "$dir/package/bin"
