package bundle

import (
	"context"
	"fmt"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// docRow is a document row of the base bundle's commune u1.
func docRow(id, issued string, more ...string) row {
	r := row{"id": id, "number": id + "/NQ", "kind": "resolution", "issuer_id": "u1", "issued_on": issued, "title": "Văn bản " + id}
	for i := 0; i+1 < len(more); i += 2 {
		r[more[i]] = more[i+1]
	}
	return r
}

// testIndicators is the catalog the tests give the import: one count, one share.
func testIndicators(id string) (share, ok bool) {
	switch id {
	case "party.members":
		return false, true
	case "village.head_party_member":
		return true, true
	}
	return false, false
}

// importDocs imports b into target h (nil: empty) with the test catalog.
func importDocs(t *testing.T, b Tables, h Target) *Report {
	t.Helper()
	if h == nil {
		h = emptyTarget{}
	}
	rep, err := Import(context.Background(), b, h, Options{Indicator: testIndicators})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestDocumentChecks: each rule of amendment 3, on both sides of its
// threshold: the side that keeps it has no issue, the other is reported on
// its file, row and column.
func TestDocumentChecks(t *testing.T) {
	for _, tc := range []struct {
		name string
		add  func(b Tables)
		want *wantIssue // nil: no issue at all
	}{
		{"replaces one issued the same day", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("documents", docRow("d2", "2016-05-01", "replaces_id", "d1"))
		}, nil},
		{"replaces one issued the day after", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-02"))
			b.Add("documents", docRow("d2", "2016-05-01", "replaces_id", "d1"))
		}, &wantIssue{"documents.csv", 3, "replaces_id", "phải ban hành không sớm hơn văn bản bị thay thế 'd1' (ban hành ngày 02/05/2016)", false}},
		{"replaces one issued later, row before it", func(b Tables) {
			b.Add("documents", docRow("d2", "2016-05-01", "replaces_id", "d1"))
			b.Add("documents", docRow("d1", "2017-01-01"))
		}, &wantIssue{"documents.csv", 2, "replaces_id", "(ban hành ngày 01/01/2017)", false}},
		{"replaces nothing known", func(b Tables) {
			b.Add("documents", docRow("d2", "2016-05-01", "replaces_id", "d9"))
		}, &wantIssue{"documents.csv", 2, "replaces_id", "tham chiếu 'd9' không tồn tại", false}},
		{"replaces itself", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01", "replaces_id", "d1"))
		}, &wantIssue{"documents.csv", 2, "replaces_id", "vòng lặp: d1 → d1", false}},
		{"a loop of three", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01", "replaces_id", "d3"))
			b.Add("documents", docRow("d2", "2016-05-01", "replaces_id", "d1"))
			b.Add("documents", docRow("d3", "2016-05-01", "replaces_id", "d2"))
		}, &wantIssue{"documents.csv", 3, "replaces_id", "vòng lặp: d1 → d3 → d2 → d1", false}},
		{"a chain of three", func(b Tables) {
			b.Add("documents", docRow("d3", "2018-05-01", "replaces_id", "d2"))
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("documents", docRow("d2", "2017-05-01", "replaces_id", "d1"))
		}, nil},
		{"expires the day after it takes effect", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01", "effective_on", "2016-06-01", "expires_on", "2016-06-02"))
		}, nil},
		{"expires the day it takes effect", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01", "effective_on", "2016-06-01", "expires_on", "2016-06-01"))
		}, &wantIssue{"documents.csv", 2, "expires_on", "ngày hết hiệu lực 01/06/2016 phải sau ngày có hiệu lực 01/06/2016", false}},
		{"expires the day it is issued", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01", "expires_on", "2016-05-01"))
		}, &wantIssue{"documents.csv", 2, "expires_on", "phải sau ngày ban hành 01/05/2016", false}},
		{"takes effect the day it is issued", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01", "effective_on", "2016-05-01"))
		}, nil},
		{"takes effect before it is issued", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01", "effective_on", "2016-04-30"))
		}, &wantIssue{"documents.csv", 2, "effective_on", "trước ngày ban hành 01/05/2016", true}},
		{"a task of a unit there on its deadline", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_tasks", row{"document_id": "d1", "task_id": "1", "unit_id": "u1", "title": "Việc", "due_on": "2000-01-01",
				"done_on": "2016-05-01"})
		}, nil},
		{"a task of a unit not yet there", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_tasks", row{"document_id": "d1", "task_id": "1", "unit_id": "u1", "title": "Việc", "due_on": "1999-12-31"})
		}, &wantIssue{"document_tasks.csv", 2, "unit_id", "đơn vị 'u1' không tồn tại vào ngày 31/12/1999", false}},
		{"a task done before its document", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_tasks", row{"document_id": "d1", "task_id": "1", "unit_id": "u1", "title": "Việc", "due_on": "2016-12-31",
				"done_on": "2016-04-30"})
		}, &wantIssue{"document_tasks.csv", 2, "done_on", "ngày hoàn thành 30/04/2016 trước ngày ban hành văn bản 01/05/2016", true}},
		{"a share target of 1", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_targets", row{"document_id": "d1", "target_id": "1", "indicator": "village.head_party_member",
				"scope_id": "u1", "due_on": "2020-12-31", "op": ">=", "value": "1"})
		}, nil},
		{"a share target over 1", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_targets", row{"document_id": "d1", "target_id": "1", "indicator": "village.head_party_member",
				"due_on": "2020-12-31", "op": ">=", "value": "70"})
		}, &wantIssue{"document_targets.csv", 2, "value", "0.7 = 70 %", false}},
		{"a share target below 0", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_targets", row{"document_id": "d1", "target_id": "1", "indicator": "village.head_party_member",
				"due_on": "2020-12-31", "op": ">=", "value": "-0.1"})
		}, &wantIssue{"document_targets.csv", 2, "value", "phân số từ 0 đến 1", false}},
		{"a count target over 1", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_targets", row{"document_id": "d1", "target_id": "1", "indicator": "party.members",
				"due_on": "2020-12-31", "op": "<=", "value": "1186"})
		}, nil},
		{"an indicator not in the catalog", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_targets", row{"document_id": "d1", "target_id": "1", "indicator": "party.memberz",
				"due_on": "2020-12-31", "op": ">=", "value": "1"})
		}, &wantIssue{"document_targets.csv", 2, "indicator", "'party.memberz' không phải mã một chỉ số", false}},
		{"a target's scope not there on its due date", func(b Tables) {
			b.Add("documents", docRow("d1", "2016-05-01"))
			b.Add("document_targets", row{"document_id": "d1", "target_id": "1", "indicator": "party.members", "scope_id": "u1",
				"due_on": "1999-12-31", "op": ">=", "value": "1"})
		}, &wantIssue{"document_targets.csv", 2, "scope_id", "đơn vị 'u1' không tồn tại vào ngày 31/12/1999", false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := baseBundle()
			tc.add(b)
			rep := importDocs(t, b, nil)
			if tc.want == nil {
				if len(rep.Issues) > 0 {
					t.Errorf("issues: %v", rep.Issues)
				}
				return
			}
			if !hasIssue(rep, *tc.want) {
				t.Errorf("missing issue %+v; got %v", *tc.want, rep.Issues)
			}
			if rep.OK() == !tc.want.warning {
				t.Errorf("OK() = %v for a warning = %v", rep.OK(), tc.want.warning)
			}
		})
	}
}

// TestDocumentTargetsWithoutCatalog: an import given no catalog (the model
// alone) does not judge the indicator.
func TestDocumentTargetsWithoutCatalog(t *testing.T) {
	b := baseBundle()
	b.Add("documents", docRow("d1", "2016-05-01"))
	b.Add("document_targets", row{"document_id": "d1", "target_id": "1", "indicator": "whatever", "due_on": "2020-12-31", "op": ">=", "value": "70"})
	if rep := importMemory(t, b); len(rep.Issues) > 0 {
		t.Errorf("issues: %v", rep.Issues)
	}
}

// TestDocumentChainsAcrossHeld: the rules of replacement hold across the
// bundle and the held registry: a bundle document replacing a held one
// issued after it is refused, with the held one's issue date; a loop closed
// through held documents (looked up a link at a time) is refused; a held
// document's own replacement is judged as the bundle changes it.
func TestDocumentChainsAcrossHeld(t *testing.T) {
	held := func() *heldTarget {
		h := newHeldTarget()
		h.docs["h1"] = docMeta{issued: tochuc.MustDate("2015-01-01")}
		h.docs["h2"] = docMeta{issued: tochuc.MustDate("2016-01-01"), replaces: "h1"}
		h.docs["h3"] = docMeta{issued: tochuc.MustDate("2017-01-01"), replaces: "h2"}
		return h
	}
	t.Run("issued before a held one", func(t *testing.T) {
		b := baseBundle()
		b.Add("documents", docRow("d1", "2016-12-31", "replaces_id", "h3"))
		h := held()
		h.docs["h3"] = docMeta{issued: tochuc.MustDate("2017-01-01"), replaces: "h2"}
		rep := importDocs(t, b, h)
		w := wantIssue{"documents.csv", 2, "replaces_id", "văn bản bị thay thế 'h3' (ban hành ngày 01/01/2017)", false}
		if !hasIssue(rep, w) || rep.OK() {
			t.Errorf("missing issue %+v; got %v", w, rep.Issues)
		}
	})
	t.Run("issued after a held one", func(t *testing.T) {
		b := baseBundle()
		b.Add("documents", docRow("d1", "2017-01-01", "replaces_id", "h3"))
		h := held()
		h.docs["h3"] = docMeta{issued: tochuc.MustDate("2017-01-01"), replaces: "h2"}
		if rep := importDocs(t, b, h); len(rep.Issues) > 0 {
			t.Errorf("issues: %v", rep.Issues)
		}
	})
	t.Run("a loop through held documents", func(t *testing.T) {
		// the bundle makes h1 (held, issued first) replace d1, which replaces h3 → h2 → h1
		b := baseBundle()
		b.Add("documents", docRow("h1", "2015-01-01", "replaces_id", "d1"))
		b.Add("documents", docRow("d1", "2014-01-01", "replaces_id", "h3"))
		h := held()
		for id, s := range map[string]string{"h1": "2015-01-01", "h2": "2015-01-01", "h3": "2015-01-01"} {
			m := h.docs[id]
			m.issued = tochuc.MustDate(s)
			h.docs[id] = m
		}
		rep := importDocs(t, b, h)
		w := wantIssue{"documents.csv", 2, "replaces_id", "vòng lặp: h1 → d1 → h3 → h2 → h1", false}
		if !hasIssue(rep, w) || rep.OK() {
			t.Errorf("missing issue %+v; got %v", w, rep.Issues)
		}
		w = wantIssue{"documents.csv", 3, "replaces_id", "vòng lặp: h1 → d1 → h3 → h2 → h1", false}
		if !hasIssue(rep, w) {
			t.Errorf("missing issue %+v; got %v", w, rep.Issues)
		}
		if h.most > lookupBatch {
			t.Errorf("%d asked at once", h.most)
		}
	})
}

// TestDocumentChainsHeldInBatches: many bundle documents replacing held
// ones are followed through the held chains at most lookupBatch ids at a
// time, each held document asked about once.
func TestDocumentChainsHeldInBatches(t *testing.T) {
	h := newHeldTarget()
	b := baseBundle()
	for i := range 1200 {
		// held: o<i> replaces r<i>; the bundle's d<i> replaces o<i>
		h.docs[fmt.Sprintf("o%d", i)] = docMeta{issued: tochuc.MustDate("2010-01-01"), replaces: fmt.Sprintf("r%d", i)}
		h.docs[fmt.Sprintf("r%d", i)] = docMeta{issued: tochuc.MustDate("2009-01-01")}
		b.Add("documents", docRow(fmt.Sprintf("d%d", i), "2016-05-01", "replaces_id", fmt.Sprintf("o%d", i)))
	}
	rep := importDocs(t, b, h)
	if len(rep.Issues) > 0 {
		t.Fatalf("%d issues, the first: %v", len(rep.Issues), rep.Issues[0])
	}
	if h.most > lookupBatch {
		t.Errorf("%d ids asked at once, want at most %d", h.most, lookupBatch)
	}
	seen := map[string]int{}
	for _, id := range h.asked["documents"] {
		seen[id]++
	}
	if len(seen) != 2400 {
		t.Errorf("%d held documents asked about, want the 2400 on the chains", len(seen))
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("%s asked %d times", id, n)
		}
	}
}
