package bundle

import "testing"

// TestCadreChecks: the checks of bundle-v1 amendment 1 and of terms of
// office, each broken once and kept once.
func TestCadreChecks(t *testing.T) {
	member := func(b Tables) {
		b.Add("party", row{"person_id": "p1", "event": "admitted", "date": "2001-01-01", "unit_id": "c1"})
	}
	for _, tc := range []struct {
		name string
		add  func(b Tables)
		want wantIssue
		ok   bool // the bundle has no issue at all (want unused)
	}{
		{"score below its rating's band", func(b Tables) {
			b.Add("evaluations", row{"year": "2025", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "excellent", "score": "89"})
		}, wantIssue{"evaluations.csv", 2, "rating", "khác mức của điểm 89", true}, false},
		{"score on the band's edge", func(b Tables) {
			b.Add("evaluations", row{"year": "2025", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "excellent", "score": "90"})
			b.Add("evaluations", row{"year": "2025", "subject_type": "person", "subject_id": "p1", "category": "civil_servant", "rating": "incomplete", "score": "49"})
		}, wantIssue{}, true},
		{"score over 100", func(b Tables) {
			b.Add("evaluations", row{"year": "2025", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "excellent", "score": "101"})
		}, wantIssue{"evaluations.csv", 2, "score", "phải từ 0 đến 100", false}, false},
		{"the default period is the year's", func(b Tables) {
			b.Add("evaluations", row{"year": "2024", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "good"})
			b.Add("evaluations", row{"year": "2024", "period": "year", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "good"})
		}, wantIssue{"evaluations.csv", 3, "year", "khóa bị trùng với dòng 2", false}, false},
		{"quarters are other records", func(b Tables) {
			b.Add("evaluations", row{"year": "2024", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "good"})
			b.Add("evaluations", row{"year": "2024", "period": "q1", "subject_type": "person", "subject_id": "p1", "category": "party_member", "rating": "good", "status": "self_assessed"})
		}, wantIssue{}, true},
		{"a term that is no term", func(b Tables) {
			b.Add("plans", row{"term": "2025-2020", "unit_id": "c1", "role": "secretary", "person_id": "p1", "added_on": "2024-01-01"})
		}, wantIssue{"plans.csv", 2, "term", "nhiệm kỳ phải có dạng năm-năm", false}, false},
		{"a plan's term not among the terms", func(b Tables) {
			b.Add("terms", row{"term": "2025-2030", "level": "grassroots", "starts_on": "2025-06-01", "ends_on": "2030-06-01"})
			b.Add("plans", row{"term": "2020-2025", "unit_id": "c1", "role": "secretary", "person_id": "p1", "added_on": "2019-01-01"})
		}, wantIssue{"plans.csv", 2, "term", "không có trong danh mục nhiệm kỳ", false}, false},
		{"a plan's term among the terms", func(b Tables) {
			b.Add("terms", row{"term": "2025-2030", "level": "grassroots", "starts_on": "2025-06-01", "ends_on": "2030-06-01"})
			b.Add("plans", row{"term": "2025-2030", "unit_id": "c1", "role": "secretary", "person_id": "p1", "added_on": "2024-01-01"})
		}, wantIssue{}, true},
		{"a term that ends before it starts", func(b Tables) {
			b.Add("terms", row{"term": "2025-2030", "level": "province", "starts_on": "2025-10-01", "ends_on": "2025-01-01"})
		}, wantIssue{"terms.csv", 2, "ends_on", "không sau ngày bắt đầu", false}, false},
		{"an expulsion without its party event", func(b Tables) {
			member(b)
			b.Add("discipline", row{"subject_type": "person", "subject_id": "p1", "form": "expulsion", "date": "2010-01-01"})
		}, wantIssue{"discipline.csv", 2, "form", "không có sự kiện khai trừ", true}, false},
		{"an expulsion with its party event", func(b Tables) {
			member(b)
			b.Add("party", row{"person_id": "p1", "event": "expelled", "date": "2010-01-01"})
			b.Add("discipline", row{"subject_type": "person", "subject_id": "p1", "form": "expulsion", "date": "2010-01-01"})
		}, wantIssue{}, true},
		{"a unit dismissed", func(b Tables) {
			b.Add("discipline", row{"subject_type": "unit", "subject_id": "c1", "form": "dismissal", "date": "2010-01-01"})
		}, wantIssue{"discipline.csv", 2, "form", "chỉ áp dụng cho cá nhân", false}, false},
		{"a person dissolved", func(b Tables) {
			b.Add("discipline", row{"subject_type": "person", "subject_id": "p1", "form": "dissolution", "date": "2010-01-01"})
		}, wantIssue{"discipline.csv", 2, "form", "chỉ áp dụng cho tổ chức", false}, false},
		{"an end reason", func(b Tables) {
			b.Add("assignments", row{"person_id": "p1", "unit_id": "u1", "role": "chair", "valid_from": "2001-01-01", "valid_to": "2006-01-01", "end_reason": "term_end"})
		}, wantIssue{}, true},
		{"an end reason that is none", func(b Tables) {
			b.Add("assignments", row{"person_id": "p1", "unit_id": "u1", "role": "chair", "valid_from": "2001-01-01", "valid_to": "2006-01-01", "end_reason": "bored"})
		}, wantIssue{"assignments.csv", 2, "end_reason", "", false}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := baseBundle()
			tc.add(b)
			rep := importMemory(t, b)
			if tc.ok {
				if len(rep.Issues) > 0 {
					t.Errorf("issues: %v", rep.Issues)
				}
				return
			}
			if !hasIssue(rep, tc.want) {
				t.Errorf("want %+v, got %v", tc.want, rep.Issues)
			}
			if tc.want.warning && !rep.OK() {
				t.Errorf("a warning refused the bundle: %v", rep.Issues)
			}
		})
	}
}
