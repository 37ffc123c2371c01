#!/usr/bin/env bash
# Train one spaCy pipeline single-threaded: train_one.sh CONFIG OUTDIR TRAIN DEV [overrides...]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cfg=$1 out=$2 train=$3 dev=$4; shift 4
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
exec "${PYTHON:-python}" -m spacy train "$cfg" --output "$out" \
  --code "$REPO/src/warta/language/tokenizer.py" \
  --paths.train "$train" --paths.dev "$dev" "$@"
