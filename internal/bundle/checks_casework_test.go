package bundle

import "testing"

// TestCaseworkChecks: the checks of the party casework records of
// bundle-v1 amendment 1, each broken once and kept once, on both sides of
// their thresholds.
func TestCaseworkChecks(t *testing.T) {
	// p1 admitted 2001-01-01, official 2002-01-01; p2 admitted 2001-06-01.
	members := func(b Tables) {
		b.Add("people", row{"id": "p2", "full_name": "Trần Thị B"})
		b.Add("people", row{"id": "p3", "full_name": "Lê Văn C"})
		b.Add("party", row{"person_id": "p1", "event": "admitted", "date": "2001-01-01", "unit_id": "c1"})
		b.Add("party", row{"person_id": "p1", "event": "recognized", "date": "2002-01-01"})
		b.Add("party", row{"person_id": "p2", "event": "admitted", "date": "2001-06-01", "unit_id": "c1"})
	}
	admit := func(extra row) func(b Tables) {
		return func(b Tables) {
			members(b)
			r := row{"person_id": "p3", "event": "admitted", "date": "2002-01-01", "unit_id": "c1"}
			for k, v := range extra {
				r[k] = v
			}
			b.Add("party", r)
		}
	}
	for _, tc := range []struct {
		name string
		add  func(b Tables)
		want wantIssue
		ok   bool
	}{
		{"ceremony on the admission day, introducer official that day", admit(row{"ceremony_on": "2002-01-01", "introducer_ids": "p1"}), wantIssue{}, true},
		{"ceremony before the admission", admit(row{"ceremony_on": "2001-12-31"}),
			wantIssue{"party.csv", 5, "ceremony_on", "trước ngày kết nạp", false}, false},
		{"a ceremony on a recognition", func(b Tables) {
			members(b)
			b.Add("party", row{"person_id": "p2", "event": "recognized", "date": "2002-06-01", "ceremony_on": "2002-06-01"})
		}, wantIssue{"party.csv", 5, "ceremony_on", "chỉ ghi ngày lễ kết nạp", false}, false},
		{"an introducer still probationary", admit(row{"introducer_ids": "p1;p2"}),
			wantIssue{"party.csv", 5, "introducer_ids", "'p2' không phải là đảng viên chính thức ngày kết nạp 01/01/2002", false}, false},
		{"an introducer official only from the next day", func(b Tables) {
			members(b)
			b.Add("party", row{"person_id": "p3", "event": "admitted", "date": "2001-12-31", "unit_id": "c1", "introducer_ids": "p1"})
		}, wantIssue{"party.csv", 5, "introducer_ids", "'p1' không phải là đảng viên chính thức", false}, false},
		{"an introducer held nowhere", admit(row{"introducer_ids": "p9"}),
			wantIssue{"party.csv", 5, "introducer_ids", "'p9' không có trong gói dữ liệu", false}, false},
		{"three introducers", admit(row{"introducer_ids": "p1;p2;p1"}),
			wantIssue{"party.csv", 5, "introducer_ids", "một hoặc hai", false}, false},
		{"introducing oneself", admit(row{"introducer_ids": "p3"}),
			wantIssue{"party.csv", 5, "introducer_ids", "không tự giới thiệu", false}, false},
		{"a badge on the day party age reaches its years", func(b Tables) {
			members(b)
			b.Add("awards", row{"person_id": "p1", "kind": "badge_30", "date": "2031-01-01"})
			b.Add("awards", row{"person_id": "p1", "kind": "other", "date": "2005-01-01"})
			b.Add("awards", row{"person_id": "p1", "kind": "other", "date": "2006-01-01"})
		}, wantIssue{}, true},
		{"a badge the day before", func(b Tables) {
			members(b)
			b.Add("awards", row{"person_id": "p1", "kind": "badge_30", "date": "2030-12-31"})
		}, wantIssue{"awards.csv", 2, "date", "chưa đủ 30 năm tuổi Đảng ngày 31/12/2030", false}, false},
		{"a badge of one never admitted", func(b Tables) {
			b.Add("awards", row{"person_id": "p1", "kind": "badge_40", "date": "2030-12-31"})
		}, wantIssue{"awards.csv", 2, "date", "không có ngày kết nạp", false}, false},
		{"the same badge twice", func(b Tables) {
			members(b)
			b.Add("awards", row{"person_id": "p1", "kind": "badge_30", "date": "2031-02-03"})
			b.Add("awards", row{"person_id": "p1", "kind": "badge_30", "date": "2031-05-19"})
		}, wantIssue{"awards.csv", 3, "kind", "đã có huy hiệu 30 năm tuổi Đảng ở dòng 2", false}, false},
		{"temporary attendance within membership", func(b Tables) {
			members(b)
			b.Add("units", row{"id": "c2", "name": "Chi bộ Hai", "kind": "party_cell", "valid_from": "2000-01-01"})
			b.Add("party_temporary", row{"person_id": "p2", "unit_id": "c2", "valid_from": "2001-06-01", "valid_to": "2002-03-01"})
		}, wantIssue{}, true},
		{"temporary attendance before admission", func(b Tables) {
			members(b)
			b.Add("party_temporary", row{"person_id": "p2", "unit_id": "c1", "valid_from": "2001-05-31"})
		}, wantIssue{"party_temporary.csv", 2, "valid_from", "không phải là đảng viên trong suốt", false}, false},
		{"temporary attendance past a removal", func(b Tables) {
			members(b)
			b.Add("party", row{"person_id": "p2", "event": "removed", "date": "2002-01-01"})
			b.Add("party_temporary", row{"person_id": "p2", "unit_id": "c1", "valid_from": "2001-07-01", "valid_to": "2002-01-02"})
		}, wantIssue{"party_temporary.csv", 2, "valid_from", "không phải là đảng viên trong suốt", false}, false},
		{"temporary attendance in a commune", func(b Tables) {
			members(b)
			b.Add("party_temporary", row{"person_id": "p2", "unit_id": "u1", "valid_from": "2001-07-01"})
		}, wantIssue{"party_temporary.csv", 2, "unit_id", "không phải là tổ chức đảng", false}, false},
		{"a card withdrawn before it was issued", func(b Tables) {
			b.Add("party_cards", row{"person_id": "p1", "number": "01.234567", "issued_on": "2005-01-01", "revoked_on": "2004-01-01"})
		}, wantIssue{"party_cards.csv", 2, "revoked_on", "không sau ngày bắt đầu", false}, false},
		{"one card number twice", func(b Tables) {
			b.Add("people", row{"id": "p2", "full_name": "Trần Thị B"})
			b.Add("party_cards", row{"person_id": "p1", "number": "01.234567", "issued_on": "2005-01-01"})
			b.Add("party_cards", row{"person_id": "p2", "number": "01.234567", "issued_on": "2006-01-01"})
		}, wantIssue{"party_cards.csv", 3, "number", "khóa bị trùng với dòng 2", false}, false},
		{"dues of a month", func(b Tables) {
			b.Add("party_dues", row{"person_id": "p1", "month": "2026-02", "amount": "85000", "paid_on": "2026-02-10"})
		}, wantIssue{}, true},
		{"dues of a month that is none", func(b Tables) {
			b.Add("party_dues", row{"person_id": "p1", "month": "2026-13", "amount": "85000", "paid_on": "2026-02-10"})
		}, wantIssue{"party_dues.csv", 2, "month", "tháng phải có dạng năm-tháng", false}, false},
		{"negative dues", func(b Tables) {
			b.Add("party_dues", row{"person_id": "p1", "month": "2026-02", "amount": "-1", "paid_on": "2026-02-10"})
		}, wantIssue{"party_dues.csv", 2, "amount", "phải từ 0", false}, false},
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
		})
	}
}
