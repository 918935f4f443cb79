package manifest

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Build lists every file of the bundle at path (a directory or a .zip)
// but manifest.json, with its hash and size, into m.Files.
func (m *Manifest) Build(path string) error {
	fs, err := openFiles(path)
	if err != nil {
		return err
	}
	defer fs.close()
	m.Files = nil
	for _, name := range fs.names() {
		if name == FileName {
			continue
		}
		sum, n, err := hashFile(fs, name, -1)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, File{Name: name, SHA256: sum, Bytes: n})
	}
	return nil
}

// Read reads the manifest of the bundle at path; ErrNoManifest when it has
// none (only a directory or a .zip can have one).
func Read(path string) (*Manifest, error) {
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() && !strings.EqualFold(filepath.Ext(path), ".zip") {
		return nil, ErrNoManifest
	}
	fs, err := openFiles(path)
	if err != nil {
		return nil, err
	}
	defer fs.close()
	if !slices.Contains(fs.names(), FileName) {
		return nil, ErrNoManifest
	}
	rc, err := fs.open(FileName)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxManifest+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxManifest {
		return nil, fmt.Errorf("%s: tệp kê khai quá lớn", FileName)
	}
	return Parse(b)
}

// maxManifest bounds manifest.json's size.
const maxManifest = 1 << 20

// CheckFiles checks the bundle at path against the manifest: every file
// listed is there with its size and hash, and no file is there unlisted.
// The error names every file that does not match.
func (m *Manifest) CheckFiles(path string) error {
	fs, err := openFiles(path)
	if err != nil {
		return err
	}
	defer fs.close()
	listed := map[string]bool{}
	var bad []string
	for _, f := range m.Files {
		listed[f.Name] = true
		sum, n, err := hashFile(fs, f.Name, f.Bytes)
		switch {
		case errors.Is(err, os.ErrNotExist):
			bad = append(bad, fmt.Sprintf("thiếu tệp %s có trong tệp kê khai", f.Name))
		case err != nil:
			return err
		case n != f.Bytes || sum != f.SHA256:
			bad = append(bad, fmt.Sprintf("tệp %s không khớp mã băm SHA-256 trong tệp kê khai (đã bị sửa)", f.Name))
		}
	}
	for _, name := range fs.names() {
		if name != FileName && !listed[name] {
			bad = append(bad, fmt.Sprintf("tệp %s không có trong tệp kê khai", name))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("gói dữ liệu không khớp %s: %s", FileName, strings.Join(bad, "; "))
	}
	return nil
}

// Write writes the manifest into the bundle at path: a file of a directory,
// or an entry added at the root of a .zip (the zip is written again beside
// and renamed over).
func (m *Manifest) Write(path string) error {
	b, err := m.Marshal()
	if err != nil {
		return err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return os.WriteFile(filepath.Join(path, FileName), b, 0o644)
	}
	if !strings.EqualFold(filepath.Ext(path), ".zip") {
		return fmt.Errorf("%s: chỉ gói dạng thư mục hoặc .zip mới có tệp kê khai (không phải .xlsx)", filepath.Base(path))
	}
	z, err := openZip(path)
	if err != nil {
		return err
	}
	prefix := z.prefix
	z.close()
	return addToZip(path, prefix+FileName, b)
}

// addToZip copies a zip with one more entry at its root, then renames the
// copy over the original.
func addToZip(path, name string, data []byte) (err error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	tmp, err := os.CreateTemp(filepath.Dir(path), ".manifest-*.zip")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	zw := zip.NewWriter(tmp)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Now()})
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if fi, serr := os.Stat(path); serr == nil {
		os.Chmod(tmp.Name(), fi.Mode().Perm())
	}
	return os.Rename(tmp.Name(), path)
}
