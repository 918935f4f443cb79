package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// targetsFixture is a small province whose documents set targets and assign
// tasks on both sides of every threshold of amendment 3. The expected
// figures are counted by hand from these rows:
//   - three villages V1–V3 of commune X1 from 1990, a fourth (V4) from
//     01/06/2019; commune X2 has none;
//   - their heads P1–P3 from 2015; P1 a party member since 2010, P2 admitted
//     on 01/06/2018: the share of heads who are members is 1/3 = 0.333333
//     until 31/05/2018 and 2/3 = 0.666667 from 01/06/2018.
var targetsFixture = map[string]string{
	"units.csv": "id,name,kind,parent_id,valid_from\nT,Tỉnh Mẫu,province,,1990-01-01\nPT,Đảng bộ tỉnh Mẫu,party_provincial,,1990-01-01\n" +
		"C1,Chi bộ Một,party_grassroots_cell,PT,1990-01-01\nX1,Xã Một,commune,T,1990-01-01\nX2,Xã Hai,commune,T,1990-01-01\n" +
		"V1,Thôn Một,village,X1,1990-01-01\nV2,Thôn Hai,village,X1,1990-01-01\nV3,Thôn Ba,village,X1,1990-01-01\nV4,Thôn Bốn,village,X1,2019-06-01\n",
	"people.csv": "id,full_name,birth_date\nP1,Nguyễn Văn An,1970-01-01\nP2,Trần Thị Bình,1975-01-01\nP3,Lê Văn Cường,1980-01-01\n",
	"party.csv":  "person_id,event,date,unit_id\nP1,admitted,2010-01-01,C1\nP2,admitted,2018-06-01,C1\n",
	"assignments.csv": "person_id,unit_id,role,valid_from\nP1,V1,village_head,2015-01-01\nP2,V2,village_head,2015-01-01\n" +
		"P3,V3,village_head,2015-01-01\n",
	"documents.csv": "id,number,kind,issuer_id,issued_on,title,effective_on\n" +
		"NQ74,74-NQ/TU,resolution,PT,2016-10-01,Nghị quyết về xây dựng hệ thống chính trị cơ sở,2016-11-01\n" +
		"KH47,47-KH/TU,plan,PT,2017-01-05,Kế hoạch thực hiện Nghị quyết 74,\n",
	"document_targets.csv": "document_id,target_id,indicator,scope_id,due_on,op,value,label\n" +
		"NQ74,1,village.head_party_member,,2019-12-31,>=,0.666667,Hai phần ba trưởng thôn là đảng viên\n" +
		"NQ74,2,units.village,X1,2019-01-01,=,3,\n" +
		"NQ74,3,units.village,X1,2019-12-31,<=,3,\n" +
		"NQ74,4,units.village,,2019-12-31,>=,4,\n" +
		"NQ74,5,village.head_party_member,X2,2018-12-31,>=,0.5,\n" +
		"NQ74,6,village.head_party_member,X1,2018-12-31,<=,\"0,333333\",\n" +
		"NQ74,7,units.village,X1,2020-12-31,=,3,\n",
	"document_tasks.csv": "document_id,task_id,unit_id,title,due_on,done_on\n" +
		"KH47,1,X1,Rà soát trưởng thôn,2018-09-30,2018-09-30\n" +
		"KH47,2,X1,Báo cáo sơ kết,2018-09-30,2018-10-01\n" +
		"KH47,3,X1,Kiện toàn chi bộ thôn,2018-09-30,\n" +
		"KH47,4,X2,Việc của xã Hai,2018-12-31,\n" +
		"KH47,5,V1,Việc của thôn Một,2019-03-31,\n",
}

type targetsJSON struct {
	AsOf    string `json:"as_of"`
	Targets []struct {
		DocumentID string  `json:"document_id"`
		TargetID   string  `json:"target_id"`
		Indicator  string  `json:"indicator"`
		ScopeID    string  `json:"scope_id"`
		DueOn      string  `json:"due_on"`
		Op         string  `json:"op"`
		Value      float64 `json:"value"`
		MeasuredOn string  `json:"measured_on"`
		Actual     float64 `json:"actual"`
		Status     string  `json:"status"`
	} `json:"targets"`
}

func targetsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, targetsFixture))
	return db
}

// TestTargetsCommand: every operator exactly on its threshold, a share on
// its ratio, before and after the due date (measured on the due date after
// it), an empty share, a scope.
func TestTargetsCommand(t *testing.T) {
	db := targetsDB(t)
	type want struct {
		measured string
		actual   float64
		status   string
	}
	cases := map[string]map[string]want{
		"2018-05-31": {
			"1": {"2018-05-31", 0.333333, "behind"}, "2": {"2018-05-31", 3, "on_track"}, "3": {"2018-05-31", 3, "on_track"},
			"4": {"2018-05-31", 3, "behind"}, "5": {"2018-05-31", 0, "behind"}, "6": {"2018-05-31", 0.333333, "on_track"},
			"7": {"2018-05-31", 3, "on_track"},
		},
		"2018-06-01": {
			"1": {"2018-06-01", 0.666667, "on_track"}, "6": {"2018-06-01", 0.666667, "behind"},
		},
		"2019-01-01": {
			"2": {"2019-01-01", 3, "met"}, "5": {"2018-12-31", 0, "missed"}, "6": {"2018-12-31", 0.666667, "missed"},
		},
		"2019-05-31": {"3": {"2019-05-31", 3, "on_track"}, "4": {"2019-05-31", 3, "behind"}, "7": {"2019-05-31", 3, "on_track"}},
		"2019-06-01": {"3": {"2019-06-01", 4, "behind"}, "4": {"2019-06-01", 4, "on_track"}, "7": {"2019-06-01", 4, "behind"}},
		"2019-12-31": {"1": {"2019-12-31", 0.666667, "met"}, "3": {"2019-12-31", 4, "missed"}, "4": {"2019-12-31", 4, "met"}},
		"2020-06-01": {
			"1": {"2019-12-31", 0.666667, "met"}, "2": {"2019-01-01", 3, "met"}, "3": {"2019-12-31", 4, "missed"},
			"4": {"2019-12-31", 4, "met"}, "7": {"2020-06-01", 4, "behind"},
		},
	}
	for d, wants := range cases {
		var got targetsJSON
		out := mustRun(t, db, "targets", "--as-of", d, "--format", "json")
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: %v\n%s", d, err, out)
		}
		if got.AsOf != d || len(got.Targets) != 7 {
			t.Errorf("%s: as_of %s, %d targets", d, got.AsOf, len(got.Targets))
		}
		seen := 0
		for _, g := range got.Targets {
			w, ok := wants[g.TargetID]
			if !ok {
				continue
			}
			seen++
			if g.MeasuredOn != w.measured || g.Actual != w.actual || g.Status != w.status {
				t.Errorf("%s target %s: measured %s actual %v status %s, want %s %v %s", d, g.TargetID, g.MeasuredOn, g.Actual, g.Status,
					w.measured, w.actual, w.status)
			}
		}
		if seen != len(wants) {
			t.Errorf("%s: %d of the %d targets expected", d, seen, len(wants))
		}
	}
	// the amendment's keys, in its order; value and actual as numbers
	out := mustRun(t, db, "targets", "--as-of", "2018-05-31", "--document", "NQ74", "--format", "json")
	first := `{"as_of":"2018-05-31","targets":[{"document_id":"NQ74","target_id":"1","indicator":"village.head_party_member",` +
		`"scope_id":"","due_on":"2019-12-31","op":">=","value":0.666667,"measured_on":"2018-05-31","actual":0.333333,"status":"behind"},`
	if !strings.HasPrefix(out, first) {
		t.Errorf("json:\n%s\nwant the prefix\n%s", out, first)
	}
	if !strings.Contains(out, `"target_id":"6","indicator":"village.head_party_member","scope_id":"X1","due_on":"2018-12-31","op":"<=","value":0.333333,`) {
		t.Errorf("a value written with a comma: %s", out)
	}
	// a scope keeps the targets measured inside it
	var x1 targetsJSON
	if err := json.Unmarshal([]byte(mustRun(t, db, "targets", "--as-of", "2018-05-31", "--scope", "X1", "--format", "json")), &x1); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, g := range x1.Targets {
		ids = append(ids, g.TargetID)
	}
	if strings.Join(ids, ",") != "2,3,6,7" {
		t.Errorf("scope X1: %v", ids)
	}
	csv := mustRun(t, db, "targets", "--as-of", "2019-12-31", "--scope", "X1", "--format", "csv")
	if !strings.HasPrefix(csv, "as_of,document_id,target_id,indicator,scope_id,due_on,op,value,measured_on,actual,status\n") ||
		!strings.Contains(csv, "2019-12-31,NQ74,3,units.village,X1,2019-12-31,<=,3,2019-12-31,4,missed\n") {
		t.Errorf("csv:\n%s", csv)
	}
	table := mustRun(t, db, "targets", "--as-of", "2018-06-01", "--document", "NQ74")
	for _, s := range []string{"74-NQ/TU", "Trưởng thôn là đảng viên", "Đạt từ 66,7 %", "Đúng tiến độ", "Chậm tiến độ", "Xã Một", "Toàn bộ", "01/06/2018"} {
		if !strings.Contains(table, s) {
			t.Errorf("table lacks %q:\n%s", s, table)
		}
	}
	if _, err := cli(t, db, "targets", "--format", "pdf"); err == nil {
		t.Error("an unknown format accepted")
	}
	xlsx := filepath.Join(t.TempDir(), "t.xlsx")
	mustRun(t, db, "targets", "--as-of", "2018-06-01", "--format", "xlsx", "--out", xlsx)
}

// TestTasksCommand: a task done on its deadline is done; done a day late,
// done_late from that day; open on its due date, overdue the day after; a
// scope keeps the tasks of the units inside it, a village's with its
// commune's.
func TestTasksCommand(t *testing.T) {
	db := targetsDB(t)
	status := func(d string, args ...string) string {
		t.Helper()
		var got struct {
			AsOf  string `json:"as_of"`
			Tasks []struct {
				DocumentID string `json:"document_id"`
				TaskID     string `json:"task_id"`
				UnitID     string `json:"unit_id"`
				DueOn      string `json:"due_on"`
				DoneOn     string `json:"done_on"`
				Status     string `json:"status"`
			} `json:"tasks"`
		}
		out := mustRun(t, db, append([]string{"tasks", "--as-of", d, "--format", "json"}, args...)...)
		if err := json.Unmarshal([]byte(out), &got); err != nil || got.AsOf != d {
			t.Fatalf("%s: %v\n%s", d, err, out)
		}
		var s []string
		for _, x := range got.Tasks {
			s = append(s, x.TaskID+"="+x.Status)
		}
		return strings.Join(s, " ")
	}
	for d, want := range map[string]string{
		"2018-09-29": "1=open 2=open 3=open 4=open 5=open",
		"2018-09-30": "1=done 2=open 3=open 4=open 5=open",
		"2018-10-01": "1=done 2=done_late 3=overdue 4=open 5=open",
		"2019-01-01": "1=done 2=done_late 3=overdue 4=overdue 5=open",
		"2019-04-01": "1=done 2=done_late 3=overdue 4=overdue 5=overdue",
	} {
		if got := status(d); got != want {
			t.Errorf("%s: %s, want %s", d, got, want)
		}
	}
	if got := status("2018-10-01", "--scope", "X1"); got != "1=done 2=done_late 3=overdue 5=open" {
		t.Errorf("scope X1: %s", got)
	}
	if got := status("2019-01-01", "--status", "overdue"); got != "3=overdue 4=overdue" {
		t.Errorf("overdue: %s", got)
	}
	out := mustRun(t, db, "tasks", "--as-of", "2018-10-01", "--scope", "X2", "--format", "json")
	if want := `{"as_of":"2018-10-01","tasks":[{"document_id":"KH47","task_id":"4","unit_id":"X2","due_on":"2018-12-31","done_on":"","status":"open"}]}` + "\n"; out != want {
		t.Errorf("json:\n%s\nwant\n%s", out, want)
	}
	csv := mustRun(t, db, "tasks", "--as-of", "2018-10-01", "--status", "done_late", "--format", "csv")
	if csv != "as_of,document_id,task_id,unit_id,due_on,done_on,status\n2018-10-01,KH47,2,X1,2018-09-30,2018-10-01,done_late\n" {
		t.Errorf("csv:\n%s", csv)
	}
	table := mustRun(t, db, "tasks", "--as-of", "2018-10-01")
	for _, s := range []string{"47-KH/TU", "Kiện toàn chi bộ thôn", "Xã Một", "30/09/2018", "01/10/2018", "Quá hạn", "Hoàn thành chậm", "Đã hoàn thành", "Đang thực hiện"} {
		if !strings.Contains(table, s) {
			t.Errorf("table lacks %q:\n%s", s, table)
		}
	}
	if _, err := cli(t, db, "tasks", "--scope", "KHONG"); err == nil {
		t.Error("an unknown unit accepted as the scope")
	}
	if _, err := cli(t, db, "tasks", "--status", "late"); err == nil {
		t.Error("an unknown status accepted")
	}
}
