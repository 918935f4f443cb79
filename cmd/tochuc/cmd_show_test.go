package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
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
