#!/usr/bin/env bash
# The compare view and the tree on the demo province, against a minimal handler, on SQLite and PostgreSQL (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PG="${TOCHUC_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"
echo "SQLite:";     go test ./bench -run '^$' -bench Pages -benchtime 1x -timeout 30m | grep Benchmark
echo "PostgreSQL:"; TOCHUC_TEST_POSTGRES="$PG" go test ./bench -run '^$' -bench Pages -benchtime 1x -timeout 30m | grep Benchmark
