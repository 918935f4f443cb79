package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/bundle/manifest"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// packageBase is what the province and the district share: a province, two
// districts, a commune and a person in each district.
var packageBase = map[string]string{
	"units.csv":       unitsV1,
	"people.csv":      "id,full_name,gender,birth_date\nP1,Nguyễn Văn Một,male,1980-01-01\nP2,Trần Văn Hai,male,1980-01-01\n",
	"assignments.csv": "person_id,unit_id,role,valid_from,how\nP1,H1,chair,2021-06-01,appointed\nP2,H2,chair,2022-06-01,appointed\n",
}

// exchange is a province database and a district database made from one
// bundle, and the district's key trusted by the province for H1.
type exchange struct {
	province, district string
	key, pub           string // the district's key files
}

func newExchange(t *testing.T) *exchange {
	t.Helper()
	x := &exchange{province: sqldbtest.DSN(t), district: sqldbtest.DSN(t)}
	base := writeDir(t, packageBase)
	mustRun(t, x.province, "import", base)
	mustRun(t, x.district, "import", base)
	keys := filepath.Join(t.TempDir(), "khoa")
	out := mustRun(t, x.district, "keys", "new", "--out", keys)
	x.key, x.pub = filepath.Join(keys, "tochuc.key"), filepath.Join(keys, "tochuc.pub")
	if fi, err := os.Stat(x.key); err != nil || fi.Mode().Perm() != 0o600 || !strings.Contains(out, "Dấu vân tay") {
		t.Fatalf("keys new: %v %v\n%s", fi, err, out)
	}
	mustRun(t, x.province, "keys", "trust", x.pub, "--scope", "H1", "--name", "Huyện ủy Một")
	return x
}

// signedExport edits the district (a commune X3 in H1) unless edit is
// empty, then exports its scope signed into a new directory or .zip.
func (x *exchange) signedExport(t *testing.T, edit, ext string) string {
	t.Helper()
	if edit != "" {
		mustRun(t, x.district, "import", writeDir(t, map[string]string{"units.csv": edit}))
	}
	out := filepath.Join(t.TempDir(), "goi"+ext)
	mustRun(t, x.district, "export", "--scope", "H1", "--sign", x.key, out)
	return out
}

func refused(t *testing.T, db string, want []string, args ...string) {
	t.Helper()
	out, err := cli(t, db, args...)
	if err == nil {
		t.Fatalf("tochuc %s accepted:\n%s", strings.Join(args, " "), out)
	}
	msg := out + err.Error()
	t.Logf("tochuc %s:\n%s", strings.Join(args, " "), msg)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("tochuc %s: missing %q in:\n%s", strings.Join(args, " "), w, msg)
		}
	}
}

const communeX3 = "id,name,kind,parent_id,valid_from\nX3,Xã Ba,commune,H1,2020-01-01\n"

// TestSignedPackageHappyPath: a district's signed export of its scope is
// imported into the province database (directory and .zip).
func TestSignedPackageHappyPath(t *testing.T) {
	x := newExchange(t)
	for i, ext := range []string{"", ".zip"} {
		edit := communeX3
		if i == 1 {
			edit = "id,name,kind,parent_id,valid_from\nX4,Xã Bốn,commune,H1,2020-01-01\n"
		}
		pkg := x.signedExport(t, edit, ext)
		m, err := manifest.Read(pkg)
		if err != nil {
			t.Fatal(err)
		}
		if m.Scope != "H1" || m.SenderUnit != "H1" || m.Key == "" || m.Signature == "" || len(m.Files) == 0 {
			t.Fatalf("manifest %+v", m)
		}
		mustRun(t, x.province, "import", "--require-signature", pkg)
	}
	show := mustRun(t, x.province, "show", "units")
	if !strings.Contains(show, "X3,Xã Ba") || !strings.Contains(show, "X4,Xã Bốn") || !strings.Contains(show, "H2,Huyện Hai") {
		t.Fatalf("province after the packages:\n%s", show)
	}
	list := mustRun(t, x.province, "keys", "list")
	if !strings.Contains(list, "Huyện ủy Một") || !strings.Contains(list, "đang tin cậy") {
		t.Errorf("keys list:\n%s", list)
	}
}

// TestPackageRefusals: each refusal, and the database unchanged after it.
func TestPackageRefusals(t *testing.T) {
	x := newExchange(t)
	t.Run("unsigned", func(t *testing.T) {
		pkg := filepath.Join(t.TempDir(), "goi")
		mustRun(t, x.district, "export", "--scope", "H1", pkg)
		m, err := manifest.Read(pkg)
		if err != nil || m.Signed() || m.Scope != "H1" {
			t.Fatalf("unsigned manifest %+v %v", m, err)
		}
		refused(t, x.province, []string{"không có chữ ký"}, "import", "--require-signature", pkg)
		refused(t, x.province, []string{"không có chữ ký"}, "import", "--require-signature", writeDir(t, map[string]string{"units.csv": communeX3}))
	})
	t.Run("tampered", func(t *testing.T) {
		pkg := x.signedExport(t, "", "")
		units := filepath.Join(pkg, "units.csv")
		b, _ := os.ReadFile(units)
		os.WriteFile(units, append(b, []byte("X9,Xã Chín,commune,H1,2020-01-01,\n")...), 0o644)
		refused(t, x.province, []string{"units.csv", "không khớp mã băm"}, "import", pkg)
		refused(t, x.province, []string{"units.csv", "không khớp mã băm"}, "import", "--diff", pkg) // a diff verifies first
		// An altered manifest (its scope widened) breaks the signature.
		pkg = x.signedExport(t, "", "")
		mf := filepath.Join(pkg, "manifest.json")
		b, _ = os.ReadFile(mf)
		os.WriteFile(mf, []byte(strings.Replace(string(b), `"scope": "H1"`, `"scope": "T1"`, 1)), 0o644)
		refused(t, x.province, []string{"manifest.json", "chữ ký không khớp"}, "import", pkg)
	})
	t.Run("wrong key", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "khac")
		mustRun(t, x.district, "keys", "new", "--out", other)
		pkg := filepath.Join(t.TempDir(), "goi.zip")
		mustRun(t, x.district, "export", "--scope", "H1", "--sign", filepath.Join(other, "tochuc.key"), pkg)
		refused(t, x.province, []string{"không có trong danh sách khóa tin cậy"}, "import", pkg)
		refused(t, x.province, []string{"không có trong danh sách khóa tin cậy"}, "import", "--diff", pkg)
	})
	t.Run("out of scope", func(t *testing.T) {
		// The district's bundle reaches into H2: a commune under H2 and a
		// post of H1's chair in H2, signed with the key trusted for H1.
		dir := writeDir(t, map[string]string{
			"units.csv":       "id,name,kind,parent_id,valid_from\nX1,Xã Một,commune,H1,2000-01-01\nX5,Xã Năm,commune,H2,2020-01-01\n",
			"assignments.csv": "person_id,unit_id,role,valid_from,how\nP1,H2,vice_chair,2023-01-01,appointed\n",
		})
		priv, err := manifest.LoadPrivateKey(x.key)
		if err != nil {
			t.Fatal(err)
		}
		m := manifest.New("H1", time.Now())
		if err := m.Build(dir); err != nil {
			t.Fatal(err)
		}
		m.Sign(priv)
		if err := m.Write(dir); err != nil {
			t.Fatal(err)
		}
		refused(t, x.province, []string{"ngoài phạm vi đơn vị 'H1'", "units.csv dòng 3, cột parent_id", "đơn vị 'H2'",
			"assignments.csv dòng 2, cột unit_id"}, "import", dir)
		// The diff is judged as the import is: by the key's scope, not the
		// province administrator's.
		refused(t, x.province, []string{"X5"}, "import", "--diff", dir)
		if show := mustRun(t, x.province, "show", "units"); strings.Contains(show, "X5") {
			t.Fatal("refused package left records")
		}
	})
	t.Run("replay", func(t *testing.T) {
		older := x.signedExport(t, "", "")
		time.Sleep(5 * time.Millisecond)
		newer := x.signedExport(t, "id,name,kind,parent_id,valid_from\nX6,Xã Sáu,commune,H1,2020-01-01\n", "")
		mustRun(t, x.province, "import", newer)
		refused(t, x.province, []string{"Gói cũ hơn gói đã nhận ngày"}, "import", older)
		refused(t, x.province, []string{"Gói cũ hơn gói đã nhận ngày"}, "import", newer)
		mustRun(t, x.province, "import", "--allow-replay", older)
	})
	t.Run("revoked", func(t *testing.T) {
		pkg := x.signedExport(t, "id,name,kind,parent_id,valid_from\nX7,Xã Bảy,commune,H1,2020-01-01\n", ".zip")
		list := mustRun(t, x.province, "keys", "list")
		fp := strings.Fields(strings.Split(list, "\n")[1])[0]
		mustRun(t, x.province, "keys", "revoke", fp[:12])
		refused(t, x.province, []string{"đã bị thu hồi"}, "import", pkg)
		if list := mustRun(t, x.province, "keys", "list"); !strings.Contains(list, "thu hồi ngày") {
			t.Errorf("keys list after revoke:\n%s", list)
		}
		refused(t, x.province, []string{"đã bị thu hồi"}, "keys", "revoke", fp)
	})
	t.Run("trust needs a held unit", func(t *testing.T) {
		refused(t, x.province, []string{"không có đơn vị 'H9'"}, "keys", "trust", x.pub, "--scope", "H9")
		refused(t, x.province, []string{"đã được ghi nhận"}, "keys", "trust", x.pub, "--scope", "H2")
	})
}
