#!/usr/bin/env bash
# scripts/release-check.sh: build a full snapshot release and check what is
# inside it. Run it before tagging a release (about 3 minutes on 2 cores);
# CI runs only `goreleaser check` and a one-target build.
#
#   scripts/release-check.sh
#
# It runs `goreleaser release --snapshot --clean` with the pinned goreleaser
# (installed with go install into $BRIEF_TOOLS, as .ci/run does), then checks:
#   - every archive (tar.gz; zip on Windows) holds the binary, README.md,
#     LICENSE, CHANGELOG.md, man/brief.1 and the bash, zsh and fish
#     completions;
#   - the linux/amd64 binary runs and `--version` shows the snapshot version,
#     the commit and the build date;
#   - the deb and rpm install the binary, man pages and completions where
#     Debian and Fedora look for them (dpkg-deb, and rpm or bsdtar when
#     present);
#   - the checksums match and the Homebrew cask names the man pages.
# Nothing is published. dist/ is left for a look; dist-docs/ is removed.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1

GORELEASER_VERSION=v2.15.1
TOOLS=${BRIEF_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/brief-tools}
goreleaser="$TOOLS/goreleaser@$GORELEASER_VERSION/goreleaser"
if [ ! -x "$goreleaser" ]; then
	echo "installing goreleaser $GORELEASER_VERSION into $(dirname "$goreleaser")"
	GOBIN="$(dirname "$goreleaser")" go install "github.com/goreleaser/goreleaser/v2@$GORELEASER_VERSION"
fi

failures=0
fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}
trap 'rm -rf dist-docs' EXIT

echo "=== goreleaser release --snapshot --clean"
log=$(mktemp)
"$goreleaser" release --snapshot --clean >"$log" 2>&1 || {
	cat "$log"
	echo "release-check: the snapshot build failed" >&2
	exit 1
}
mv "$log" dist/release.log
version=$(sed -nE 's/.*"version": *"([^"]+)".*/\1/p' dist/metadata.json | head -n 1)
commit=$(git rev-parse HEAD)
echo "snapshot $version of $commit (log: dist/release.log)"

echo "=== archives"
want_common="README.md LICENSE CHANGELOG.md man/brief.1 completions/brief.bash completions/_brief completions/brief.fish"
archives=(dist/*.tar.gz dist/*.zip)
[ ${#archives[@]} -eq 6 ] || fail "want 6 archives, found ${#archives[@]}: ${archives[*]}"
for a in "${archives[@]}"; do
	case $a in
	*.zip) files=$(unzip -Z1 "$a") bin=brief.exe ;;
	*) files=$(tar -tzf "$a") bin=brief ;;
	esac
	for f in $bin $want_common; do
		grep -qx "$f" <<<"$files" || fail "$a lacks $f"
	done
	echo "ok   $a ($(wc -l <<<"$files") files)"
done

echo "=== the linux/amd64 binary"
tmp=$(mktemp -d)
tar -xzf "dist/brief_${version}_linux_amd64.tar.gz" -C "$tmp"
got=$("$tmp/brief" --version)
echo "brief --version: $got"
grep -Eq "^brief ${version//./\\.} \(commit ${commit:0:12}, built [0-9]{4}-[0-9]{2}-[0-9]{2}T" <<<"$got" ||
	fail "--version does not show version $version, commit ${commit:0:12} and a date"
grep -q '^\.TH "BRIEF" "1"' "$tmp/man/brief.1" || fail "man/brief.1 is not a man page"
"$tmp/brief" --help >/dev/null || fail "brief --help failed"
rm -rf "$tmp"

echo "=== packages"
want_pkg="/usr/bin/brief /usr/share/man/man1/brief.1 /usr/share/man/man1/brief-export.1
/usr/share/bash-completion/completions/brief /usr/share/fish/vendor_completions.d/brief.fish"
check_pkg() { # check_pkg FILE LISTING ZSH_PATH
	for f in $want_pkg $3; do
		grep -q "^\.\?$f\$" <<<"$2" || fail "$1 lacks $f"
	done
	echo "ok   $1 ($(grep -c . <<<"$2") entries)"
}
for deb in dist/*.deb; do
	if command -v dpkg-deb >/dev/null; then
		check_pkg "$deb" "$(dpkg-deb -c "$deb" | awk '{print $NF}')" /usr/share/zsh/vendor-completions/_brief
	else
		echo "skip $deb (no dpkg-deb)"
	fi
done
for rpm in dist/*.rpm; do
	if command -v rpm >/dev/null; then
		check_pkg "$rpm" "$(rpm -qlp "$rpm" 2>/dev/null)" /usr/share/zsh/site-functions/_brief
	elif command -v bsdtar >/dev/null; then
		check_pkg "$rpm" "$(bsdtar -tf "$rpm")" /usr/share/zsh/site-functions/_brief
	else
		echo "skip $rpm (no rpm or bsdtar: apt-get install rpm)"
	fi
done

echo "=== checksums and cask"
(cd dist && sha256sum --quiet -c ./*_checksums.txt) || fail "checksums do not match"
grep -q 'manpage "man/brief.1"' dist/homebrew/Casks/brief.rb || fail "the cask does not install man/brief.1"
grep -q 'zsh_completion "completions/_brief"' dist/homebrew/Casks/brief.rb || fail "the cask does not install the zsh completion"

if [ $failures -gt 0 ]; then
	echo "release-check: $failures problems" >&2
	exit 1
fi
echo "release-check: snapshot $version is complete (dist/)"
