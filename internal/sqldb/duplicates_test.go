package sqldb_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// changedCell is a non-key column of each file and another valid value, so
// that a duplicate row differs from the first in content.
var changedCell = map[string][2]string{
	"units": {"name", "Tên khác"}, "people": {"full_name", "Tên khác"}, "documents": {"title", "Tiêu đề khác"},
	"qualifications": {"obtained_on", "1999-01-01"}, "party": {"document_id", "D2"}, "assignments": {"how", "assigned"},
	"headcount": {"actual", "99"}, "restructure": {"document_id", ""}, "evaluations": {"rating", "complete"},
	"plans": {"removal_reason", "khác"},
}

// TestDuplicateKeys: a bundle repeating the key of its first row in its last
// row (with other content), for every keyed file and units' (id,
// valid_from), is refused with the row-level error naming both rows and the
// key column — found before the row is written, even when each record is its
// own batch — and the database is left as it was, empty or holding rows.
func TestDuplicateKeys(t *testing.T) {
	empty := sqldbtest.Open(t)
	held := sqldbtest.Open(t)
	sqldbtest.MustImport(t, held, richBundle())
	for _, db := range []struct {
		name string
		db   *sqldb.DB
	}{{"empty", empty}, {"held", held}} {
		before := records(t, exportTo(t, db.db, sqldb.Recorded{}, filepath.Join(t.TempDir(), "before")))
		for _, f := range bundle.Files {
			b := richBundle()
			rows, ok := b[f.Name]
			if !ok {
				continue
			}
			t.Run(db.name+"/"+f.Name, func(t *testing.T) {
				dup := slices.Clone(rows[1])
				rows = append(rows, dup)
				b[f.Name] = rows
				line := len(rows)
				set(b, f.Name, line, changedCell[f.Name][0], changedCell[f.Name][1])
				rep, err := db.db.ImportBundle(context.Background(), b, "tester", "duplicate", bundle.Options{BatchSize: 1})
				if err != nil {
					t.Fatalf("import failed instead of reporting the row: %v", err)
				}
				want := breakage{file: f.Name + ".csv", line: line, column: f.Key[0], words: "khóa bị trùng với dòng 2"}
				if rep.OK() || !hasIssue(rep, want) {
					for _, i := range rep.Issues {
						t.Log(i)
					}
					t.Fatalf("want %q at %s row %d column %s", want.words, want.file, want.line, want.column)
				}
			})
		}
		diff(t, records(t, exportTo(t, db.db, sqldb.Recorded{}, filepath.Join(t.TempDir(), "after"))), before)
	}
}
