package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAppointmentsCSV: the CLI writes a list of the workplace as the web
// downloads it, Vietnamese headers, one line a post, in the scope asked.
func TestAppointmentsCSV(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": unitsV1,
		"people.csv":      "id,full_name,gender,birth_date\nP1,Nguyễn Văn Một,male,1980-01-01\nP2,Trần Văn Hai,male,1980-01-01\n",
		"assignments.csv": "person_id,unit_id,role,valid_from,how\nP1,H1,chair,2021-06-01,appointed\nP2,H2,chair,2022-06-01,appointed\n"}))
	out := mustRun(t, db, "appointments", "--as-of", "2026-05-01", "--list", "due")
	if !strings.HasPrefix(out, "Mã nhân sự,Họ và tên,") || !strings.Contains(out, "P1,Nguyễn Văn Một,") || strings.Contains(out, "P2") {
		t.Errorf("due on 2026-05-01:\n%s", out)
	}
	if out := mustRun(t, db, "appointments", "--as-of", "2026-05-01", "--scope", "H2"); !strings.Contains(out, "P2,") || strings.Contains(out, "P1,") {
		t.Errorf("held in H2:\n%s", out)
	}
	if _, err := cli(t, db, "appointments", "--list", "khac"); err == nil {
		t.Error("an unknown list accepted")
	}
}
