#!/usr/bin/env bash
# Builds the self-contained distribution of injector-doctor for the platform it runs on: a jlink-ed
# runtime, the jar, a start-up archive made for that runtime, the launcher and the kubectl plugin,
# as a tarball; the krew manifest with the tarball's sha256; and the root file system of a container
# image (the runtime, the jar, the glibc files the runtime links) for Jib to turn into an image.
# Called by the `dist` execution in pom.xml (phase package); see README.md, "Install".
#
#   build.sh BASEDIR BUILD_DIR VERSION JDK MODULES BASE_URI
#
# JDK is the JDK whose jlink makes the runtime (and so the runtime's version): 17 gives a
# class-data-sharing archive, 25 or later the JDK's AOT cache.
set -euo pipefail

basedir="$1"; build="$2"; version="$3"; jdk="$4"; modules="$5"; base_uri="$6"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64; krew_os=linux; krew_arch=amd64 ;;
  Linux-aarch64) platform=linux-arm64; krew_os=linux; krew_arch=arm64 ;;
  Darwin-x86_64) platform=darwin-x64; krew_os=darwin; krew_arch=amd64 ;;
  Darwin-arm64) platform=darwin-arm64; krew_os=darwin; krew_arch=arm64 ;;
  *) echo "dist: unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

name="injector-doctor-$version-$platform"
out="$build/dist"
root="$out/$name"
image="$build/dist-image"
tarball="$build/$name.tar.gz"
rm -rf "$out" "$image" "$tarball"
mkdir -p "$root/bin" "$root/lib"

[ -x "$jdk/bin/jlink" ] || { echo "dist: no jlink in $jdk (give -Ddist.jdk=A_JDK)" >&2; exit 1; }

# 1. The runtime: only the modules the tool uses (see pom.xml, property dist.modules, for why each).
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$root/runtime"
java="$root/runtime/bin/java"
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$root/runtime/release")"

# 2. The jar, with the fixed time an image gives its files (Jib: 1970-01-01T00:00:01Z): a start-up
#    archive records the jar's time and is refused when it differs.
cp "$build/injector-doctor.jar" "$root/lib/injector-doctor.jar"
touch -d @1 "$root/lib/injector-doctor.jar"
cp "$basedir/scripts/dist/injector-doctor" "$root/bin/injector-doctor"
cp "$basedir/scripts/kubectl-injector_doctor" "$root/bin/kubectl-injector_doctor"
chmod 755 "$root/bin/injector-doctor" "$root/bin/kubectl-injector_doctor"

# 3. The start-up archive, trained by the demo's audit (API client, Jackson, decision, checks,
#    renderers) and, for JDK 17, the build's own training runs. The demo's own API server (Vert.x, Netty, the mock server) is left out of it: a real
#    cluster needs none of it.
train="$build/dist-training"
rm -rf "$train"; mkdir -p "$train"
training=(explain pods -A --demo --no-color)
if [ "$feature" -ge 25 ]; then
  # The AOT cache takes a relocated jar with the same time and size, so one cache serves the tarball
  # wherever it is unpacked, and the image.
  (cd "$train" && "$java" -XX:AOTCacheOutput="$root/lib/injector-doctor.aot" -XX:TieredStopAtLevel=1 \
    -cp "$root/lib/injector-doctor.jar" io.injectordoctor.cli.Main "${training[@]}" >training.log 2>&1) || true
else
  (cd "$train" && "$java" -XX:DumpLoadedClassList="$train/training.classlist" -XX:TieredStopAtLevel=1 \
    -cp "$root/lib/injector-doctor.jar" io.injectordoctor.cli.Main "${training[@]}" >training.log 2>&1) || true
  # With them, the lists of the build's own training (target/startup-training, made for the same
  # JDK when the start-up archive was not skipped): live explain, check and check-certs over HTTP and
  # TLS, which the demo's plain-HTTP audit does not reach.
  lists=("$train/training.classlist")
  for f in "$build"/startup-training/*.classlist; do
    [ -f "$f" ] && lists+=("$f")
  done
  cat "${lists[@]}" | sed -e 's/ id: [0-9]*$//' | grep -v -e '^#' -e 'source:' \
    -e '^io/vertx/' -e '^io/netty/' -e '^io/fabric8/mockwebserver/' -e '^io/fabric8/kubernetes/client/server/mock/' \
    -e '^io/injectordoctor/demo/' | sort -u >"$train/all.classlist"
  # JDK 17 keeps the class path in the archive as given and refuses any other: the launcher gives the
  # jar as /dev/fd/3, the same string wherever the tarball is unpacked. (The image, which has no shell
  # to open it, starts with the runtime's own archive of the JDK's classes.)
  (cd "$root" && exec 3<lib/injector-doctor.jar && "$java" -Xshare:dump -XX:SharedClassListFile="$train/all.classlist" \
    -XX:SharedArchiveFile=lib/injector-doctor.jsa -cp /dev/fd/3 >"$train/dump.log" 2>&1) || true
fi
ls "$root/lib" | grep -q -e '\.jsa$' -e '\.aot$' \
  || echo "dist: WARNING: no start-up archive was made (see $train); the tool works, only starts slower" >&2

# 4. The tarball, and the krew manifest with its sha256.
tar -C "$out" --owner=0 --group=0 --numeric-owner -czf "$tarball" "$name"
sha="$(sha256sum "$tarball" | cut -d' ' -f1)"
mkdir -p "$build/plugins"
sed -e "s|@VERSION@|v$version|g" -e "s|@URI@|$base_uri/$name.tar.gz|g" -e "s|@SHA256@|$sha|g" \
  -e "s|@OS@|$krew_os|g" -e "s|@ARCH@|$krew_arch|g" \
  "$basedir/plugins/injector-doctor.yaml" >"$build/plugins/injector-doctor.yaml"

# 5. The image's root: the same runtime and jar under /opt/injector-doctor, its own start-up archive,
#    and the C library files the runtime links (the image starts from scratch: no registry here).
if [ "$krew_os" = linux ]; then
  opt="$image/opt/injector-doctor"
  mkdir -p "$opt/lib" "$image/etc" "$image/tmp" "$image/home/nonroot"
  cp -a "$root/runtime" "$opt/runtime"
  cp -a "$root/lib/injector-doctor.jar" "$opt/lib/"
  # the java launcher reads its options from this file (the entrypoint names it): the archive's
  # option depends on the runtime, the entrypoint does not
  {
    if [ -f "$root/lib/injector-doctor.aot" ]; then
      cp -a "$root/lib/injector-doctor.aot" "$opt/lib/"
      echo "-XX:AOTCache=/opt/injector-doctor/lib/injector-doctor.aot"
    fi
    echo "-XX:TieredStopAtLevel=1"
    echo "-cp"
    echo "/opt/injector-doctor/lib/injector-doctor.jar"
  } >"$opt/lib/image.args"
  find "$opt/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' \
    | grep -v -e "^$root/" -e "^$image/" | sort -u | while read -r lib; do
        mkdir -p "$image$(dirname "$lib")"
        cp -L "$lib" "$image$lib"
      done
  echo "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin" >"$image/etc/passwd"
  echo "nonroot:x:65532:" >"$image/etc/group"
fi
echo "dist: $tarball (sha256 $sha), runtime $feature, $build/plugins/injector-doctor.yaml, image root $image"
