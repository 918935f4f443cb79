package sqldb_test

import (
	"fmt"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestImportLooksUpHeldBetweenWrites: a file long enough that its first
// rows are being written (a COPY running on PostgreSQL) when later rows
// refer to held people is imported whole: the lookups of held records
// interleave with the writes of the same transaction.
func TestImportLooksUpHeldBetweenWrites(t *testing.T) {
	db := sqldbtest.Open(t)
	const n = 5000
	people := bundle.Tables{}
	for i := range n {
		people.Add("people", map[string]string{"id": fmt.Sprintf("p%d", i), "full_name": "Nguyễn Văn A"})
	}
	sqldbtest.MustImport(t, db, people)
	quals := bundle.Tables{}
	for i := range n {
		quals.Add("qualifications", map[string]string{"person_id": fmt.Sprintf("p%d", i), "kind": "education", "level": "college"})
	}
	quals.Add("qualifications", map[string]string{"person_id": "nobody", "kind": "education", "level": "college"})
	rep, err := db.ImportBundle(t.Context(), quals, "tester", "test", bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors != 1 || len(rep.Issues) != 1 || rep.Issues[0].Line != n+2 || rep.Issues[0].Column != "person_id" {
		t.Fatalf("want one error, on the reference of the last row; got %d: %v", rep.Errors, rep.Issues)
	}
	delete(quals, "qualifications")
	for i := range n {
		quals.Add("qualifications", map[string]string{"person_id": fmt.Sprintf("p%d", i), "kind": "education", "level": "college"})
	}
	rep = sqldbtest.MustImport(t, db, quals)
	if got := rep.Files[0].Added; got != n {
		t.Errorf("%d qualifications added, want %d", got, n)
	}
}
