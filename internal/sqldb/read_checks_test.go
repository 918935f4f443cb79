package sqldb_test

import (
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/check/checktest"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestRulesInStorage runs the rule checks' cases against the storage's
// Source: the same findings as in memory, on the engine the tests use.
// It runs them twice: on the registry as it stands (membership from the
// member periods) and as recorded at a time (membership derived from the
// events), which must agree.
func TestRulesInStorage(t *testing.T) {
	for _, rec := range []sqldb.Recorded{{}, sqldb.RecordedAt(time.Now().Add(time.Hour))} {
		checktest.RunCases(t, func(t *testing.T, b bundle.Tables) check.Source {
			db := sqldbtest.Open(t)
			sqldbtest.MustImport(t, db, b)
			return db.Reader(rec).CheckSource()
		})
	}
}
