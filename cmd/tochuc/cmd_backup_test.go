package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// TestBackupRestore: tochuc backup then tochuc restore into an empty
// database answer show, report (now and as recorded before a correction)
// and the account list alike; a second restore into it is refused.
func TestBackupRestore(t *testing.T) {
	src := sqldbtest.DSN(t)
	mustRun(t, src, "import", writeDir(t, map[string]string{"units.csv": unitsV1}))
	time.Sleep(5 * time.Millisecond)
	r := time.Now().UTC().Format(time.RFC3339Nano)
	time.Sleep(5 * time.Millisecond)
	mustRun(t, src, "import", writeDir(t, map[string]string{"units.csv": "id,name,kind,parent_id,valid_from\nH2,Huyện Hai,district,T1,2019-01-01\n"}))
	stdin = strings.NewReader("mat-khau-sao-luu\n")
	mustRun(t, src, "user", "add", "--login", "canbo", "--name", "Cán Bộ", "--role", "staff", "--scope", "H1", "--confidential", "--password-stdin")

	bak := filepath.Join(t.TempDir(), "sao-luu.bak")
	if out := mustRun(t, src, "backup", bak); !strings.Contains(out, "đã sao lưu") {
		t.Errorf("backup said:\n%s", out)
	}
	dst := sqldbtest.DSN(t)
	if out := mustRun(t, dst, "restore", bak); !strings.Contains(out, "đã khôi phục") {
		t.Errorf("restore said:\n%s", out)
	}
	for _, args := range [][]string{
		{"show", "units", "--as-of", "2018-12-31", "--recorded-at", r},
		{"show", "units", "--as-of", "2018-12-31"},
		{"report", "--as-of", "2018-12-31", "--format", "json", "--recorded-at", r},
		{"report", "--as-of", "2018-12-31", "--format", "json"},
		{"history", "units", "id=H2"},
		{"user", "list"},
	} {
		if a, b := mustRun(t, src, args...), mustRun(t, dst, args...); a != b {
			t.Errorf("tochuc %s differs after restore:\n%s\n---\n%s", strings.Join(args, " "), a, b)
		}
	}
	if out, err := cli(t, dst, "restore", bak); err == nil || !strings.Contains(err.Error(), "không trống") {
		t.Errorf("restore into a database with records: %v\n%s", err, out)
	}
	if out, err := cli(t, src, "backup", bak); err == nil || !strings.Contains(err.Error(), "đã có") {
		t.Errorf("backup over an existing file: %v\n%s", err, out)
	}
}
