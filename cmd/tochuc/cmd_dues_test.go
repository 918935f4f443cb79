package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDuesBehindCSV: the CLI lists the members behind by more than three
// months, as /dang-phi/cham does.
func TestDuesBehindCSV(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{
		"units.csv":      "id,name,kind,valid_from\nC1,Chi bộ Một,party_cell,1960-01-01\n",
		"people.csv":     "id,full_name\nM1,Nguyễn Văn Một\nM2,Trần Văn Hai\nM3,Lê Văn Ba\n",
		"party.csv":      "person_id,event,date,unit_id\nM1,admitted,2010-01-01,C1\nM2,admitted,2010-01-01,C1\nM3,admitted,1970-01-01,C1\n",
		"party_dues.csv": "person_id,month,amount,paid_on\nM1,2026-07,30000,2026-07-05\nM2,2026-09,30000,2026-09-05\n"}))
	out := mustRun(t, db, "dues", "behind", "--as-of", "2026-12-03", "--scope", "C1")
	if !strings.HasPrefix(out, "person_id,full_name,") || !strings.Contains(out, "M1,Nguyễn Văn Một,C1,Chi bộ Một,2026-07,5") ||
		strings.Contains(out, "M2") || strings.Contains(out, "M3") {
		t.Errorf("behind on 2026-12-03:\n%s", out)
	}
	if _, err := cli(t, db, "dues", "ahead"); err == nil {
		t.Error("an unknown subcommand accepted")
	}
}
