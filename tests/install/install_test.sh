#!/usr/bin/env bash
# Installs the build tree into a temporary prefix, checks that every installed piece is in place,
# compiles every public header alone in a consumer that sets no C++ standard, builds the
# out-of-tree example (examples/list-instances) against it through find_package and through
# pkg-config, and runs both against an emulator started from the installed ec2-emulator.
#
# Usage: install_test.sh SOURCE_DIR BINARY_DIR
set -euo pipefail
src=$1
bin=$2
work=$(mktemp -d)
emulator_pid=
cleanup() {
  if [[ -n $emulator_pid ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

prefix=$work/prefix
cmake --install "$bin" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }

libdir=$(cd "$prefix" && ls -d lib*/ | head -n1)
libdir=${libdir%/}
for path in bin/ec2 bin/ec2-inventory bin/ec2-emulator \
            share/man/man1/ec2.1 share/man/man1/ec2-inventory.1 share/man/man1/ec2-emulator.1 \
            share/bash-completion/completions/ec2 \
            share/ec2/ansible/modules/ec2_vpc_net share/ec2/ansible/modules/ec2_vpc_peering \
            include/ec2/client.h include/ec2/result.h include/ec2/ops/instances.h \
            "$libdir"/libec2.a "$libdir"/libec2.so "$libdir"/cmake/ec2/ec2Config.cmake \
            "$libdir"/cmake/ec2/ec2ConfigVersion.cmake "$libdir"/pkgconfig/ec2.pc; do
  [[ -e $prefix/$path ]] || fail "not installed: $path"
done
for tool in ec2 ec2-inventory ec2-emulator; do
  [[ -x $prefix/bin/$tool ]] || fail "not executable: bin/$tool"
done
man -l "$prefix/share/man/man1/ec2.1" >/dev/null 2>&1 || fail "ec2.1 does not render"

# Consumers set no C++ standard anywhere below: the exported targets and ec2.pc must carry C++20.
# That proves something only where the compiler's default is older, as g++ 12's (C++17) is.
default_std=$(g++ -dM -E -x c++ /dev/null | sed -n 's/^#define __cplusplus \([0-9]*\)L$/\1/p')
(( default_std < 202002 )) || fail "g++ defaults to C++20 ($default_std): the consumer checks would prove nothing"

# Every public header compiles on its own (one translation unit each, nothing else included),
# through the CMake package and through pkg-config.
mkdir -p "$work/headers/tu"
mapfile -t headers < <(cd "$prefix/include" && find ec2 -name '*.h' | sort)
(( ${#headers[@]} > 30 )) || fail "only ${#headers[@]} public headers installed"
for h in "${headers[@]}"; do
  printf '#include <%s>\n' "$h" >"$work/headers/tu/$(tr '/.' '__' <<<"$h").cc"
done
cat >"$work/headers/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(each_header LANGUAGES CXX)
find_package(ec2 REQUIRED)
file(GLOB units ${CMAKE_SOURCE_DIR}/tu/*.cc)
add_library(each_header OBJECT ${units})
target_link_libraries(each_header PRIVATE ec2::ec2)
CMAKE
cmake -S "$work/headers" -B "$work/headers/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
      >"$work/headers.log" 2>&1 || { cat "$work/headers.log"; fail "configuring the per-header project"; }
cmake --build "$work/headers/build" >>"$work/headers.log" 2>&1 \
  || { cat "$work/headers.log"; fail "a public header does not compile alone through ec2::ec2"; }

# The example, configured with nothing but the install prefix.
cmake -S "$src/examples/list-instances" -B "$work/example" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" || { cat "$work/configure.log"; fail "find_package(ec2)"; }
cmake --build "$work/example" >"$work/build.log" || { cat "$work/build.log"; fail "building the example"; }

# The same program through pkg-config, linked against the shared library.
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
[[ $(pkg-config --modversion ec2) == "$("$prefix/bin/ec2" --version | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1)" ]] \
  || fail "pkg-config version differs from ec2 --version"
for unit in "$work"/headers/tu/*.cc; do
  # shellcheck disable=SC2046
  g++ -fsyntax-only $(pkg-config --cflags ec2) "$unit" 2>"$work/pc-header.log" \
    || { cat "$work/pc-header.log"; fail "$(head -n1 "$unit") does not compile alone with pkg-config's flags"; }
done
# shellcheck disable=SC2046
g++ -o "$work/list-instances-pc" "$src/examples/list-instances/main.cc" $(pkg-config --cflags --libs ec2) \
  || fail "building the example with pkg-config"

# An emulator from the installed binary, seeded with three instances in us-east-1.
"$prefix/bin/ec2-emulator" --host 127.0.0.1 --port 0 --port-file "$work/port" \
  --seed-instances 3 --seed-regions us-east-1 >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 200); do [[ -s $work/port ]] && break; sleep 0.05; done
[[ -s $work/port ]] || { cat "$work/emulator.log"; fail "emulator did not start"; }

export HOME=$work AWS_CONFIG_FILE=$work/none AWS_SHARED_CREDENTIALS_FILE=$work/none
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL_EC2=http://127.0.0.1:$(cat "$work/port")
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_REGION AWS_ENDPOINT_URL
for program in "$work/example/list-instances" "$work/list-instances-pc"; do
  LD_LIBRARY_PATH=$prefix/$libdir "$program" >"$work/out" || fail "$program failed"
  [[ $(wc -l <"$work/out") -eq 3 ]] || { cat "$work/out"; fail "$program did not list 3 instances"; }
  grep -qE '^i-[0-9a-f]{17}	(pending|running|stopped)	[a-z0-9]+\.[a-z0-9]+	' "$work/out" \
    || { cat "$work/out"; fail "$program printed an unexpected line"; }
done
# And a clear error, not a crash, when the endpoint rejects the credentials.
if AWS_SECRET_ACCESS_KEY=wrong "$work/example/list-instances" 2>"$work/err"; then fail "wrong secret accepted"; fi
grep -q "SignatureDoesNotMatch" "$work/err" || { cat "$work/err"; fail "no SignatureDoesNotMatch in the error"; }
echo "installed tree, find_package and pkg-config example: ok"
