package bundle

import (
	"context"
	"strings"
	"testing"
)

// The rules of a bundle (checks.go, checks_party.go, checks_restructure.go),
// tested on bundles built in memory: no file, no container, no database.

// baseBundle holds a commune u1 (units.csv line 2), a party cell c1 (line 3),
// both from 2000-01-01, and a living person p1 (people.csv line 2).
func baseBundle() Tables {
	b := Tables{}
	b.Add("units", map[string]string{"id": "u1", "name": "Xã Một", "kind": "commune", "valid_from": "2000-01-01"})
	b.Add("units", map[string]string{"id": "c1", "name": "Chi bộ Một", "kind": "party_cell", "valid_from": "2000-01-01"})
	b.Add("people", map[string]string{"id": "p1", "full_name": "Nguyễn Văn A"})
	return b
}

// row is one row of a file, as column → value.
type row = map[string]string

// wantIssue is an issue a bundle must report: its place, and a part of its
// Vietnamese message.
type wantIssue struct {
	file    string
	line    int
	col     string
	vi      string
	warning bool
}

// importMemory imports b into an empty target and returns the report.
func importMemory(t *testing.T, b Tables) *Report {
	t.Helper()
	rep, err := Import(context.Background(), b, emptyTarget{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func hasIssue(rep *Report, w wantIssue) bool {
	for _, i := range rep.Issues {
		if i.File == w.file && i.Line == w.line && i.Column == w.col && i.Warning == w.warning &&
			strings.Contains(i.Vi, w.vi) && i.En != "" {
			return true
		}
	}
	return false
}

// TestChecksAccept: a bundle that keeps every rule is imported without an issue.
func TestChecksAccept(t *testing.T) {
	b := baseBundle()
	b.Add("units", row{"id": "u2", "name": "Xã Hai", "kind": "commune", "valid_from": "2000-01-01", "valid_to": "2020-01-01"})
	b.Add("units", row{"id": "u3", "name": "Xã Ba", "kind": "commune", "valid_from": "2020-01-01", "parent_id": "u1"})
	b.Add("units", row{"id": "u1", "name": "Xã Một Mới", "kind": "commune", "valid_from": "2021-01-01"})
	b["units"][1][FileByName("units").Index("valid_to")] = "2021-01-01" // u1's first version ends when the second starts
	b.Add("people", row{"id": "p2", "full_name": "Trần Thị B", "died_on": "2015-01-01"})
	b.Add("assignments", row{"person_id": "p1", "unit_id": "c1", "role": "secretary", "valid_from": "2001-01-01"})
	b.Add("assignments", row{"person_id": "p1", "unit_id": "u1", "role": "chair", "valid_from": "2001-01-01", "valid_to": "2006-01-01"})
	b.Add("assignments", row{"person_id": "p2", "unit_id": "u1", "role": "staff", "valid_from": "2001-01-01", "valid_to": "2015-01-01"})
	b.Add("party", row{"person_id": "p1", "event": "admitted", "date": "2001-01-01", "unit_id": "c1"})
	b.Add("party", row{"person_id": "p1", "event": "recognized", "date": "2002-01-01"})
	b.Add("party", row{"person_id": "p2", "event": "admitted", "date": "2001-01-01", "unit_id": "c1"})
	b.Add("party", row{"person_id": "p2", "event": "died", "date": "2015-01-01"})
	b.Add("headcount", row{"unit_id": "u1", "date": "2005-01-01", "actual": "10", "quota": "12"})
	b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "merge", "from_unit_id": "u2", "to_unit_id": "u3"})
	b.Add("restructure", row{"event_id": "e2", "date": "2021-01-01", "kind": "rename", "from_unit_id": "u1", "to_unit_id": "u1"})
	rep := importMemory(t, b)
	if len(rep.Issues) > 0 || !rep.OK() {
		t.Errorf("a valid bundle has issues: %v", rep.Issues)
	}
}

// TestChecks: each rule, broken once, is reported on its file, row and column.
func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		name string
		add  func(b Tables)
		want wantIssue
	}{
		{"reference to another file", func(b Tables) {
			b.Add("assignments", row{"person_id": "p9", "unit_id": "u1", "role": "chair", "valid_from": "2001-01-01"})
		}, wantIssue{"assignments.csv", 2, "person_id", "tham chiếu 'p9' không tồn tại", false}},
		{"reference within the file", func(b Tables) {
			b.Add("units", row{"id": "u2", "name": "Xã Hai", "kind": "commune", "valid_from": "2000-01-01", "parent_id": "u9"})
		}, wantIssue{"units.csv", 4, "parent_id", "tham chiếu 'u9' không tồn tại", false}},
		{"period ends before it starts", func(b Tables) {
			b.Add("assignments", row{"person_id": "p1", "unit_id": "u1", "role": "chair", "valid_from": "2001-01-01", "valid_to": "2000-06-01"})
		}, wantIssue{"assignments.csv", 2, "valid_to", "không sau ngày bắt đầu", false}},
		{"unit versions overlap", func(b Tables) {
			b.Add("units", row{"id": "u1", "name": "Xã Một Mới", "kind": "commune", "valid_from": "2005-01-01"})
		}, wantIssue{"units.csv", 4, "valid_from", "chồng lấn thời gian với dòng 2", false}},
		{"qualification kind", func(b Tables) {
			b.Add("qualifications", row{"person_id": "p1", "kind": "sport", "level": "x"})
		}, wantIssue{"qualifications.csv", 2, "kind", "loại trình độ 'sport' không hợp lệ", false}},
		{"qualification level", func(b Tables) {
			b.Add("qualifications", row{"person_id": "p1", "kind": "education", "level": "x"})
		}, wantIssue{"qualifications.csv", 2, "level", "trình độ 'x' không hợp lệ cho loại education", false}},
		{"unit not there on the date", func(b Tables) {
			b.Add("assignments", row{"person_id": "p1", "unit_id": "u1", "role": "chair", "valid_from": "1999-01-01"})
		}, wantIssue{"assignments.csv", 2, "unit_id", "đơn vị 'u1' không tồn tại vào ngày", false}},
		{"party post outside the party", func(b Tables) {
			b.Add("assignments", row{"person_id": "p1", "unit_id": "u1", "role": "secretary", "valid_from": "2001-01-01"})
		}, wantIssue{"assignments.csv", 2, "role", "phải giữ trong một tổ chức đảng", false}},
		{"post left open after death", func(b Tables) {
			b.Add("people", row{"id": "p2", "full_name": "Trần Thị B", "died_on": "2010-01-01"})
			b.Add("assignments", row{"person_id": "p2", "unit_id": "u1", "role": "chair", "valid_from": "2001-01-01"})
		}, wantIssue{"assignments.csv", 2, "valid_to", "chức vụ còn mở sau ngày từ trần", true}},
		{"negative headcount", func(b Tables) {
			b.Add("headcount", row{"unit_id": "u1", "date": "2001-01-01", "actual": "-1"})
		}, wantIssue{"headcount.csv", 2, "actual", "số lượng không được âm", false}},
		{"negative quota", func(b Tables) {
			b.Add("headcount", row{"unit_id": "u1", "date": "2001-01-01", "actual": "1", "quota": "-2"})
		}, wantIssue{"headcount.csv", 2, "quota", "số lượng không được âm", false}},
		{"implausible year", func(b Tables) {
			b.Add("evaluations", row{"year": "1900", "subject_type": "unit", "subject_id": "c1", "category": "party_org", "rating": "good"})
		}, wantIssue{"evaluations.csv", 2, "year", "năm không hợp lệ", false}},
		{"plan removed before added", func(b Tables) {
			b.Add("plans", row{"term": "2025-2030", "unit_id": "u1", "role": "chair", "person_id": "p1", "added_on": "2025-01-01", "removed_on": "2024-01-01"})
		}, wantIssue{"plans.csv", 2, "removed_on", "không sau ngày bắt đầu", false}},

		// checks_party.go
		{"admission without a party organization", func(b Tables) {
			b.Add("party", row{"person_id": "p1", "event": "admitted", "date": "2001-01-01"})
		}, wantIssue{"party.csv", 2, "unit_id", "sự kiện 'admitted' phải ghi tổ chức đảng", false}},
		{"status on another event", func(b Tables) {
			b.Add("party", row{"person_id": "p1", "event": "admitted", "date": "2001-01-01", "unit_id": "c1", "status": "official"})
		}, wantIssue{"party.csv", 2, "status", "chỉ ghi trạng thái cho sự kiện transferred_in", false}},
		{"admission in a unit that is not of the party", func(b Tables) {
			b.Add("party", row{"person_id": "p1", "event": "admitted", "date": "2001-01-01", "unit_id": "u1"})
		}, wantIssue{"party.csv", 2, "unit_id", "đơn vị 'u1' không phải là tổ chức đảng (loại commune)", false}},
		{"events out of order", func(b Tables) {
			b.Add("party", row{"person_id": "p1", "event": "recognized", "date": "2002-01-01"})
		}, wantIssue{"party.csv", 2, "event", "đảng viên 'p1': ", false}},
		{"member died with membership open", func(b Tables) {
			b.Add("people", row{"id": "p2", "full_name": "Trần Thị B", "died_on": "2010-01-01"})
			b.Add("party", row{"person_id": "p2", "event": "admitted", "date": "2001-01-01", "unit_id": "c1"})
		}, wantIssue{"party.csv", 2, "event", "đảng viên 'p2' từ trần ngày 01/01/2010 nhưng chưa ghi sự kiện từ trần", true}},

		// checks_restructure.go
		{"merge without its unit before", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "merge", "to_unit_id": "u1"})
		}, wantIssue{"restructure.csv", 2, "from_unit_id", "thiếu đơn vị trước sắp xếp", false}},
		{"merge without its unit after", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "merge", "from_unit_id": "u1"})
		}, wantIssue{"restructure.csv", 2, "to_unit_id", "thiếu đơn vị sau sắp xếp", false}},
		{"establishment with a unit before", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "establish", "from_unit_id": "u1", "to_unit_id": "c1"})
		}, wantIssue{"restructure.csv", 2, "from_unit_id", "thành lập mới không có đơn vị trước", false}},
		{"dissolution with a unit after", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "dissolve", "from_unit_id": "u1", "to_unit_id": "c1"})
		}, wantIssue{"restructure.csv", 2, "to_unit_id", "giải thể không có đơn vị sau", false}},
		{"one event on two dates", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "dissolve", "from_unit_id": "u1"})
			b.Add("restructure", row{"event_id": "e1", "date": "2021-01-01", "kind": "dissolve", "from_unit_id": "c1"})
		}, wantIssue{"restructure.csv", 3, "date", "sự kiện 'e1' đã ghi ngày 01/01/2020 ở dòng khác", false}},
		{"unit merged into itself", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "merge", "from_unit_id": "u1", "to_unit_id": "u1"})
		}, wantIssue{"restructure.csv", 2, "to_unit_id", "đơn vị sáp nhập vào chính nó", false}},
		{"merged unit goes on", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "merge", "from_unit_id": "u1", "to_unit_id": "c1"})
		}, wantIssue{"restructure.csv", 2, "from_unit_id", "thời gian của đơn vị 'u1' phải kết thúc vào ngày 01/01/2020", false}},
		{"established unit older", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "establish", "to_unit_id": "u1"})
		}, wantIssue{"restructure.csv", 2, "to_unit_id", "thời gian của đơn vị mới 'u1' phải bắt đầu vào ngày 01/01/2020", false}},
		{"renamed without a new version", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2020-01-01", "kind": "rename", "from_unit_id": "u1", "to_unit_id": "u1"})
		}, wantIssue{"restructure.csv", 2, "date", "đơn vị 'u1' không có phiên bản mới từ ngày 01/01/2020", false}},
		{"unit before not there the day before", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "2000-01-01", "kind": "dissolve", "from_unit_id": "u1"})
		}, wantIssue{"restructure.csv", 2, "from_unit_id", "đơn vị 'u1' không tồn tại trước ngày 01/01/2000", false}},
		{"unit after not there on the date", func(b Tables) {
			b.Add("restructure", row{"event_id": "e1", "date": "1999-01-01", "kind": "establish", "to_unit_id": "u1"})
		}, wantIssue{"restructure.csv", 2, "to_unit_id", "đơn vị 'u1' không tồn tại vào ngày 01/01/1999", false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := baseBundle()
			tc.add(b)
			rep := importMemory(t, b)
			if !hasIssue(rep, tc.want) {
				t.Errorf("want %+v; issues %v", tc.want, rep.Issues)
			}
			if rep.OK() != tc.want.warning {
				t.Errorf("OK() = %v with %d errors, want %v", rep.OK(), rep.Errors, tc.want.warning)
			}
		})
	}
}
