package container

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html/charset"

	"github.com/tochuc/tochuc/internal/bundle"
)

// checkRows reads every row of r and checks the limits a reader promises:
// no cell over MaxCellBytes, no row over MaxRowCells cells or MaxRowBytes,
// line numbers that never go back. It returns the first read error.
func checkRows(t *testing.T, r bundle.RowReader) error {
	t.Helper()
	last := 0
	for {
		row, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if len(row) > MaxRowCells {
			t.Fatalf("a row of %d cells", len(row))
		}
		total := 0
		for _, c := range row {
			if len(c) > MaxCellBytes {
				t.Fatalf("a cell of %d bytes", len(c))
			}
			total += len(c)
		}
		if total > MaxRowBytes {
			t.Fatalf("a row of %d bytes", total)
		}
		if lr, ok := r.(bundle.LineReader); ok {
			if lr.Line() < last {
				t.Fatalf("line %d after line %d", lr.Line(), last)
			}
			last = lr.Line()
		}
	}
}

// FuzzCSVReader: the CSV reader never panics, never returns a cell, row or
// record past the limits, and its errors name a line. The input is read
// repeated (up to 2 MiB), so that short inputs make long lines and cells.
func FuzzCSVReader(f *testing.F) {
	for _, s := range []string{"id,name\nu1,a\n", "\ufeffid,name\r\nu1,\"x\ny\"\r\n,\r\n", "id\n\"open\n", "a,b\"c\n",
		"x" + strings.Repeat(",", MaxRowCells+1) + "\n", "caf\xe9\n"} {
		f.Add([]byte(s), uint16(1))
	}
	f.Add([]byte("aaaaaaaaaaaaaaaa"), uint16(5000))
	f.Add([]byte("a,\"b\n"), uint16(40000))
	f.Fuzz(func(t *testing.T, data []byte, repeat uint16) {
		n := min(int(repeat)+1, (2<<20)/(len(data)+1)+1)
		err := checkRows(t, newCSVReader(bytes.NewReader(bytes.Repeat(data, n)), nil))
		if err != nil && !strings.Contains(err.Error(), "line ") {
			t.Fatalf("an error without its line: %v", err)
		}
	})
}

// zipOf is a zip holding the files (name → content).
func zipOf(files map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, content := range files {
		w, _ := zw.Create(name)
		io.WriteString(w, content)
	}
	zw.Close()
	return b.Bytes()
}

// readSource opens data saved as name and reads every row of every file.
func readSource(t *testing.T, name string, data []byte) error {
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	src, err := OpenSource(path)
	if err != nil {
		return err
	}
	defer src.Close()
	if z, ok := src.(*zipSource); ok {
		defer func() {
			if z.zr.left < 0 {
				t.Fatalf("read %d bytes past the zip's limit", -z.zr.left)
			}
		}()
	}
	for _, n := range src.Names() {
		r, err := src.Open(n)
		if err != nil {
			continue
		}
		err = checkRows(t, r)
		r.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// FuzzZipSource: a zip of anything never panics, never expands past its
// limit, and its CSV files keep the reader's limits.
func FuzzZipSource(f *testing.F) {
	f.Add(zipOf(map[string]string{"units.csv": "id,name\nu1,a\n", "people.csv": "id\np1\n"}))
	f.Add(zipOf(map[string]string{"b/units.csv": "id,name\nu1,\"x\ny\"\n", "__MACOSX/b/._units.csv": "x", "b/notes.txt": "x"}))
	f.Add(zipOf(map[string]string{"units.csv": "id\n" + strings.Repeat("u\n", 10000)}))
	f.Fuzz(func(t *testing.T, data []byte) {
		readSource(t, "f.zip", data)
	})
}

// FuzzXLSXSource: a workbook of anything never panics (excelize included),
// and its rows keep the reader's limits.
func FuzzXLSXSource(f *testing.F) {
	book := excelize.NewFile()
	book.SetSheetName("Sheet1", "units")
	book.SetSheetRow("units", "A1", &[]any{"id", "name", "valid_from"})
	book.SetSheetRow("units", "A2", &[]any{"u1", "Xã Một", 36526})
	buf, _ := book.WriteToBuffer()
	f.Add(buf.Bytes())
	f.Add(zipOf(map[string]string{"xl/sharedStrings.xml": sstHead + "<si><t>a</t></si></sst>",
		"xl/worksheets/sheet1.xml": sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`).head + "</sheetData></worksheet>"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		readSource(t, "f.xlsx", data)
	})
}

// FuzzXMLScanner: when the scanner accepts a document that xml.Decoder
// reads to its end, both see the same start and end tags, and no token of
// the decoder is longer than maxXMLToken: excelize, which reads with
// xml.Decoder, holds no more than the scanner allowed.
func FuzzXMLScanner(f *testing.F) {
	for _, s := range []string{`<?xml version="1.0"?><sst><si><t>a</t></si><x:si a="1"/></sst>`,
		`<?xml version="1.0" encoding="UTF-8"?><a/>`, "<?xml version='1.0' encoding='utf-16'?><\x00s\x00i\x00/\x00>\x00",
		`<a><!-- c --><![CDATA[<si>]]><b c='>'/></a>`, `<!DOCTYPE a><a/>`, `<a b="<"/>`, `<a></a>`, `<p:row r="1"><c/></p:row>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var scanned []string
		sc := &xmlScanner{
			start: func(name []byte, _ int64) error { scanned = append(scanned, "<"+string(name)); return nil },
			end:   func(name []byte, _ int64) error { scanned = append(scanned, "/"+string(name)); return nil },
		}
		if sc.scan(bytes.NewReader(data)) != nil {
			return
		}
		d := xml.NewDecoder(bytes.NewReader(data))
		d.CharsetReader = charset.NewReaderLabel // as excelize reads
		var decoded []string
		for {
			tok, err := d.RawToken()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return // malformed: excelize fails on it too
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				decoded = append(decoded, "<"+tok.Name.Local)
			case xml.EndElement:
				decoded = append(decoded, "/"+tok.Name.Local)
			case xml.CharData:
				if len(tok) > maxXMLToken {
					t.Fatalf("a text of %d bytes", len(tok))
				}
			case xml.Comment:
				if len(tok) > maxXMLToken {
					t.Fatalf("a comment of %d bytes", len(tok))
				}
			case xml.Directive:
				t.Fatalf("a directive passed the scanner: %q", tok)
			}
		}
		if strings.Join(scanned, " ") != strings.Join(decoded, " ") {
			t.Fatalf("scanner saw %q\ndecoder saw %q", scanned, decoded)
		}
	})
}
