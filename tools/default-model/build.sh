#!/usr/bin/env bash
# Rebuilds the default model in data/models/default from scratch, reproducibly (seeded):
# corpus (tools/corpus) -> byte-level BPE tokenizer -> text pretraining -> chat stage.
# Long on two cores: rerun with RESUME=1 to continue after a stop (each stage checkpoints).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=artifacts/default-model
mkdir -p "$work"
ab() { dotnet src/AssistantBuilder.Cli/bin/Release/net10.0/ab.dll "$@"; }
dotnet build -c Release src/AssistantBuilder.Cli >/dev/null

[[ -f artifacts/corpus/pretrain.txt ]] || bash tools/corpus/build-corpus.sh
[[ -f artifacts/corpus/chat.jsonl ]] || dotnet run tools/corpus/make-chat.cs -- --out artifacts/corpus/chat.jsonl --count 12000 --seed 42
[[ -f "$work/tokenizer/tokenizer.json" ]] || ab tokenizer train --corpus artifacts/corpus/pretrain.txt \
  --vocab-size 4096 --out "$work/tokenizer"

ab pretrain --config tools/default-model/config.json --tokenizer "$work/tokenizer" \
  --corpus artifacts/corpus/pretrain.txt --chat artifacts/corpus/chat.jsonl --out "$work/model" \
  --seq-len 256 --epochs "${EPOCHS:-2}" --chat-epochs 2 --batch-size 16 --learning-rate 1e-3 --chat-learning-rate 3e-4 \
  --seed 42 --save-every 100 ${RESUME:+--resume} --json | tee -a "$work/train.jsonl"

mkdir -p data/models/default
cp "$work"/model/{config.json,model.safetensors,tokenizer.json,tokenizer_config.json,generation_config.json} data/models/default/
[[ -f "$work/model/special_tokens_map.json" ]] && cp "$work/model/special_tokens_map.json" data/models/default/
echo "default model written to data/models/default; update its README.md (model card) with the figures in $work/train.jsonl"
