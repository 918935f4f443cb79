package container

import (
	"archive/zip"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/workbook"
)

// testFile is one file of a bundle used in the tests: header then rows.
type testFile struct {
	name string
	rows [][]string
}

// sampleBundle has Vietnamese text, quotes, commas, line breaks, empty and
// number-like cells.
var sampleBundle = []testFile{
	{"units", [][]string{
		{"id", "name", "kind", "parent_id", "admin_code"},
		{"u1", "Đảng bộ xã Bảo Đài", "party_grassroots_committee", "", "007"},
		{"u2", `Ban "Tuyên giáo", Huyện ủy`, "party_board_propaganda", "u1", "12"},
		{"u3", "dòng 1\ndòng 2", "other", "", ""},
		{"u4", " có dấu cách ", "", "", "1.50"},
	}},
	{"people", [][]string{
		{"id", "full_name", "birth_date"},
		{"p1", "Nguyễn Thị Ánh", "1980-02-29"},
		{"p2", "Trần Văn Đức", ""},
	}},
}

// writeBundle writes files through a sink created at path.
func writeBundle(t *testing.T, path string, files []testFile) {
	t.Helper()
	s, err := CreateSink(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		w, err := s.Create(f.name, f.rows[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range f.rows[1:] {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// readAll reads every row of a file of src, copying the reused slices.
func readAll(t *testing.T, src bundle.Source, name string) [][]string {
	t.Helper()
	r, err := src.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var rows [][]string
	for {
		row, err := r.Next()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows = append(rows, slices.Clone(row))
	}
}

// readLines reads every row of a file with the line it was found on.
func readLines(t *testing.T, src bundle.Source, name string) []int {
	t.Helper()
	r, err := src.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var lines []int
	for {
		if _, err := r.Next(); err == io.EOF {
			return lines
		} else if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, r.(bundle.LineReader).Line())
	}
}

// trimRows drops trailing empty cells, as an .xlsx does not store them.
func trimRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		n := len(r)
		for n > 0 && r[n-1] == "" {
			n--
		}
		out[i] = r[:n]
	}
	return out
}

func openSource(t *testing.T, path string) bundle.Source {
	t.Helper()
	src, err := OpenSource(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	return src
}

func TestContainerRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		target   string
		trim     bool
		location string
	}{
		{"out", false, "units.csv"},
		{"out.zip", false, "out.zip:units.csv"},
		{"out.xlsx", true, "out.xlsx!units"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.target)
			writeBundle(t, path, sampleBundle)
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("temporary files left: %v", entries)
			}
			src := openSource(t, path)
			if got, want := src.Names(), []string{"people", "units"}; !reflect.DeepEqual(got, want) {
				t.Errorf("Names() = %q, want %q", got, want)
			}
			if got := src.Location("units"); got != tc.location {
				t.Errorf("Location = %q, want %q", got, tc.location)
			}
			for _, f := range sampleBundle {
				got, want := readAll(t, src, f.name), f.rows
				if tc.trim {
					want = trimRows(want)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s:\n got %q\nwant %q", f.name, got, want)
				}
			}
			if !tc.trim { // the cell with a line break makes u4 start on line 6
				if got, want := readLines(t, src, "units"), []int{1, 2, 3, 4, 6}; !reflect.DeepEqual(got, want) {
					t.Errorf("lines = %v, want %v", got, want)
				}
			}
		})
	}
}

func TestContainerCSVOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "b")
	writeBundle(t, dir, sampleBundle[:1])
	b, err := os.ReadFile(filepath.Join(dir, "units.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := "id,name,kind,parent_id,admin_code\n" +
		"u1,Đảng bộ xã Bảo Đài,party_grassroots_committee,,007\n" +
		"u2,\"Ban \"\"Tuyên giáo\"\", Huyện ủy\",party_board_propaganda,u1,12\n" +
		"u3,\"dòng 1\ndòng 2\",other,,\n" +
		"u4,\" có dấu cách \",,,1.50\n"
	if string(b) != want {
		t.Errorf("units.csv =\n%s\nwant\n%s", b, want)
	}
}

// writeZip writes a zip by hand with the given entries (a name ending in "/"
// is a folder).
func writeZip(t *testing.T, path string, entries map[string]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, name := range slices.Sorted(maps.Keys(entries)) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, entries[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestSourceZipFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bundle.zip")
	writeZip(t, path, map[string]string{
		"tochuc/":                      "",
		"tochuc/units.csv":             "\ufeffid,name\r\nu1,\"Xã \"\"A\"\", B\"\r\n,\r\n",
		"tochuc/people.csv":            "id,full_name\np1,Lê Văn Tám\n",
		"tochuc/notes.txt":             "hello",
		"tochuc/manifest.json":         "{}", // the manifest, read before the bundle
		"tochuc/.DS_Store":             "x",
		"tochuc/old/units.csv":         "id\nzz\n",
		"__MACOSX/tochuc/._units.csv":  "junk",
		"__MACOSX/tochuc/._people.csv": "junk",
	})
	src := openSource(t, path)
	if got, want := src.Names(), []string{"notes.txt", "people", "units"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	if got, want := src.Location("units"), "bundle.zip:tochuc/units.csv"; got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
	if got, want := readAll(t, src, "units"), [][]string{{"id", "name"}, {"u1", `Xã "A", B`}}; !reflect.DeepEqual(got, want) {
		t.Errorf("units = %q, want %q", got, want)
	}
	if got, want := readAll(t, src, "people"), [][]string{{"id", "full_name"}, {"p1", "Lê Văn Tám"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("people = %q, want %q", got, want)
	}
	if _, err := src.Open("notes.txt"); err == nil {
		t.Error("Open(notes.txt) succeeded")
	}
}

func TestSourceZipRoot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.zip")
	writeZip(t, path, map[string]string{
		"units.csv":        "id\nu1\n",
		"extra/people.csv": "id\np1\n", // a subfolder next to root files is ignored
	})
	src := openSource(t, path)
	if got, want := src.Names(), []string{"units"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	if got, want := src.Location("units"), "b.zip:units.csv"; got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
}

func TestSourceZipTwoFolders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.zip")
	writeZip(t, path, map[string]string{"a/units.csv": "id\n", "b/people.csv": "id\n"})
	if src, err := OpenSource(path); err == nil {
		src.Close()
		t.Fatal("OpenSource accepted CSV files in two folders")
	}
}

func TestSourceDir(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"units.csv":     "\ufeffid,name\r\nu1,Một\r\n\r\n,,\r\nu2,Hai\r\n,\r\n\r\n",
		"notes.txt":     "not a bundle file",
		"manifest.json": "{}", // the manifest, read before the bundle
		".hidden.csv":   "id\n",
		"sub/x.csv":     "id\n",
		"~$units.xlsx":  "lock",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := openSource(t, dir)
	if got, want := src.Names(), []string{"notes.txt", "units"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	if got, want := src.Location("notes.txt"), "notes.txt"; got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
	// BOM stripped, CRLF accepted, blank rows skipped
	if got, want := readAll(t, src, "units"), [][]string{{"id", "name"}, {"u1", "Một"}, {"u2", "Hai"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("units = %q, want %q", got, want)
	}
	if got, want := readLines(t, src, "units"), []int{1, 2, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines = %v, want %v", got, want)
	}
	if _, err := src.Open("notes.txt"); err == nil {
		t.Error("Open(notes.txt) succeeded")
	}
	if _, err := src.Open("people"); err == nil {
		t.Error("Open(people) succeeded")
	}
}

func TestSourceCSVErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"id,name\nu1,\"open\n", "line 2"},
		{"id,name\nu1,a\"b\n", "line 2, column 5"},
		{"id,name\nu1,caf\xe9\n", "line 2, column 2: text is not UTF-8"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "units.csv"), []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		src := openSource(t, dir)
		r, err := src.Open("units")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.Next(); err != nil {
			t.Fatalf("header: %v", err)
		}
		_, err = r.Next()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one containing %q", tc.text, err, tc.want)
		}
		r.Close()
	}
}

func TestSourceXLSXCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.xlsx")
	f := excelize.NewFile()
	sh := "units"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		t.Fatal(err)
	}
	vn := "dd/mm/yyyy"
	vnDate, err := f.NewStyle(&excelize.Style{CustomNumFmt: &vn})
	if err != nil {
		t.Fatal(err)
	}
	twoDec, err := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	if err != nil {
		t.Fatal(err)
	}
	builtinDate, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	set := func(cell string, v any, style int) {
		t.Helper()
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
		if style != 0 {
			if err := f.SetCellStyle(sh, cell, cell, style); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, h := range []string{"id", "valid_from", "valid_to", "count", "note"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		set(cell, h, 0)
	}
	set("A2", "u1", 0)
	set("B2", time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC), 0) // excelize picks a date format
	set("C2", time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), vnDate)
	set("D2", 12, twoDec)
	set("E2", "Ghi chú", 0)
	set("A3", "u2", 0)
	set("B3", 45306, builtinDate) // serial of 2024-01-15
	set("C3", "15/01/2024", vnDate)
	set("D3", 1.2e1, 0)
	// row 4 left out: a gap
	set("A5", "u3", 0)
	set("D5", 123456789012, 0)
	set("E5", 0.5, 0)
	set("A6", " ", 0) // blank row
	// styled but empty rows at the end
	if err := f.SetRowStyle(sh, 7, 9, twoDec); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("notes"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	src := openSource(t, path)
	if got, want := src.Names(), []string{"notes", "units"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	want := [][]string{
		{"id", "valid_from", "valid_to", "count", "note"},
		{"u1", "2024-01-15", "2025-07-01", "12", "Ghi chú"},
		{"u2", "2024-01-15", "15/01/2024", "12"},
		{"u3", "", "", "123456789012", "0.5"},
	}
	if got := readAll(t, src, "units"); !reflect.DeepEqual(got, want) {
		t.Errorf("units:\n got %q\nwant %q", got, want)
	}
	if got, want := readLines(t, src, "units"), []int{1, 2, 3, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines = %v, want %v", got, want)
	}
	if got := readAll(t, src, "notes"); len(got) != 0 {
		t.Errorf("notes = %q, want no rows", got)
	}
}

func TestSinkDirNotEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := CreateSink(dir); err == nil {
		t.Error("CreateSink accepted a non-empty directory")
	}
	if _, err := CreateSink(filepath.Join(dir, "x.txt")); err == nil {
		t.Error("CreateSink accepted a file as a directory")
	}
}

func TestSinkChecks(t *testing.T) {
	for _, target := range []string{"d", "b.zip", "b.xlsx"} {
		t.Run(target, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), target)
			s, err := CreateSink(path)
			if err != nil {
				t.Fatal(err)
			}
			w, err := s.Create("units", []string{"id", "name"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Create("people", []string{"id"}); err == nil {
				t.Error("Create while another file is open succeeded")
			}
			if err := w.Write([]string{"u1"}); err == nil {
				t.Error("short row accepted")
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Create("units", []string{"id"}); err == nil {
				t.Error("file written twice")
			}
			if _, err := s.Create("../x", []string{"id"}); err == nil {
				t.Error("bad name accepted")
			}
			if err := Discard(s); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("Discard left %s: %v", target, err)
			}
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
				t.Errorf("Discard left %v", entries)
			}
		})
	}
}

func TestSinkFailedWriteLeavesNoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.xlsx")
	s, err := CreateSink(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.Create("units", []string{"id"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write([]string{strings.Repeat("x", 40000)}); err == nil { // over the cell limit
		t.Fatal("oversized cell accepted")
	}
	if err := s.Close(); err == nil {
		t.Error("Close after a failed write succeeded")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Errorf("failed export left %v", entries)
	}
}

// TestSinkXLSXDimension reads the bundle's workbook back as a reader that
// trusts each sheet's <dimension> does: it must state the cells written.
func TestSinkXLSXDimension(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.xlsx")
	writeBundle(t, path, sampleBundle)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := workbook.ReadRanges(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != len(sampleBundle) {
		t.Fatalf("%d sheets, want %d", len(rs), len(sampleBundle))
	}
	for _, r := range rs {
		if r.Dimension != r.Used || r.Dimension == "A1" || r.EmptyText > 0 {
			t.Errorf("%+v: the dimension must be the used range, with no empty text cell", r)
		}
	}
}
