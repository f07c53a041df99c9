#!/usr/bin/env bash
# Reproduce the parsing pipeline shipped in kg/models/en_stancegraph_parse from the English Web
# Treebank (Universal Dependencies, CC BY-SA 4.0): tagger (Penn tags), dependency parser and
# edit-tree lemmatizer on one small CNN tok2vec, no vectors, no download.
#
#   bash training/train_pipeline.sh PATH/TO/en_ewt [WORK_DIR]
#
# PATH/TO/en_ewt holds en_ewt-ud-{train,dev,test}.conllu. The trained pipeline is copied into
# the package, and its scores on the treebank's test file are written next to it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ewt="$(cd "${1:?usage: train_pipeline.sh PATH/TO/en_ewt [WORK_DIR]}" && pwd)"
work="${2:-$(mktemp -d)}"
python="${PYTHON:-$here/../.venv/bin/python}"
target="$here/../kg/models/en_stancegraph_parse"

mkdir -p "$work/corpus"
for split in train dev test; do
  "$python" -m spacy convert "$ewt/en_ewt-ud-$split.conllu" "$work/corpus" --converter conllu -n 1
done
"$python" -m spacy train "$here/pipeline.cfg" --output "$work/out" \
  --paths.train "$work/corpus/en_ewt-ud-train.spacy" --paths.dev "$work/corpus/en_ewt-ud-dev.spacy" \
  --nlp.lang en
"$python" -m spacy evaluate "$work/out/model-best" "$work/corpus/en_ewt-ud-test.spacy" \
  --output "$work/test-scores.json"
"$python" "$here/package_pipeline.py" "$work/out/model-best" "$work/test-scores.json" "$target"
