#!/usr/bin/env bash
# ab bench http in one command: starts the web app (already built, $CONFIG: Release by default) on a fresh data
# directory at 127.0.0.1:$PORT, signs in, creates the assistant "bench-bot" on the shipped default model and an API
# key, runs `ab bench http` with the arguments given (after --url/--key/--model), then stops the app.
#   dotnet build -c Release src/AssistantBuilder.Web
#   tools/bench/http.sh --concurrency 1,4,8,16 --tokens 64 --rounds 3
#   tools/bench/http.sh --concurrency 1 --tokens 64 --rounds 10 --temperature 0 --ignore-eos   # fixed length, vs ab bench serve
#   WARMUP="--concurrency 8 --tokens 64 --rounds 24 --ignore-eos" tools/bench/http.sh ...   # an unmeasured run first, then wait for an idle app
#     (the runtime promotes a method to tier 1 only after it has been called: the warm-up has to be long enough to
#     call the hot paths past that, 24 rounds here; an idle wait alone does not do it)
#   GENERATION='{"temperature":0.7,"topP":1,"maxTokens":256,"repetitionPenalty":1}' tools/bench/http.sh ...   # the assistant's settings
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIG=${CONFIG:-Release}
PORT=${PORT:-5187}
B=http://127.0.0.1:$PORT
DATA=$(mktemp -d /tmp/ab-bench-http.XXXXXX)
J=$DATA/cookies
APP=${APP:-src/AssistantBuilder.Web/bin/$CONFIG/net10.0/AssistantBuilder.Web.dll}   # APP/AB: another build, for A/B runs
AB=${AB:-src/AssistantBuilder.Cli/bin/$CONFIG/net10.0/ab.dll}
[[ -f $APP && -f $AB ]] || { echo "build first: dotnet build -c $CONFIG src/AssistantBuilder.Web" >&2; exit 2; }
Operator__Email=bench@example.com Operator__Password='bench password 123' ASPNETCORE_CONTENTROOT="$PWD/src/AssistantBuilder.Web" \
  dotnet "$APP" --urls "$B" --data-dir "$DATA" >"$DATA/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 120); do curl -sf -o /dev/null "$B/api/account/me" -b "$J" && break; curl -s -o /dev/null "$B" && break; sleep 1; done
curl -sf -c "$J" -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"bench password 123"}' "$B/api/account/login" >/dev/null
MODEL=$(curl -sf -b "$J" "$B/api/models" | python3 -c "import json,sys; print([m['id'] for m in json.load(sys.stdin) if m['name']=='default'][0])")
curl -sf -b "$J" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench-bot\",\"baseModelId\":\"$MODEL\",\"systemPrompt\":\"You are a helpful shop assistant.\"${GENERATION:+,\"generation\":$GENERATION}}" "$B/api/assistants" >/dev/null
KEY=$(curl -sf -b "$J" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$B/api/api-keys" | python3 -c "import json,sys; print(json.load(sys.stdin)['key'])")
if [[ -n ${WARMUP:-} ]]; then
  # An unmeasured run first (WARMUP holds its ab bench http arguments), then wait until the app is idle: for a minute
  # or more after start the runtime recompiles the app's hot methods at tier 1 on a background thread (tens of
  # seconds of CPU on 2 cores), which would otherwise compete with the measured requests.
  dotnet "$AB" bench http --url "$B" --key "$KEY" --model bench-bot $WARMUP >/dev/null
  for _ in $(seq 120); do
    T0=$(awk '{print $14 + $15}' "/proc/$PID/stat"); sleep 2; T1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    (( (T1 - T0) * 1000 / $(getconf CLK_TCK) < 100 )) && break   # under 5 % of a core over 2 s
  done
fi
echo "load average: $(cat /proc/loadavg)"
BEFORE=$(awk '{print $14 + $15}' "/proc/$PID/stat")
TIMEFORMAT="load generator (ab bench http) CPU: user %U s + system %S s, wall %R s"
time dotnet "$AB" bench http --url "$B" --key "$KEY" --model bench-bot "$@"
AFTER=$(awk '{print $14 + $15}' "/proc/$PID/stat")
echo "app CPU during the bench (warm-up request included): $(( (AFTER - BEFORE) * 1000 / $(getconf CLK_TCK) )) ms"
echo "load average: $(cat /proc/loadavg)"
