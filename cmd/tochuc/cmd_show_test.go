package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestShowCSVForPeople: show writes CSV that a person opens in a spreadsheet,
// so a cell that would run as a formula is quoted, even if the database holds
// one (an import refuses them since; older databases may hold some).
func TestShowCSVForPeople(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": unitsV1,
		"headcount.csv": "unit_id,date,actual,quota\nX1,2000-01-01,1120,12\n"}))
	d, err := sqldb.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.Exec(`UPDATE units SET name = '=HYPERLINK("http://evil","Xã")' WHERE id = 'X1'`)
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	if show := mustRun(t, db, "show", "units", "id=X1"); !strings.Contains(show, "\nX1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"Xã\"\")\",commune,") {
		t.Errorf("show units:\n%s", show)
	}
	if show := mustRun(t, db, "show", "headcount"); !strings.Contains(show, "\nX1,2000-01-01,1120,12\n") {
		t.Errorf("show headcount:\n%s", show)
	}
}

// TestConfidentialReadsFromTheCommandLine: showing or checking plans,
// ratings or discipline from the command line leaves a trace in the audit
// log, as every read of a confidential record does.
func TestConfidentialReadsFromTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": unitsV1,
		"people.csv":      "id,full_name,gender,birth_date\nP1,Nguyễn Văn An,male,1975-01-01\n",
		"evaluations.csv": "year,subject_type,subject_id,category,rating\n2024,person,P1,party_member,good\n"}))
	if show := mustRun(t, db, "show", "evaluations"); !strings.Contains(show, "P1") {
		t.Fatalf("show evaluations:\n%s", show)
	}
	mustRun(t, db, "show", "units") // not confidential: no trace
	d, err := sqldb.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	es, _, err := d.ListAudit(context.Background(), tochuc.AuditFilter{Action: tochuc.AuditConfidentialRead, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].ObjectType != "evaluations" || es[0].Detail["via"] != "tochuc show" || !strings.HasPrefix(es[0].UserLogin, "cli:") {
		t.Errorf("confidential reads logged: %+v", es)
	}
}
