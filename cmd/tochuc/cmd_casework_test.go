package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCaseworkCSV: the CLI prints the list of work due in a unit on a date
// as the page shows it: a ceremony not held 30 working days after Friday
// 03/10/2025 is due on 14/11/2025 and overdue the day after.
func TestCaseworkCSV(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	units := "id,name,kind,parent_id,valid_from\nT,Đảng bộ tỉnh,party_provincial,,1990-01-01\nH1,Huyện ủy Một,party_upper,T,1990-01-01\n" +
		"C1,Chi bộ Một,party_grassroots_cell,H1,1990-01-01\nH2,Huyện ủy Hai,party_upper,T,1990-01-01\n"
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": units,
		"people.csv": "id,full_name,birth_date\nQ1,Phạm Thị Dung,1990-01-01\n",
		"party.csv":  "person_id,event,date,unit_id\nQ1,admitted,2025-10-03,C1\n"}))
	out := mustRun(t, db, "casework", "--as-of", "2025-11-14", "--scope", "H1", "--kind", "ceremony")
	if !strings.HasPrefix(out, "Loại việc,") || !strings.Contains(out, "Q1,Phạm Thị Dung,C1,Chi bộ Một,03/10/2025,14/11/2025,Đến hạn") {
		t.Errorf("on the deadline:\n%s", out)
	}
	if out := mustRun(t, db, "casework", "--as-of", "2025-11-15", "--scope", "H1"); !strings.Contains(out, "14/11/2025,Quá hạn") {
		t.Errorf("the day after:\n%s", out)
	}
	if out := mustRun(t, db, "casework", "--as-of", "2025-11-15", "--scope", "H2"); strings.Contains(out, "Q1") {
		t.Errorf("another district:\n%s", out)
	}
	if _, err := cli(t, db, "casework", "--scope", "H1", "--kind", "khac"); err == nil {
		t.Error("an unknown kind accepted")
	}
}
