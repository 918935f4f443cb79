package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportDiff prints, one record a line, what an import would change,
// and writes nothing: the registry's change log is unchanged.
func TestImportDiff(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "t.db")
	mustRun(t, db, "import", writeDir(t, map[string]string{"units.csv": unitsV1}))
	before := mustRun(t, db, "history", "units", "id=H1")
	out := mustRun(t, db, "import", "--diff", "--quiet", writeDir(t, map[string]string{"units.csv": "id,name,kind,parent_id,valid_from,valid_to\n" +
		"H1,Huyện Một Mới,district,T1,2000-01-01,\nX1,Xã Một,commune,H1,2000-01-01,2020-06-30\nX2,Xã Hai,commune,H1,2001-01-01,\n"}))
	for _, want := range []string{"Sửa: đơn vị (H1, 01/01/2000) — Tên đơn vị: Huyện Một → Huyện Một Mới",
		"Kết thúc: đơn vị (X1, 01/01/2000)", "(trống) → 30/06/2020", "Thêm: đơn vị (X2, 01/01/2001)", "3 bản ghi sẽ thay đổi"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if after := mustRun(t, db, "history", "units", "id=H1"); after != before {
		t.Fatalf("--diff wrote:\n%s\n%s", before, after)
	}
	if show := mustRun(t, db, "show", "units"); strings.Contains(show, "X2") {
		t.Fatal("--diff left a record")
	}
}

// TestIncrementalExport: a copy brought up to date by `export
// --changed-since` then `import` exports the same bundle as the source.
func TestIncrementalExport(t *testing.T) {
	t.Parallel()
	src, dst := filepath.Join(t.TempDir(), "s.db"), filepath.Join(t.TempDir(), "d.db")
	mustRun(t, src, "import", writeDir(t, map[string]string{"units.csv": unitsV1,
		"people.csv": "id,full_name\nP1,Nguyễn Văn An\n", "qualifications.csv": "person_id,kind,level\nP1,education,master\n"}))
	full := filepath.Join(t.TempDir(), "full.zip")
	mustRun(t, src, "export", full)
	mustRun(t, dst, "import", full)
	out := mustRun(t, src, "export", "--changed-since", "2000-01-01", filepath.Join(t.TempDir(), "first.zip"))
	i := strings.Index(out, "--changed-since ")
	if i < 0 {
		t.Fatalf("no next instant in:\n%s", out)
	}
	r := strings.TrimSpace(out[i+len("--changed-since "):])
	mustRun(t, src, "import", writeDir(t, map[string]string{"units.csv": "id,name,kind,parent_id,valid_from\nX2,Xã Hai,commune,H1,2001-01-01\n",
		"qualifications.csv": "person_id,kind,level\nP1,education,doctor\n"}))
	inc := filepath.Join(t.TempDir(), "inc")
	mustRun(t, src, "export", "--changed-since", r, inc)
	mustRun(t, dst, "import", inc)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	mustRun(t, src, "export", a)
	mustRun(t, dst, "export", b)
	for _, f := range []string{"units.csv", "people.csv", "qualifications.csv"} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if string(x) != string(y) {
			t.Errorf("%s differs:\n%s\n%s", f, x, y)
		}
	}
}
