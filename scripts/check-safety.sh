#!/usr/bin/env bash
# Fails when the source reaches for ways to run text as code or HTML:
# user text is always rendered as text.
set -euo pipefail
cd "$(dirname "$0")/.."
if hits=$(grep -rnE 'inner_html|set_inner_html|outer_html|js_sys::eval|Function::new_with_args|Function::new_no_args|\beval\(|insert_adjacent_html|document_write' src); then
  echo "check-safety: these lines could run text as code or HTML:"
  echo "$hits"
  exit 1
fi
echo "check-safety: no inner_html, eval or HTML injection in src/"
