package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReportPartyStats: tochuc report shows the basic statistics of party
// members in Vietnamese, --explain --part lists the names of one part, and
// the flows as recorded before a correction are the figures then.
func TestReportPartyStats(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{
		"units.csv": unitsV1 + "D1,Đảng bộ xã Một,party_grassroots_committee,,2000-01-01,\n",
		"people.csv": "id,full_name,gender,birth_date,ethnicity\nP1,Trần Văn Bình,male,1970-03-04,Kinh\n" +
			"P2,Nguyễn Thị Ánh,female,,Tày\n",
		"party.csv": "person_id,event,date,unit_id\nP1,admitted,2005-01-01,D1\nP1,recognized,2006-01-01,\nP2,admitted,2018-05-01,D1\n",
	}))
	table := mustRun(t, db, "report", "--as-of", "2018-12-31", "--since", "2017-12-31")
	for _, want := range []string{"Đảng viên chia theo độ tuổi", "Chưa ghi ngày sinh", "Dân tộc thiểu số", "Đảng viên kết nạp",
		"Chưa qua đào tạo lý luận chính trị", "Từ trần"} {
		if !strings.Contains(table, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	names := mustRun(t, db, "report", "--as-of", "2018-12-31", "--explain", "party.members.gender", "--part", "female")
	if !strings.Contains(names, "Nguyễn Thị Ánh") || strings.Contains(names, "Trần Văn Bình") {
		t.Errorf("female members:\n%s", names)
	}
	if _, err := cli(t, db, "report", "--explain", "party.members.gender", "--part", "x"); err == nil {
		t.Error("--part x accepted")
	}
	before := mustRun(t, db, "report", "--as-of", "2018-12-31", "--since", "2017-12-31", "--format", "json")
	time.Sleep(5 * time.Millisecond)
	r := time.Now().UTC().Format(time.RFC3339Nano)
	time.Sleep(5 * time.Millisecond)
	// a correction: P2 was removed in 2018
	mustRun(t, db, "import", writeDir(t, map[string]string{"party.csv": "person_id,event,date,unit_id\nP2,removed,2018-09-01,\n"}))
	now := mustRun(t, db, "report", "--as-of", "2018-12-31", "--since", "2017-12-31", "--format", "json")
	if !strings.Contains(now, `"removed": 1`) || strings.Contains(before, `"removed": 1`) {
		t.Errorf("the removal is not a loss now, or was before")
	}
	if then := mustRun(t, db, "report", "--as-of", "2018-12-31", "--since", "2017-12-31", "--format", "json", "--recorded-at", r); then != before {
		t.Errorf("report as recorded before the correction differs:\n%s\n%s", then, before)
	}
}
