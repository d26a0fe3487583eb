#!/usr/bin/env bash
# The README demo: starts ec2-emulator on a free port, gives you an instance with `ec2`, looks at
# it, lists the fleet through Ansible with ec2-inventory, peers two VPCs with the binary modules,
# then stops and removes the instance and stops the emulator. Nothing leaves this machine.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
emulator_pid=

cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; }

"$build/tools/emulator/ec2-emulator" --port 0 --port-file "$work/port" --transition-scale 0.02 \
  --seed-instances 12 --seed-regions us-east-1 2>"$work/emulator.log" &
emulator_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
endpoint="http://127.0.0.1:$(cat "$work/port")"
echo "ec2-emulator listening on $endpoint (log: emulator.log in a temp dir)"

# The emulator's documented test credentials; no personal AWS configuration is read.
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_ENDPOINT_URL_EC2="$endpoint" EC2_DEMO_ENDPOINT="$endpoint"
export EC2_KEY_DIR="$work/keys" EC2_CHECKIP_URL="$endpoint/_emulator/checkip"
: >"$AWS_CONFIG_FILE"; : >"$AWS_SHARED_CREDENTIALS_FILE"
ec2="$build/tools/ec2/ec2"

step "Create the instance for key ec2.py and wait until it is reachable" ec2
"$ec2"
step "Its public DNS name, for scripts" 'DNS=$(ec2 -i)'
DNS=$("$ec2" -i); echo "DNS=$DNS"
step "Everything about it" ec2 -i -v
"$ec2" -i -v

sed "s|@ENDPOINT@|$endpoint|" "$root/demo/demo.aws_ec2.yml.in" >"$work/demo.aws_ec2.yml"
cp "$build/tools/inventory/ec2-inventory" "$work/ec2-inventory"
export EC2_INI_PATH="$work/demo.aws_ec2.yml"
step "The fleet as Ansible sees it through ec2-inventory" ansible-inventory -i ec2-inventory --graph
ANSIBLE_INVENTORY_UNPARSED_WARNING=false /usr/bin/ansible-inventory -i "$work/ec2-inventory" --graph

step "Peer two VPCs with the ec2_vpc_net and ec2_vpc_peering modules" ansible-playbook demo/peering.yml
ANSIBLE_LIBRARY="$build/ansible/library" ANSIBLE_LOCALHOST_WARNING=false \
  ANSIBLE_INVENTORY_UNPARSED_WARNING=false ANSIBLE_NOCOLOR=1 \
  /usr/bin/ansible-playbook "$root/demo/peering.yml" | grep -E '^(TASK|ok|changed|failed|PLAY RECAP|localhost)|"msg"'

step "Stop the instance" ec2 -s
"$ec2" -s
step "Remove it, its key pair, its security group and the local key" ec2 -r
"$ec2" -r
echo; echo "Demo finished; the emulator is stopped."
