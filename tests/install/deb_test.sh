#!/usr/bin/env bash
# Builds the .deb with CPack from the build tree and checks it: package metadata and declared
# runtime dependencies, the files it installs, that dpkg would install it on this system (a dry
# run: nothing is installed), and that the unpacked tools run.
#
# Usage: deb_test.sh BINARY_DIR
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$bin" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/*.deb 2>/dev/null | head -n1)
[[ -n $deb ]] || fail "cpack made no .deb"

info=$(dpkg-deb -I "$deb")
grep -q '^ Package: ec2-toolkit$' <<<"$info" || fail "package name: $info"
depends=$(dpkg-deb -f "$deb" Depends)
depend_names=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//')
for lib in libc6 libstdc++6 libcurl4 libssl3 libpugixml1v5 libfmt9 libyaml-cpp0.7 openssh-client; do
  grep -qxF "$lib" <<<"$depend_names" || fail "Depends lacks $lib: $depends"
done

contents=$(dpkg-deb -c "$deb" | sed -E 's/ -> .*//' | awk '{print $NF}')
for path in '\./usr/bin/ec2$' '\./usr/bin/ec2-inventory$' '\./usr/bin/ec2-emulator$' \
            '\./usr/share/man/man1/ec2(-inventory|-emulator)?\.1' '\./usr/share/bash-completion/completions/ec2$' \
            '\./usr/include/ec2/client\.h$' '\./usr/lib/.*libec2\.so$' '\./usr/lib/.*libec2\.a$' \
            '\./usr/lib/(.*/)?cmake/ec2/ec2Config\.cmake$' '\./usr/lib/(.*/)?pkgconfig/ec2\.pc$'; do
  grep -qE "$path" <<<"$contents" || fail "not in the package: $path"
done
if grep -qE '/(tests?|build)/|_test$' <<<"$contents"; then fail "test files in the package"; fi

dpkg --dry-run -i "$deb" >"$work/dry-run.log" 2>&1 || { cat "$work/dry-run.log"; fail "dpkg would not install it"; }

dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/ec2" --version | grep -q '^ec2 ' || fail "unpacked ec2 does not run"
"$work/root/usr/bin/ec2-inventory" --version >/dev/null || fail "unpacked ec2-inventory does not run"
"$work/root/usr/bin/ec2-emulator" --help >/dev/null || fail "unpacked ec2-emulator does not run"
# The pkg-config file is relocatable: unpacked elsewhere, it points into the unpacked tree.
pc_dir=$(dirname "$(find "$work/root" -name ec2.pc | head -n1)")
[[ $(PKG_CONFIG_PATH=$pc_dir pkg-config --variable=includedir ec2) -ef $work/root/usr/include ]] \
  || fail "ec2.pc does not point at the package's headers: $(PKG_CONFIG_PATH=$pc_dir pkg-config --variable=includedir ec2)"
echo "deb: $(basename "$deb") ok"
