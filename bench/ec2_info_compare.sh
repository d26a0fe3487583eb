#!/usr/bin/env bash
# Compares the wall time of `ec2 -i` with the same lookup (the key's owned instance → public DNS)
# done with boto3 and with /usr/bin/aws, all against one local ec2-emulator.
# Usage: bench/ec2_info_compare.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
runs=${2:-20}
ec2="$build/tools/ec2/ec2"
emulator="$build/tools/emulator/ec2-emulator"
work=$(mktemp -d)
trap 'kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$emulator" --port 0 --port-file "$work/port" --transition-scale 0 >/dev/null 2>&1 &
emu_pid=$!
for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.05; done
url="http://127.0.0.1:$(cat "$work/port")"

export HOME="$work" AWS_REGION=us-east-1 AWS_ENDPOINT_URL="$url"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export EC2_KEY_DIR="$work/keys" EC2_CHECKIP_URL="$url/_emulator/checkip" EC2_POLL_INTERVAL=0.05
"$ec2" -k bench >/dev/null

cat >"$work/lookup.py" <<'PY'
import boto3
ec2 = boto3.client("ec2")
pages = ec2.get_paginator("describe_instances").paginate(Filters=[
    {"Name": "tag:ec2:owner-key", "Values": ["bench"]},
    {"Name": "instance-state-name", "Values": ["pending", "running", "stopping", "stopped"]}])
for page in pages:
    for r in page["Reservations"]:
        for i in r["Instances"]:
            print(i.get("PublicDnsName", ""))
PY

# Mean wall time in milliseconds of running "$@" $runs times.
mean_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}

t_ec2=$(mean_ms "$ec2" -i -k bench)
t_boto3=$(mean_ms /usr/bin/python3 "$work/lookup.py")
t_aws=$(mean_ms /usr/bin/aws ec2 describe-instances \
  --filters Name=tag:ec2:owner-key,Values=bench Name=instance-state-name,Values=pending,running,stopping,stopped \
  --query 'Reservations[].Instances[].PublicDnsName' --output text)

printf '| lookup | mean wall time (ms, %d runs) | vs ec2 -i |\n|---|---|---|\n' "$runs"
printf '| `ec2 -i` | %d | 1x |\n' "$t_ec2"
printf '| boto3 | %d | %sx |\n' "$t_boto3" "$(( t_boto3 / (t_ec2 > 0 ? t_ec2 : 1) ))"
printf '| `/usr/bin/aws` | %d | %sx |\n' "$t_aws" "$(( t_aws / (t_ec2 > 0 ? t_ec2 : 1) ))"
