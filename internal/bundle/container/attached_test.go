package container_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
)

// writeZip writes a zip of the given entries.
func writeZip(t *testing.T, entries map[string][]byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "goi.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, b := range entries {
		w, _ := zw.Create(name)
		w.Write(b)
	}
	zw.Close()
	f.Close()
	return p
}

// TestAttachedContainers: a directory and a .zip (at its root or in one
// folder) carry files/<sha256>; an .xlsx says it cannot; the zip's limits
// count files/ as any entry.
func TestAttachedContainers(t *testing.T) {
	sha := strings.Repeat("0f", 32)
	content := []byte("%PDF-1.4\n")
	for name, entries := range map[string]map[string][]byte{
		"root":   {"units.csv": []byte("id\n"), "files/" + sha: content},
		"folder": {"goi/units.csv": []byte("id\n"), "goi/files/" + sha: content},
	} {
		src, err := container.OpenSource(writeZip(t, entries))
		if err != nil {
			t.Fatal(err)
		}
		as := src.(bundle.AttachedSource)
		rc, err := as.OpenAttached(sha)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Equal(got, content) {
			t.Errorf("%s: %q", name, got)
		}
		if _, err := as.OpenAttached(strings.Repeat("1f", 32)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: a content not carried: %v", name, err)
		}
		if slicesContains(src.Names(), "files") {
			t.Errorf("%s: files/ listed as a bundle file: %v", name, src.Names())
		}
		src.Close()
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "units.csv"), []byte("id\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "files"), 0o755)
	os.WriteFile(filepath.Join(dir, "files", sha), content, 0o644)
	src, err := container.OpenSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	if rc, err := src.(bundle.AttachedSource).OpenAttached(sha); err != nil {
		t.Errorf("directory: %v", err)
	} else {
		rc.Close()
	}
	if _, err := src.(bundle.AttachedSource).OpenAttached("../units.csv"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a path that is no SHA-256: %v", err)
	}
	// A decompression bomb under files/ is refused as one anywhere else.
	bomb := writeZip(t, map[string][]byte{"units.csv": []byte("id\n"), "files/" + sha: make([]byte, 8<<20)})
	if _, err := container.OpenSource(bomb); err == nil || !strings.Contains(err.Error(), "giới hạn giải nén") {
		t.Errorf("a bomb in files/: %v", err)
	}
	// An .xlsx cannot carry a file.
	xp := filepath.Join(t.TempDir(), "goi.xlsx")
	sink, err := container.CreateSink(xp)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := sink.(bundle.AttachedSink); ok {
		t.Error("an .xlsx sink claims to carry files")
	}
	w, _ := sink.Create("units", []string{"id"})
	w.Close()
	sink.Close()
	xs, err := container.OpenSource(xp)
	if err != nil {
		t.Fatal(err)
	}
	defer xs.Close()
	if _, err := xs.(bundle.AttachedSource).OpenAttached(sha); !errors.Is(err, bundle.ErrNoAttached) {
		t.Errorf("an .xlsx: %v", err)
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
