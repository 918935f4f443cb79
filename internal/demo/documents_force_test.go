package demo

import (
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// rowsOf returns a file's rows as column → value.
func rowsOf(t bundle.Tables, file string) []map[string]string {
	var out []map[string]string
	rows := t[file]
	for _, r := range rows[min(1, len(rows)):] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// TestDocumentsInForce: the demo's documents carry force dates, a chain of
// three replacements, tasks of 74-NQ/TU of every status on 2018-12-31 and
// since, and targets measured by indicators of the catalog (shares written
// as fractions).
func TestDocumentsInForce(t *testing.T) {
	tb, err := Build(1)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]map[string]string{}
	for _, d := range rowsOf(tb, "documents") {
		docs[d["id"]] = d
	}
	if d := docs[docQD12]; d["replaces_id"] != docQD05 || docs[docQD05]["replaces_id"] != docQD01 || docs[docQD01]["replaces_id"] != "" {
		t.Errorf("the chain QD12 → QD05 → QD01: %v", d)
	}
	if docs[docNQ74]["expires_on"] != "2021-01-01" || docs[docNQ202]["effective_on"] != "2025-07-01" {
		t.Error("74-NQ/TU or 202/2025/QH15 without their force dates")
	}
	status := map[string]map[string]int{}
	for _, on := range []string{"2018-12-31", "2026-11-25"} {
		status[on] = map[string]int{}
		for _, r := range rowsOf(tb, "document_tasks") {
			if r["document_id"] != docNQ74 {
				continue
			}
			done := tochuc.Date(0)
			if r["done_on"] != "" {
				done = tochuc.MustDate(r["done_on"])
			}
			status[on][tochuc.TaskStatus(tochuc.MustDate(r["due_on"]), done, tochuc.MustDate(on))]++
		}
	}
	if s := status["2018-12-31"]; s[tochuc.TaskDone] != 2 || s[tochuc.TaskDoneLate] != 1 || s[tochuc.TaskOverdue] != 1 || s[tochuc.TaskOpen] != 1 {
		t.Errorf("74-NQ/TU's tasks on 2018-12-31: %v", s)
	}
	if s := status["2026-11-25"]; s[tochuc.TaskOverdue] != 2 {
		t.Errorf("74-NQ/TU's tasks today: %v", s)
	}
	n := 0
	for _, r := range rowsOf(tb, "document_targets") {
		def, ok := indicator.Lookup(r["indicator"])
		v, vok := tochuc.ParseNumber(r["value"])
		if !ok || !vok || def.Share && (v < 0 || v > 1) {
			t.Errorf("target %v: not an indicator of the catalog or not a fraction", r)
		}
		n++
	}
	if n < 4 {
		t.Errorf("%d targets", n)
	}
}
