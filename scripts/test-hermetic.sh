#!/usr/bin/env bash
# `npm run test:hermetic`: the unit and CLI tiers must give the same answer wherever the project
# sits. Runs them (after a build and a compile) in three fresh clones of this working tree:
#   1. private:        under a 0700 `mktemp -d` folder (as root in CI: root reads any file, and
#                      `nobody` cannot reach the project);
#   2. ignored:        inside a git repository whose .gitignore ignores everything, the clone and
#                      the tests' temporary folders included;
#   3. hostile-config: under a folder whose .objective-outcome.yaml turns every rule off and would
#                      change which files are notes.
# In 2 and 3 the tests' temporary folders (TMPDIR) sit under that hostile parent too. One
# node_modules is reused (hard-linked, else copied) instead of an `npm ci` per clone.
# HERMETIC_CASES=private,ignored runs some cases only.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cases="${HERMETIC_CASES:-private,ignored,hostile-config}"

if [ ! -d "$project/node_modules" ]; then
  echo "test:hermetic: run npm ci first (its node_modules is reused by every clone)" >&2
  exit 1
fi

# The labelled corpus sits beside the project (../shared/corpus) and is never copied into it:
# the clones, far from it, read it where it is.
if [ -z "${OO_CORPUS_DIR:-}" ]; then
  # Where the project's own loader finds it: beside the project, or beside the repository it was
  # cloned from (test/judge/dataset.ts).
  OO_CORPUS_DIR="$(cd "$project" && npx --no-install tsc -p . >/dev/null 2>&1; node -e "process.stdout.write(require('./out/test/judge/dataset').corpusDir())" 2>/dev/null || true)"
  [ -n "$OO_CORPUS_DIR" ] && export OO_CORPUS_DIR
fi

base="$(mktemp -d)"
trap 'chmod -R u+rwX "$base" 2>/dev/null; rm -rf "$base"' EXIT

# A clone of the working tree as it is now: committed files, uncommitted changes and new files.
clone_into() {
  local dest="$1"
  git clone --quiet --no-hardlinks "$project" "$dest"
  local changes
  changes="$(mktemp -p "$base")"
  git -C "$project" diff HEAD --binary >"$changes"
  if [ -s "$changes" ]; then git -C "$dest" apply --binary "$changes"; fi
  git -C "$project" ls-files -z --others --exclude-standard | (cd "$project" && tar --null -T - -cf -) | tar -xf - -C "$dest"
  cp -al "$project/node_modules" "$dest/node_modules" 2>/dev/null || cp -a "$project/node_modules" "$dest/node_modules"
}

run_tiers() {
  local name="$1" dest="$2" tmp="$3"
  echo "--- test:hermetic [$name]: $dest (TMPDIR=$tmp)"
  mkdir -p "$tmp"
  (
    cd "$dest"
    npm run --silent build
    npm run --silent compile
    TMPDIR="$tmp" node --test out/test/unit out/test/cli
  ) >"$base/$name.log" 2>&1 || {
    grep -E '^not ok|^# (tests|pass|fail)' "$base/$name.log" >&2 || true
    tail -n 80 "$base/$name.log" >&2
    echo "test:hermetic [$name]: FAILED (log above)" >&2
    return 1
  }
  grep -E '^# (tests|pass|fail|skipped)' "$base/$name.log" | tr '\n' ' '
  echo
}

# Every clone is made first, so all cases test the same working tree even if it changes meanwhile.
runs=()
for name in ${cases//,/ }; do
  case "$name" in
    private)
      folder="$(mktemp -d -p "$base")"
      chmod 700 "$folder"
      clone_into "$folder/p"
      runs+=("private|$folder/p|${TMPDIR:-/tmp}")
      ;;
    ignored)
      repo="$base/ignored"
      mkdir -p "$repo"
      git -C "$repo" init --quiet
      printf '*\n' >"$repo/.gitignore"
      clone_into "$repo/clone"
      runs+=("ignored|$repo/clone|$repo/tmp")
      ;;
    hostile-config)
      parent="$base/hostile-config"
      mkdir -p "$parent"
      cat >"$parent/.objective-outcome.yaml" <<'YAML'
rules:
  missing-objective: off
  missing-outcome: off
  self-focused-objective: off
  weak-outcome: off
  invalid-front-matter: off
  prospect-wording: off
include: ["**/*.md"]
exclude: ["**/meetings/**", "**/calls/**", "**/notes/**"]
fields:
  objective: [nothing-here]
  outcome: [nothing-here-either]
phrases:
  selfFocused: [client, understand]
  allowed: [appointment]
maxFileSize: 10 bytes
YAML
      clone_into "$parent/clone"
      runs+=("hostile-config|$parent/clone|$parent/tmp")
      ;;
    *)
      echo "test:hermetic: unknown case $name (private, ignored, hostile-config)" >&2
      exit 2
      ;;
  esac
done

failed=()
for entry in "${runs[@]}"; do
  IFS='|' read -r name dest tmp <<<"$entry"
  run_tiers "$name" "$dest" "$tmp" || failed+=("$name")
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "test:hermetic: failed in: ${failed[*]}" >&2
  exit 1
fi
echo "test:hermetic: the unit and CLI tiers pass in every case ($cases)"
