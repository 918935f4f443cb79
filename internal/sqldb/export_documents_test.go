package sqldb_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestExportDocumentsRoundTrip: documents with their force and
// replacements, their tasks and targets (bundle-v1 amendment 3) imported
// then exported come back unchanged, on the engine under test; and a
// later bundle replacing a held document by one issued before it, or
// closing a loop through held documents, is refused (the held chain is
// read through the storage's lookup).
func TestExportDocumentsRoundTrip(t *testing.T) {
	ctx := context.Background()
	b := bundle.Tables{}
	b.Add("units", map[string]string{"id": "T", "name": "Tỉnh ủy", "kind": "province", "valid_from": "1997-01-01"})
	b.Add("units", map[string]string{"id": "H", "name": "Huyện ủy", "kind": "district", "parent_id": "T", "valid_from": "1997-01-01"})
	want := bundle.Tables{}
	add := func(file string, row map[string]string) { b.Add(file, row); want.Add(file, row) }
	add("documents", map[string]string{"id": "Q1", "number": "01-QĐ/TU", "kind": "regulation", "issuer_id": "T", "issued_on": "2016-03-15",
		"title": "Quy định", "effective_on": "2016-04-01"})
	add("documents", map[string]string{"id": "Q5", "number": "05-QĐ/TU", "kind": "regulation", "issuer_id": "T", "issued_on": "2019-04-01",
		"title": "Quy định (thay thế)", "replaces_id": "Q1", "effective_on": "2019-05-01", "expires_on": "2024-01-01"})
	add("documents", map[string]string{"id": "NQ74", "number": "74-NQ/TU", "kind": "resolution", "issuer_id": "T", "issued_on": "2016-05-10",
		"title": "Nghị quyết", "expires_on": "2021-01-01"})
	add("document_tasks", map[string]string{"document_id": "NQ74", "task_id": "1", "unit_id": "H", "title": "Rà soát", "due_on": "2017-06-30",
		"done_on": "2017-07-02", "note": "muộn"})
	add("document_tasks", map[string]string{"document_id": "NQ74", "task_id": "2", "unit_id": "T", "title": "Tổng kết", "due_on": "2020-12-31"})
	add("document_targets", map[string]string{"document_id": "NQ74", "target_id": "1", "indicator": "village.head_party_member",
		"due_on": "2020-12-31", "op": ">=", "value": "0.7", "label": "Trên 70 %"})
	add("document_targets", map[string]string{"document_id": "NQ74", "target_id": "2", "indicator": "party.members", "scope_id": "H",
		"due_on": "2020-12-31", "op": "<=", "value": "1186.5"})
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, b)
	expectExported(t, db, want)
	for _, c := range []struct {
		name string
		row  map[string]string
		want string
	}{
		{"replaces a held one issued after it", map[string]string{"id": "Q0", "number": "00-QĐ/TU", "kind": "regulation", "issuer_id": "T",
			"issued_on": "2016-03-14", "title": "Sớm hơn", "replaces_id": "Q1"}, "(ban hành ngày 15/03/2016)"},
		{"closes a loop through held ones", map[string]string{"id": "Q1", "number": "01-QĐ/TU", "kind": "regulation", "issuer_id": "T",
			"issued_on": "2016-03-15", "title": "Quy định", "replaces_id": "Q5"}, "vòng lặp: Q1 → Q5 → Q1"},
	} {
		more := bundle.Tables{}
		more.Add("documents", c.row)
		rep, err := db.ImportBundle(ctx, more, "t", "t", bundle.Options{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, is := range rep.Issues {
			found = found || strings.Contains(is.Vi, c.want) && is.Column == "replaces_id"
		}
		if rep.OK() || !found {
			t.Errorf("%s: %+v, want %q", c.name, rep.Issues, c.want)
		}
	}
}
