package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cli runs the command line in-process against db and returns its output.
func cli(t *testing.T, db string, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), append([]string{"--db", db, "--user", "kiem-thu"}, args...), &out, &errb)
	return out.String() + errb.String(), err
}

func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, err := cli(t, db, args...)
	if err != nil {
		t.Fatalf("tochuc %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// writeDir writes CSV files (name → content) into a new directory.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const unitsV1 = `id,name,kind,parent_id,valid_from,valid_to
T1,Tỉnh Thử,province,,2000-01-01,
H1,Huyện Một,district,T1,2000-01-01,
H2,Huyện Hai,district,T1,2000-01-01,
X1,Xã Một,commune,H1,2000-01-01,
`

// TestRecordedAt proves the two time axes from the command line: after a
// correction, the report and the export as recorded before it are unchanged.
func TestRecordedAt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": unitsV1}))
	reportBefore := mustRun(t, db, "report", "--as-of", "2018-12-31", "--format", "json")
	exportBefore := filepath.Join(t.TempDir(), "before")
	mustRun(t, db, "export", exportBefore)
	time.Sleep(5 * time.Millisecond)
	r := time.Now().UTC().Format(time.RFC3339Nano)
	time.Sleep(5 * time.Millisecond)

	// A correction: H2 never existed before 2019.
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": "id,name,kind,parent_id,valid_from\nH2,Huyện Hai,district,T1,2019-01-01\n"}))
	now := mustRun(t, db, "report", "--as-of", "2018-12-31", "--format", "json")
	if districts(t, now) != 1 || districts(t, reportBefore) != 2 {
		t.Fatalf("districts on 2018-12-31: now %d (want 1), before %d (want 2)", districts(t, now), districts(t, reportBefore))
	}
	then := mustRun(t, db, "report", "--as-of", "2018-12-31", "--format", "json", "--recorded-at", r)
	if then != reportBefore {
		t.Fatalf("report as recorded at %s differs from the report then:\n%s\n%s", r, then, reportBefore)
	}
	exportThen := filepath.Join(t.TempDir(), "then")
	mustRun(t, db, "export", "--recorded-at", r, exportThen)
	a, _ := os.ReadFile(filepath.Join(exportBefore, "units.csv"))
	b, _ := os.ReadFile(filepath.Join(exportThen, "units.csv"))
	if !bytes.Equal(a, b) {
		t.Fatalf("export as recorded at R differs:\n%s\n%s", a, b)
	}
	hist := mustRun(t, db, "history", "units", "id=H2")
	if strings.Count(hist, "Huyện Hai") != 2 || !strings.Contains(hist, "kiem-thu") {
		t.Fatalf("history of H2:\n%s", hist)
	}
	show := mustRun(t, db, "show", "units", "--as-of", "2018-12-31", "parent_id=T1")
	if !strings.Contains(show, "H1,Huyện Một") || strings.Contains(show, "H2,") {
		t.Fatalf("show units on 2018-12-31:\n%s", show)
	}
}

func districts(t *testing.T, report string) int {
	t.Helper()
	var r struct {
		Indicators []struct {
			ID    string
			Value int
		}
	}
	if err := json.Unmarshal([]byte(report), &r); err != nil {
		t.Fatalf("%v\n%s", err, report)
	}
	for _, i := range r.Indicators {
		if i.ID == "units.district" {
			return i.Value
		}
	}
	t.Fatal("no units.district")
	return 0
}

// TestImportRefused checks the exit status, the full list of errors and an unchanged database.
func TestImportRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": unitsV1}))
	bad := writeDir(t, map[string]string{
		"units.csv":  unitsV1 + "X2,Xã Hai,xa,H1,2000-01-01,\nX3,Xã Ba,commune,H9,2000-13-01,\n",
		"people.csv": "id,full_name,tuoi\nP1,Nguyễn Văn A,40\n",
	})
	out, err := cli(t, db, "import", bad)
	if err == nil {
		t.Fatal("a broken bundle was accepted")
	}
	out += err.Error()
	for _, want := range []string{"units.csv, dòng 6, cột kind", "units.csv, dòng 7, cột valid_from", "units.csv, dòng 7, cột parent_id",
		"people.csv, dòng 1, cột tuoi", "cơ sở dữ liệu không thay đổi"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if show := mustRun(t, db, "show", "units"); strings.Contains(show, "X2") {
		t.Fatal("refused import left records")
	}
}

// TestOutdatedSchemaRefused checks that commands refuse a database without the schema.
func TestOutdatedSchemaRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if out, err := cli(t, db, "report"); err == nil || !strings.Contains(err.Error(), "tochuc migrate") {
		t.Fatalf("report on an empty database: %v %s", err, out)
	}
	out := mustRun(t, db, "migrate")
	if !strings.Contains(out, "phiên bản") {
		t.Fatalf("migrate: %s", out)
	}
	mustRun(t, db, "report")
}

func TestUsage(t *testing.T) {
	if _, err := cli(t, "x.db", "nope"); exitCode(err) != 2 {
		t.Fatalf("unknown command: exit %d", exitCode(err))
	}
	out, err := cli(t, "x.db", "import", "--help")
	if exitCode(err) != 0 || !strings.Contains(out, "Cách dùng: tochuc import") {
		t.Fatalf("import --help: %v %s", err, out)
	}
}

func TestConfigRedacts(t *testing.T) {
	out := mustRun(t, "postgres://tochuc:bi-mat@db.example/tochuc", "config")
	if strings.Contains(out, "bi-mat") || !strings.Contains(out, "tochuc:***@db.example") {
		t.Fatalf("config:\n%s", out)
	}
	out = mustRun(t, "postgres://tochuc@db.example/tochuc?sslmode=require&password=bi-mat", "config")
	if strings.Contains(out, "bi-mat") || !strings.Contains(out, "password=***") {
		t.Fatalf("config with a password= parameter:\n%s", out)
	}
}

// TestRestructureCLI runs a restructuring from the command line through the
// one parser the web wizard uses: a rename in place (no --new-id), then a
// merge whose ids are comma-separated and whose names are repeated.
func TestRestructureCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": unitsV1 + "X2,Xã Hai,commune,H1,2000-01-01,\n"}))
	out := mustRun(t, db, "restructure", "--kind", "rename", "--date", "01/07/2025", "--from", "X1", "--new-name", "Xã Một Mới")
	if !strings.Contains(out, "Đã ghi sắp xếp") {
		t.Fatalf("rename: %s", out)
	}
	show := mustRun(t, db, "show", "units", "--as-of", "2025-07-01")
	if !strings.Contains(show, "X1,Xã Một Mới") {
		t.Errorf("X1 not renamed in place on 2025-07-01:\n%s", show)
	}
	mustRun(t, db, "restructure", "--kind", "merge", "--date", "2025-08-01", "--from", "X1,X2", "--new-id", "X9",
		"--new-name", "Xã Chín, mới")
	show = mustRun(t, db, "show", "units", "--as-of", "2025-08-01")
	if !strings.Contains(show, `X9,"Xã Chín, mới"`) || strings.Contains(show, "X2,") {
		t.Errorf("merge into X9 not recorded:\n%s", show)
	}
	if _, err := cli(t, db, "restructure", "--kind", "split", "--date", "2025-09-01", "--from", "X9",
		"--new-id", "Y1,Y2", "--member-to", "P1"); err == nil || !strings.Contains(err.Error(), "MÃ_ĐẢNG_VIÊN=MÃ_ĐƠN_VỊ") {
		t.Errorf("a malformed --member-to: got %v", err)
	}
}
