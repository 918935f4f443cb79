package sqldb_test

import (
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/check/checktest"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestRulesInStorage runs the rule checks' cases against the storage's
// Source: the same findings as in memory, on the engine the tests use.
func TestRulesInStorage(t *testing.T) {
	checktest.RunCases(t, func(t *testing.T, b bundle.Tables) check.Source {
		db := sqldbtest.Open(t)
		sqldbtest.MustImport(t, db, b)
		return db.Reader(t.Context(), sqldb.Recorded{}).CheckSource()
	})
}
