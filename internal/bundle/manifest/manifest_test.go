package manifest

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bundleDir writes a small bundle directory.
func bundleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"units.csv": "id,name\nA,Một\n", "people.csv": "id\nP1\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// zipOf zips a directory's files into a top folder.
func zipOf(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "b.zip")
	f, _ := os.Create(p)
	zw := zip.NewWriter(f)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		w, _ := zw.Create("goi/" + e.Name())
		w.Write(b)
	}
	zw.Close()
	f.Close()
	return p
}

func signed(t *testing.T, path string) (*Manifest, string) {
	t.Helper()
	keys := t.TempDir()
	pub, err := NewKey(keys)
	if err != nil {
		t.Fatal(err)
	}
	priv, err := LoadPrivateKey(filepath.Join(keys, PrivateFile))
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(filepath.Join(keys, PrivateFile)); fi.Mode().Perm() != 0o600 {
		t.Errorf("private key mode %v", fi.Mode().Perm())
	}
	m := New("H1", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err := m.Build(path); err != nil {
		t.Fatal(err)
	}
	if err := m.Sign(priv); err != nil {
		t.Fatal(err)
	}
	if err := m.Write(path); err != nil {
		t.Fatal(err)
	}
	if m.Key != Fingerprint(pub) {
		t.Errorf("key %s", m.Key)
	}
	return m, filepath.Join(keys, PublicFile)
}

func TestSignedDirectoryAndZip(t *testing.T) {
	for _, kind := range []string{"dir", "zip"} {
		t.Run(kind, func(t *testing.T) {
			path := bundleDir(t)
			if kind == "zip" {
				path = zipOf(t, path)
			}
			_, pubFile := signed(t, path)
			m, err := Read(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Files) != 2 || m.Files[0].Name != "people.csv" || m.Scope != "H1" {
				t.Fatalf("manifest %+v", m)
			}
			b, _ := os.ReadFile(pubFile)
			pub, err := ParsePublicKey(b)
			if err != nil {
				t.Fatal(err)
			}
			if err := m.VerifySignature(pub); err != nil {
				t.Fatal(err)
			}
			if err := m.CheckFiles(path); err != nil {
				t.Fatal(err)
			}
			other, _ := NewKey(t.TempDir())
			if err := m.VerifySignature(other); err == nil {
				t.Error("another key verified")
			}
			m.Scope = "H2"
			if err := m.VerifySignature(pub); err == nil || !strings.Contains(err.Error(), "chữ ký không khớp") {
				t.Errorf("altered manifest: %v", err)
			}
		})
	}
}

func TestTamperedAndUnlisted(t *testing.T) {
	dir := bundleDir(t)
	signed(t, dir)
	os.WriteFile(filepath.Join(dir, "units.csv"), []byte("id,name\nB,Hai\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "extra.csv"), []byte("x\n"), 0o644)
	m, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = m.CheckFiles(dir)
	if err == nil || !strings.Contains(err.Error(), "tệp units.csv không khớp mã băm") || !strings.Contains(err.Error(), "tệp extra.csv không có trong tệp kê khai") {
		t.Errorf("got %v", err)
	}
	os.Remove(filepath.Join(dir, "people.csv"))
	if err := m.CheckFiles(dir); err == nil || !strings.Contains(err.Error(), "thiếu tệp people.csv") {
		t.Errorf("missing file: %v", err)
	}
}

func TestNoManifestAndBadOnes(t *testing.T) {
	if _, err := Read(bundleDir(t)); err != ErrNoManifest {
		t.Errorf("got %v", err)
	}
	for _, text := range []string{`{"format":"x","recorded_at":"2026-01-01T00:00:00Z"}`,
		`{"format":"tochuc-manifest/1","recorded_at":"hôm qua"}`,
		`{"format":"tochuc-manifest/1","recorded_at":"2026-01-01T00:00:00Z","extra":1}`,
		`{"format":"tochuc-manifest/1","recorded_at":"2026-01-01T00:00:00Z","key":"ab"}`} {
		if _, err := Parse([]byte(text)); err == nil {
			t.Errorf("accepted %s", text)
		}
	}
	if _, err := NewKey(t.TempDir()); err != nil {
		t.Fatal(err)
	}
}

func TestNewKeyRefusesOverwrite(t *testing.T) {
	d := t.TempDir()
	if _, err := NewKey(d); err != nil {
		t.Fatal(err)
	}
	if _, err := NewKey(d); err == nil {
		t.Error("overwrote a key")
	}
}

// TestManifestCoversAttachedFiles: the files/ of a bundle (documents'
// attached files) are listed with their hashes; a tampered, missing or
// added one is refused, in a directory and in a .zip.
func TestManifestCoversAttachedFiles(t *testing.T) {
	dir := bundleDir(t)
	os.Mkdir(filepath.Join(dir, "files"), 0o755)
	sha := strings.Repeat("ab", 32)
	if err := os.WriteFile(filepath.Join(dir, "files", sha), []byte("%PDF-1.4 nội dung"), 0o644); err != nil {
		t.Fatal(err)
	}
	m, _ := signed(t, dir)
	listed := false
	for _, f := range m.Files {
		listed = listed || f.Name == "files/"+sha
	}
	if !listed {
		t.Fatalf("files/ not listed: %+v", m.Files)
	}
	if err := m.CheckFiles(dir); err != nil {
		t.Fatalf("untouched: %v", err)
	}
	// The same in a zip with a top folder.
	zp := filepath.Join(t.TempDir(), "b.zip")
	f, _ := os.Create(zp)
	zw := zip.NewWriter(f)
	for _, name := range []string{"units.csv", "people.csv", "files/" + sha} {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		w, _ := zw.Create("goi/" + name)
		w.Write(b)
	}
	zw.Close()
	f.Close()
	if err := m.CheckFiles(zp); err != nil {
		t.Errorf("the zip: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "files", sha), []byte("%PDF-1.4 nội dung đã sửa"), 0o644)
	if err := m.CheckFiles(dir); err == nil || !strings.Contains(err.Error(), "files/"+sha) {
		t.Errorf("tampered: %v", err)
	}
	os.Remove(filepath.Join(dir, "files", sha))
	if err := m.CheckFiles(dir); err == nil || !strings.Contains(err.Error(), "thiếu tệp files/"+sha) {
		t.Errorf("removed: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "files", sha), []byte("%PDF-1.4 nội dung"), 0o644)
	os.WriteFile(filepath.Join(dir, "files", strings.Repeat("cd", 32)), []byte("%PDF-1.4 thêm"), 0o644)
	if err := m.CheckFiles(dir); err == nil || !strings.Contains(err.Error(), "không có trong tệp kê khai") {
		t.Errorf("added: %v", err)
	}
}
