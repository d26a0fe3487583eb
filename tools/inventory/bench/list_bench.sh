#!/usr/bin/env bash
# Times `ec2-inventory --list` (ec2.ini mode, cache off) on an emulated fleet and reports wall time
# and peak memory (max RSS), next to `ansible-inventory --list` running the same executable.
#   tools/inventory/bench/list_bench.sh BUILD_DIR [INSTANCES] [REGIONS]
set -euo pipefail

build=${1:?usage: list_bench.sh BUILD_DIR [INSTANCES] [REGIONS]}
instances=${2:-10000}
regions=${3:-us-east-1,us-west-2,eu-west-1,ap-southeast-1}
emulator="${EC2_EMULATOR_BIN:-$build/tools/emulator/ec2-emulator}"
inventory="$build/tools/inventory/ec2-inventory"

work=$(mktemp -d)
emulator_pid=
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$emulator" --host 127.0.0.1 --port 0 --port-file "$work/port" \
  --seed-instances "$instances" --seed-regions "$regions" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

cat >"$work/ec2.ini" <<INI
[ec2]
regions = $regions
vpc_destination_variable = private_ip_address
all_instances = True
cache_max_age = 0
INI

export HOME="$work" EC2_INI_PATH="$work/ec2.ini" AWS_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
  AWS_ENDPOINT_URL="http://127.0.0.1:$port" ANSIBLE_INVENTORY_ENABLED=script

measure() {  # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out.json"
  read -r seconds kib <"$work/time"
  hosts=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["_meta"]["hostvars"]))' "$work/out.json")
  printf '%-28s %8.2f s %10d KiB peak RSS %8d hosts\n' "$label" "$seconds" "$kib" "$hosts"
}

echo "fleet: $instances instances over $regions"
measure "ec2-inventory --list" "$inventory" --list
measure "ansible-inventory (script)" /usr/bin/ansible-inventory -i "$inventory" --list
