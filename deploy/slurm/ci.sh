#!/usr/bin/env bash
# Runs a sharded build on a real (one-node) Slurm cluster and checks that
# the release is byte for byte the one-machine build's, as CI does:
#
#   deploy/slurm/ci.sh [SIZE]       SIZE of the generated corpus, default 20MB
#
# As root, with Debian's slurm-wlm and munge installed (.ci/run installs
# them). It starts the cluster (deploy/slurm/cluster.sh), submits the array
# of 4 shards and the merge job after it, as README shows, and stops the
# daemons it started at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
size=${1:-20MB}
work=$(mktemp -d)
cluster=$work/cluster
trap '"$repo/deploy/slurm/cluster.sh" stop "$cluster"; rm -rf "$work"' EXIT

go build -ldflags "-X main.revision=$(git rev-parse HEAD)" -o "$work/corpus-build" ./cmd/build
go run ./cmd/gencorpus --size "$size" --out "$work/captures" >/dev/null
"$work/corpus-build" --input "$work/captures" --output "$work/single" --release v1.0.0 --quiet

eval "$(deploy/slurm/cluster.sh start "$cluster")"
export NKCORPUS_BUILD=$work/corpus-build NKCORPUS_INPUT=$work/captures NKCORPUS_OUTPUT=$work/sharded NKCORPUS_RELEASE=v1.0.0
cd "$work" # the jobs' logs go here
jid=$(sbatch --parsable --array=1-4 "$repo/deploy/slurm/shard.sbatch")
sbatch --wait --dependency="afterok:$jid" "$repo/deploy/slurm/merge.sbatch" >/dev/null
cd "$repo"
ls "$work/sharded/v1.0.0.parts"
for f in "$work/single/v1.0.0"/*; do
	cmp "$f" "$work/sharded/v1.0.0/$(basename "$f")"
done
echo "Slurm: 4 shards and the merge give the one-machine release, byte for byte ($(ls "$work/single/v1.0.0" | wc -l) files)"
