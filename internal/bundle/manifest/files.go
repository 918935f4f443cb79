package manifest

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// files is the bundle's files, as the bundle's readers find them: the
// regular, not hidden files of a directory, or of a .zip's root (or its one
// top folder when the root holds no bundle file), and those of its folder
// files/ (documents' attached files, bundle-v1 amendment 3), named
// "files/<name>".
type files interface {
	names() []string // sorted, manifest.json included when present
	open(name string) (io.ReadCloser, error)
	close() error
}

// hidden is a name the bundle's readers skip (as container does).
func hidden(base string) bool { return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") }

// openFiles opens a bundle at path: a directory or a .zip.
func openFiles(p string) (files, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return openDir(p)
	}
	if strings.EqualFold(filepath.Ext(p), ".zip") {
		return openZip(p)
	}
	return nil, fmt.Errorf("%s: gói có tệp kê khai phải là thư mục hoặc tệp .zip", filepath.Base(p))
}

type dirFiles struct {
	dir  string
	list []string
}

func openDir(dir string) (*dirFiles, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	d := &dirFiles{dir: dir}
	for _, e := range entries {
		if hidden(e.Name()) {
			continue
		}
		fi, err := os.Stat(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if fi.Mode().IsRegular() {
			d.list = append(d.list, e.Name())
		}
		if fi.IsDir() && e.Name() == attachedFolder {
			sub, err := os.ReadDir(filepath.Join(dir, attachedFolder))
			if err != nil {
				return nil, err
			}
			for _, a := range sub {
				if hidden(a.Name()) {
					continue
				}
				if afi, err := os.Stat(filepath.Join(dir, attachedFolder, a.Name())); err != nil {
					return nil, err
				} else if afi.Mode().IsRegular() {
					d.list = append(d.list, attachedFolder+"/"+a.Name())
				}
			}
		}
	}
	slices.Sort(d.list)
	return d, nil
}

// attachedFolder is the bundle's folder of attached files (bundle.AttachedFolder).
const attachedFolder = "files"

func (d *dirFiles) names() []string { return d.list }
func (d *dirFiles) open(name string) (io.ReadCloser, error) {
	return os.Open(filepath.Join(d.dir, name))
}
func (d *dirFiles) close() error { return nil }

type zipFiles struct {
	zr     *zip.ReadCloser
	prefix string // the folder of the bundle inside the zip: "" or "name/"
	files  map[string]*zip.File
	list   []string
}

func openZip(p string) (*zipFiles, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, fmt.Errorf("%s: không mở được tệp nén: %w", filepath.Base(p), err)
	}
	z := &zipFiles{zr: zr, files: map[string]*zip.File{}}
	type entry struct {
		f     *zip.File
		parts []string
	}
	var entries []entry
	root := false
	folders := map[string]bool{}
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		if f.FileInfo().IsDir() || strings.HasSuffix(name, "/") {
			continue
		}
		parts := strings.Split(strings.TrimPrefix(path.Clean("/"+name), "/"), "/")
		if parts[0] == "__MACOSX" || slices.ContainsFunc(parts, hidden) {
			continue
		}
		entries = append(entries, entry{f, parts})
		base := strings.ToLower(parts[len(parts)-1])
		if strings.HasSuffix(base, ".csv") {
			switch len(parts) {
			case 1:
				root = true
			case 2:
				folders[parts[0]] = true
			}
		}
	}
	var dir []string
	if !root && len(folders) == 1 {
		for k := range folders {
			dir = []string{k}
			z.prefix = k + "/"
		}
	}
	for _, e := range entries {
		name := ""
		switch {
		case len(e.parts) == len(dir)+1 && slices.Equal(e.parts[:len(dir)], dir):
			name = e.parts[len(dir)]
		case len(e.parts) == len(dir)+2 && slices.Equal(e.parts[:len(dir)], dir) && e.parts[len(dir)] == attachedFolder:
			name = attachedFolder + "/" + e.parts[len(dir)+1]
		default:
			continue
		}
		if _, dup := z.files[name]; dup {
			zr.Close()
			return nil, fmt.Errorf("%s: tệp %s có hai lần trong tệp nén", filepath.Base(p), name)
		}
		z.files[name] = e.f
		z.list = append(z.list, name)
	}
	slices.Sort(z.list)
	return z, nil
}

func (z *zipFiles) names() []string { return z.list }
func (z *zipFiles) open(name string) (io.ReadCloser, error) {
	f, ok := z.files[name]
	if !ok {
		return nil, os.ErrNotExist
	}
	return f.Open()
}
func (z *zipFiles) close() error { return z.zr.Close() }

// hashFile returns a file's SHA-256 (hex) and size, reading at most limit+1
// bytes when limit >= 0 (a file longer than its manifest says stops there).
func hashFile(fs files, name string, limit int64) (string, int64, error) {
	rc, err := fs.open(name)
	if err != nil {
		return "", 0, err
	}
	defer rc.Close()
	var r io.Reader = rc
	if limit >= 0 {
		r = io.LimitReader(rc, limit+1)
	}
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return "", 0, fmt.Errorf("%s: %w", name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}
