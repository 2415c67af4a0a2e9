#!/usr/bin/env bash
# `make upgrade-check`: a site created by an earlier release opens, lists, edits and transitions
# its demo content after this checkout's upgrade steps (README, «Domains of akimat.content»).
#
#   instance/upgrade_check.sh <commit of the earlier release> [site_id]
#
# 1. The earlier release goes into a temporary git worktree and is built there with this
#    checkout's build tools and egg cache (nothing is downloaded while its pins are ours).
# 2. Its own `instance/create_site.py` creates the demo site in that worktree's instance/var.
# 3. This checkout's instance opens a copy of that Data.fs and its blobs, with a zope.conf and a
#    wsgi.ini whose every path under instance/var is the copy's, and runs
#    `instance/upgrade_check.py`: the upgrade steps, then the checks.
# This checkout's instance/var (a developer's data and logs) is never opened; everything
# temporary is removed at the end, also on failure.
set -euo pipefail

from=${1:?usage: $0 <commit> [site_id]}
site_id=${2:-akimat}
repo=$(cd "$(dirname "$0")/.." && pwd)
etc="$repo/parts/instance/etc"
work=$(mktemp -d "${TMPDIR:-/tmp}/akimat-upgrade-check.XXXXXX")
old="$work/old"

cleanup() {
  git -C "$repo" worktree remove --force "$old" 2>/dev/null || true
  rm -rf "$work"
  git -C "$repo" worktree prune
}
trap cleanup EXIT

# Runs a step quietly with its time; on failure shows the end of its output and stops.
step() {
  local title=$1 log=$2 began=$SECONDS
  shift 2
  printf '%-64s' "$title"
  if "$@" >"$log" 2>&1; then
    echo " $((SECONDS - began)) s"
  else
    echo " FAILED"
    tail -n 40 "$log" >&2
    echo "upgrade-check: «$title» failed; above is the end of its output." >&2
    exit 1
  fi
}

# The egg cache this checkout's build uses: ~/.buildout/default.cfg may name a shared one,
# else it is the repository's eggs/ (a relative name is the buildout directory's).
eggs=$(cd "$repo" && .venv/bin/buildout annotate buildout 2>/dev/null | sed -n 's/^eggs-directory= *//p')
eggs=$(cd "$repo" && realpath -m "${eggs:-eggs}")

# The steps run as conditions of `step`, where `set -e` does not hold: each chains with &&.
build_old() {
  git -C "$repo" worktree add --detach "$old" "$from" &&
    cd "$old" && "$repo/.venv/bin/buildout" -N "buildout:eggs-directory=$eggs" buildout:parts=instance
}

create_old_site() {
  mkdir -p "$old"/instance/var/{instance,cache,filestorage,blobstorage,log} &&
    cd "$old" && bin/instance run instance/create_site.py "$site_id"
}

# This checkout's bin/instance passes its own -C (taken only once) and -w: a copy of it reads
# copies of zope.conf and wsgi.ini that name the copied data and logs.
copy_site() {
  cp -a "$old/instance/var" "$work/var" &&
    sed "s#$repo/instance/var#$work/var#g" "$etc/zope.conf" >"$work/zope.conf" &&
    sed -e "s#$repo/instance/var#$work/var#g" -e "s#$etc/zope.conf#$work/zope.conf#" \
      "$etc/wsgi.ini" >"$work/wsgi.ini" &&
    sed -e "s#$etc/zope.conf#$work/zope.conf#" -e "s#$etc/wsgi.ini#$work/wsgi.ini#" \
      "$repo/bin/instance" >"$work/instance" &&
    chmod +x "$work/instance" &&
    ! grep "$repo/instance/var\|$etc/" "$work/zope.conf" "$work/wsgi.ini" "$work/instance"
}

began=$SECONDS
echo "Upgrade check: the demo site of $(git -C "$repo" log -1 --format='%h (%cs)' "$from")," \
  "upgraded at $(git -C "$repo" log -1 --format=%h HEAD) and this checkout's changes"
step "Build the earlier release (eggs: $eggs)" "$work/build.log" build_old
step "Create its demo site «$site_id»" "$work/create.log" create_old_site
step "Copy its Data.fs and blobs" "$work/copy.log" copy_site
cd "$repo"
"$work/instance" run instance/upgrade_check.py "$site_id"
echo "Upgrade check passed in $((SECONDS - began)) s."
