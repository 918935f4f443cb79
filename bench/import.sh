#!/usr/bin/env bash
# Import speed against the raw bulk load, on SQLite and PostgreSQL (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PG="${TOCHUC_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"
echo "SQLite:";     go test ./internal/sqldb -run '^$' -bench Import -benchtime 1x -count 3 | grep Benchmark
echo "PostgreSQL:"; TOCHUC_TEST_POSTGRES="$PG" go test ./internal/sqldb -run '^$' -bench Import -benchtime 1x -count 3 | grep Benchmark
