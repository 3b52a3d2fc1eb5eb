#!/usr/bin/env bash
# Installs Debian's PostgreSQL client of a major version (pg_dump, psql) into driftgate's cache,
# for the round-trip oracle on the embedded servers: pg_dump must be of the server's major version,
# and the machine's own client is only the one of its own server. Debian ships newer majors only in
# releases built on a newer C library, so the packages are unpacked (not installed) beside that C
# library and a wrapper starts them through its loader. The machine's apt state is not touched: the
# package lists live in a private directory.
#   .ci/pg-client.sh 18     -> $cache/pg-client-18/bin/pg_dump
set -euo pipefail
major="${1:?usage: pg-client.sh MAJOR}"
cache="${DRIFTGATE_SCRATCH:-/dev/shm/driftgate}/cache"
dest="$cache/pg-client-$major"
if [ -x "$dest/bin/pg_dump" ] && "$dest/bin/pg_dump" --version >/dev/null 2>&1; then
    echo "pg-client: $("$dest/bin/pg_dump" --version)"
    exit 0
fi
if [ -x "/usr/lib/postgresql/$major/bin/pg_dump" ]; then
    echo "pg-client: the machine has /usr/lib/postgresql/$major/bin/pg_dump"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/root"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main" \
    > "$work/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" -qq update
# pg_dump and psql with the libraries they load (ldd of the Debian build), and the C library that runs them.
packages=(postgresql-client-"$major" libpq5 libc6 libldap2 libsasl2-2 libssl3t64 libgssapi-krb5-2 libkrb5-3
    libk5crypto3 libkrb5support0 libcom-err2 libkeyutils1 liblz4-1 libzstd1 zlib1g libreadline8t64 libtinfo6
    libgnutls30t64 libp11-kit0 libidn2-0 libunistring5 libtasn1-6 libnettle8t64 libhogweed6t64 libgmp10 libffi8)
(cd "$work/cache" && apt-get "${apt_opts[@]}" -qq download "${packages[@]}")
for deb in "$work"/cache/*.deb; do
    dpkg-deb -x "$deb" "$work/root"
done
rm -rf "$dest.tmp" && mkdir -p "$dest.tmp/bin"
mv "$work/root" "$dest.tmp/root"
for tool in pg_dump psql; do
    cat > "$dest.tmp/bin/$tool" <<WRAP
#!/bin/sh
root="\$(dirname "\$0")/../root"
exec "\$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "\$root/usr/lib/x86_64-linux-gnu" \\
    "\$root/usr/lib/postgresql/$major/bin/$tool" "\$@"
WRAP
    chmod +x "$dest.tmp/bin/$tool"
done
rm -rf "$dest" && mv "$dest.tmp" "$dest"
echo "pg-client: $("$dest/bin/pg_dump" --version)"
