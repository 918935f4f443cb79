package container

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/bundle"
)

// heapLimit is what the heap may grow by while a bomb is read and refused:
// far below the GiB a bomb reached before the limits.
const heapLimit = 128 << 20

// heapPeak runs f and returns how much the heap's objects grew at most
// while it ran (sampled every millisecond; garbage not yet swept included).
func heapPeak(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	peak := base
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	<-stopped
	peak = max(peak, read())
	return peak - base
}

// readBundle opens the bundle at path and reads every row of every file,
// returning the first error.
func readBundle(path string) error {
	src, err := OpenSource(path)
	if err != nil {
		return err
	}
	defer src.Close()
	for _, name := range src.Names() {
		r, err := src.Open(name)
		if err != nil {
			return err
		}
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				r.Close()
				return err
			}
		}
		r.Close()
	}
	return nil
}

// wantRefused reads the bundle at path, measuring the heap, and checks that
// it is refused with a ReadError whose messages hold vi and en.
func wantRefused(t *testing.T, path, vi, en string) {
	t.Helper()
	var err error
	start := time.Now()
	grew := heapPeak(func() { err = readBundle(path) })
	t.Logf("%s: heap grew by %.1f MiB at most, %v: %v", filepath.Base(path), float64(grew)/(1<<20), time.Since(start).Round(time.Millisecond), err)
	var re *bundle.ReadError
	if !errors.As(err, &re) {
		t.Fatalf("%s: error %v, want a ReadError", path, err)
	}
	if !strings.Contains(re.Vi, vi) || !strings.Contains(re.En, en) {
		t.Errorf("%s: error %q / %q, want %q / %q", path, re.Vi, re.En, vi, en)
	}
	if grew > heapLimit {
		t.Errorf("%s: heap grew by %d MiB, limit %d MiB", path, grew>>20, heapLimit>>20)
	}
}

// deflated is the raw deflate stream of data, ending on a byte boundary
// without a final block, so that copies of it can be chained.
func deflated(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Flush()
	return b.Bytes()
}

// bombEntry is an entry of a hand-made zip: head, then fill repeated to size
// bytes in all, then tail, compressed without compressing it all (chained
// copies of one compressed chunk). declared, when not 0, is the uncompressed
// size the headers declare instead of the true one.
type bombEntry struct {
	name       string
	head, tail string
	fill       string
	size       int64
	copies     int // when set, fill is written this many times, whole (size is ignored)
	declared   uint64
}

// writeBomb writes a zip of bomb entries.
func writeBomb(t testing.TB, path string, entries ...bombEntry) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	chunks := map[string][]byte{}
	for _, e := range entries {
		chunk := []byte(strings.Repeat(e.fill, (1<<20)/max(1, len(e.fill))))
		if e.copies > 0 {
			chunk, e.size = []byte(e.fill), int64(len(e.head)+e.copies*len(e.fill))
		}
		var body bytes.Buffer
		crc := crc32.NewIEEE()
		body.Write(deflated(t, []byte(e.head)))
		crc.Write([]byte(e.head))
		dchunk, ok := chunks[e.fill]
		if !ok {
			dchunk = deflated(t, chunk)
			chunks[e.fill] = dchunk
		}
		n := int64(len(e.head))
		for len(chunk) > 0 && n+int64(len(chunk)) <= e.size {
			body.Write(dchunk)
			crc.Write(chunk)
			n += int64(len(chunk))
		}
		if rest := e.size - n; rest > 0 {
			key := fmt.Sprint(e.fill, rest)
			if _, ok := chunks[key]; !ok {
				chunks[key] = deflated(t, chunk[:rest])
			}
			body.Write(chunks[key])
			crc.Write(chunk[:rest])
			n += rest
		}
		body.Write(deflated(t, []byte(e.tail)))
		crc.Write([]byte(e.tail))
		n += int64(len(e.tail))
		body.Write([]byte{1, 0, 0, 0xff, 0xff}) // a final, empty stored block
		declared := uint64(n)
		if e.declared != 0 {
			declared = e.declared
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(body.Len()), UncompressedSize64: declared})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	t.Logf("%s: %d KiB on disk", filepath.Base(path), fi.Size()>>10)
}

// TestBombCSVLine is the bomb of the issue: a 0.5 MB zip holding one 512 MiB
// CSV line, a unit's name. Its headers are honest, so it is refused on
// opening; with headers that hide its size, it is refused while it streams.
func TestBombCSVLine(t *testing.T) {
	dir := t.TempDir()
	line := bombEntry{name: "units.csv", head: "id,name,kind,valid_from\nu1,", fill: "a", size: 512 << 20}
	writeBomb(t, filepath.Join(dir, "line.zip"), line)
	wantRefused(t, filepath.Join(dir, "line.zip"), "vượt quá giới hạn giải nén: nở ra hơn 100 lần", "expands more than 100 times")

	line.declared = 4 << 20 // within the ratio: the stream itself must stop it
	writeBomb(t, filepath.Join(dir, "hidden.zip"), line)
	wantRefused(t, filepath.Join(dir, "hidden.zip"), "dòng 2: dòng CSV dài quá 1 MiB", "line 2: CSV row longer than 1 MiB")
}

// TestBombZipLies: headers that declare less than the entry holds are caught
// (by archive/zip, past the declared size) with a clear message.
func TestBombZipLies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lies.zip")
	writeBomb(t, path, bombEntry{name: "units.csv", head: "id,name\n", fill: "u,a\n", size: 200 << 20, declared: 3 << 20})
	wantRefused(t, path, "units.csv trong gói nén lies.zip bị hỏng", "units.csv in zip lies.zip is damaged")
}

// TestBombZipRatio: many short lines, each valid, that expand 1000 times.
func TestBombZipRatio(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ratio.zip")
	writeBomb(t, path, bombEntry{name: "units.csv", head: "id,name\n", fill: "u1,Xã Một\n", size: 1 << 30})
	wantRefused(t, path, "tệp units.csv trong gói nén ratio.zip vượt quá giới hạn giải nén", "expands more than 100 times")
}

// TestBombZipTotal: entries each within the ratio that together expand past
// what the file may (MaxRatio times its size).
func TestBombZipTotal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "total.zip")
	var entries []bombEntry
	for i := range 300 {
		entries = append(entries, bombEntry{name: fmt.Sprintf("f%03d.csv", i), head: "id\n", fill: "u\n", size: 1 << 20})
	}
	writeBomb(t, path, entries...)
	wantRefused(t, path, "vượt quá giới hạn giải nén: cả gói giải nén ra quá", "the whole file expands to more than")
}

// TestBombZipTotalStreaming holds the entries read to the zip's limit even
// when the headers declare less (archive/zip checks each entry against its
// header; this checks the sum as it streams).
func TestBombZipTotalStreaming(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.zip")
	writeZip(t, path, map[string]string{"units.csv": "id\n" + strings.Repeat("u\n", 1000)})
	z, err := openZipFile(path, "gói nén", "zip")
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	z.left = 100
	rc, err := z.open(z.File[0])
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	n, err := io.Copy(io.Discard, rc)
	if n != 100 || err == nil || !strings.Contains(err.Error(), "cả gói giải nén ra quá") {
		t.Errorf("read %d bytes, error %v", n, err)
	}
}

// TestBombZipDirectory: a zip of 100,000 empty files, whose directory alone
// would take tens of MB once read by archive/zip.
func TestBombZipDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dir.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for i := range 100000 {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("%06d.csv", i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	f.Close()
	wantRefused(t, path, "gói nén dir.zip có mục lục quá lớn", "zip dir.zip: zip directory too large")
}

// TestBombCSV: in a plain CSV file, a line, a record of many lines or a cell
// past the limits is refused, with its line.
func TestBombCSV(t *testing.T) {
	for _, tc := range []struct{ name, text, vi, en string }{
		{"line", "id,name\nu0,a\nu1," + strings.Repeat("a", 8<<20) + "\n", "dòng 3: dòng CSV dài quá 1 MiB", "line 3: CSV row longer than 1 MiB"},
		{"quoted", "id,name\nu1,\"" + strings.Repeat("a\n", 4<<20) + "\"\n", "dòng 2: dòng CSV dài quá 1 MiB", "line 2: CSV row longer than 1 MiB"},
		{"cell", "id,name\nu1," + strings.Repeat("a", 100<<10) + "\n", "dòng 2, cột 2: ô dài quá 64 KiB", "line 2, column 2: cell longer than 64 KiB"},
		{"cells", "id,name\n" + strings.Repeat(",x", 300) + "\n", "dòng 2: dòng có quá 256 ô", "line 2: row with more than 256 cells"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "units.csv"), []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			wantRefused(t, dir, tc.vi, tc.en)
		})
	}
}

// TestCSVWithinLimits reads a cell and a record just under the limits, and
// many records whose sum is far above them.
func TestCSVWithinLimits(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("é", MaxCellBytes/2)
	var b strings.Builder
	b.WriteString("id,name\n")
	for range 15 {
		b.WriteString("u," + big + "\n")
	}
	b.WriteString("\"u\nv\"," + big + "\n")
	for range 100000 {
		b.WriteString("u,a\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "units.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	src := openSource(t, dir)
	rows := readAll(t, src, "units")
	if len(rows) != 1+16+100000 || rows[16][1] != big {
		t.Fatalf("read %d rows", len(rows))
	}
	if got, want := readLines(t, src, "units")[17], 19; got != want {
		t.Errorf("line after a record of two lines = %d, want %d", got, want)
	}
}

// padded is about 1 MiB of unit repeated, with random text in a comment so
// that it compresses about 80 times: under MaxRatio, so that the limits
// behind it are what refuses the bomb.
func padded(unit string) string {
	random := make([]byte, 12<<10)
	rand.NewChaCha8([32]byte{1}).Read(random)
	var b strings.Builder
	b.WriteString("<!--" + base64.StdEncoding.EncodeToString(random) + "-->")
	b.WriteString(strings.Repeat(unit, (1<<20-b.Len())/len(unit)))
	return b.String()
}

// randomText is n bytes of text that does not compress much.
func randomText(n int) string {
	random := make([]byte, n*3/4+3)
	rand.NewChaCha8([32]byte{2}).Read(random)
	return base64.StdEncoding.EncodeToString(random)[:n]
}

// writeXLSXBomb writes a workbook with a sheet "units" whose parts are those
// of excelize's new workbook, replaced or completed by parts.
func writeXLSXBomb(t testing.TB, path string, parts ...bombEntry) {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", "units"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var entries []bombEntry
	for _, zf := range zr.File {
		if slices.ContainsFunc(parts, func(e bombEntry) bool { return e.name == zf.Name }) {
			continue
		}
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		entries = append(entries, bombEntry{name: zf.Name, head: string(b)})
	}
	writeBomb(t, path, append(entries, parts...)...)
}

// sheetXML is a worksheet part holding rows (each "<row>…</row>").
func sheetXML(rows string) bombEntry {
	return bombEntry{name: "xl/worksheets/sheet1.xml",
		head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows,
		tail: `</sheetData></worksheet>`}
}

// sstHead opens a shared-string table.
const sstHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

// TestBombXLSXSharedStrings is the bomb of the issue: a workbook of 1 MB
// whose shared-string table holds 10 M entries (refused for its ratio), and
// one within the ratio that holds more than MaxSharedStrings.
func TestBombXLSXSharedStrings(t *testing.T) {
	dir := t.TempDir()
	sheet := sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
	writeXLSXBomb(t, filepath.Join(dir, "sst.xlsx"), sheet,
		bombEntry{name: "xl/sharedStrings.xml", head: sstHead, fill: "<si><t>x</t></si>", size: 10_000_000 * 17, tail: "</sst>"})
	wantRefused(t, filepath.Join(dir, "sst.xlsx"), "tệp xl/sharedStrings.xml trong sổ tính sst.xlsx vượt quá giới hạn giải nén", "expands more than 100 times")

	writeXLSXBomb(t, filepath.Join(dir, "count.xlsx"), sheet,
		bombEntry{name: "xl/sharedStrings.xml", head: sstHead, fill: padded("<si><t/></si>"), copies: 2 * MaxSharedStrings * 13 >> 20, tail: "</sst>"})
	wantRefused(t, filepath.Join(dir, "count.xlsx"), "sổ tính count.xlsx bị từ chối: phần xl/sharedStrings.xml có quá 2.097.152 chuỗi dùng chung",
		"more than 2097152 shared strings")
}

// TestBombXLSXCells: cells, rows and tokens past the limits.
func TestBombXLSXCells(t *testing.T) {
	bigString := `<si><t>` + randomText(200<<10) + `</t></si>` // under maxSharedString, over MaxCellBytes
	for _, tc := range []struct {
		name   string
		parts  []bombEntry
		vi, en string
	}{
		{"token", []bombEntry{sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>` + randomText(600<<10) + `</t></is></c></row>`)},
			"phần xl/worksheets/sheet1.xml có một ô hoặc thẻ XML dài quá 512 KiB", "an XML cell or tag longer than 512 KiB"},
		{"attribute", []bombEntry{sheetXML(`<row r="1" x="` + randomText(600<<10) + `"></row>`)},
			"có một ô hoặc thẻ XML dài quá 512 KiB", "an XML cell or tag longer than 512 KiB"},
		{"comment", []bombEntry{sheetXML(`<!--` + randomText(600<<10) + `-->`)},
			"có một ô hoặc thẻ XML dài quá 512 KiB", "an XML cell or tag longer than 512 KiB"},
		{"cdata", []bombEntry{sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[` + strings.Repeat("<"+randomText(99), 6<<10) + `]]></t></is></c></row>`)},
			"có một ô hoặc thẻ XML dài quá 512 KiB", "an XML cell or tag longer than 512 KiB"},
		{"doctype", []bombEntry{sheetXML(`<!DOCTYPE x [<!ENTITY a "aaaa">]><row r="1"></row>`)},
			"có khai báo DOCTYPE", "a DOCTYPE declaration"},
		{"encoding", []bombEntry{{name: "xl/sharedStrings.xml", head: `<?xml version="1.0" encoding="UTF-16LE"?>` +
			string(utf16LE(`<sst><si><t>a</t></si></sst>`))}},
			"phần xl/sharedStrings.xml không mã hóa UTF-8", "not encoded in UTF-8"},
		{"cell", []bombEntry{sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>` + randomText(100<<10) + `</t></is></c></row>`)},
			"dòng 2, cột A: ô dài quá 64 KiB", "row 2, column A: cell longer than 64 KiB"},
		{"cells", []bombEntry{sheetXML(`<row r="1">` + strings.Repeat(`<c t="s"><v>0</v></c>`, 300) + `</row>`),
			{name: "xl/sharedStrings.xml", head: sstHead + bigString + "</sst>"}},
			"dòng thứ 1 có quá 256 ô", "row 1 has more than 256 cells"},
		{"shared", []bombEntry{sheetXML(`<row r="1">` + strings.Repeat(`<c t="s"><v>0</v></c>`, 200) + `</row>`),
			{name: "xl/sharedStrings.xml", head: sstHead + bigString + "</sst>"}},
			"dòng 1, cột A: ô dài quá 64 KiB", "row 1, column A: cell longer than 64 KiB"},
		{"shared-entry", []bombEntry{sheetXML(`<row r="1"><c t="s"><v>0</v></c></row>`),
			{name: "xl/sharedStrings.xml", head: sstHead + `<si><t>` + randomText(300<<10) + `</t></si></sst>`}},
			"chuỗi dùng chung thứ 1 dài quá 256 KiB", "shared string 1 longer than 256 KiB"},
		{"row", []bombEntry{{name: "xl/worksheets/sheet1.xml", head: sheetXML("").head + `<row r="1"><c><v>1</v></c>`,
			fill: padded(`<!---->`), copies: 5, tail: `</row>` + sheetXML("").tail}},
			"dòng thứ 1 dài quá 4 MiB", "row 1 longer than 4 MiB"},
		{"rows", []bombEntry{{name: "xl/worksheets/sheet1.xml", head: sheetXML("").head,
			fill: padded(`<row/>`), copies: 7, tail: sheetXML("").tail}},
			"có quá 1.048.576 dòng", "more than 1048576 rows"},
		{"styles", []bombEntry{{name: "xl/styles.xml", head: `<styleSheet><cellXfs>`, fill: padded(`<xf/>`),
			copies: 2, tail: `</cellXfs></styleSheet>`}},
			"phần xl/styles.xml có quá 200.000 phần tử XML", "more than 200000 XML elements"},
		{"memory", []bombEntry{{name: "xl/media/image1.png", fill: padded("x"), copies: 20},
			{name: "xl/media/image2.png", fill: padded("x"), copies: 20}},
			"các phần phải giữ trong bộ nhớ", "the parts held in memory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.name+".xlsx")
			writeXLSXBomb(t, path, tc.parts...)
			wantRefused(t, path, tc.vi, tc.en)
		})
	}
}

// BenchmarkAtLimits reads bundles that stay just within the limits, all of
// which are accepted, and reports the most the heap grew (peak-heap-MiB):
//
//	go test ./internal/bundle -run '^$' -bench AtLimits -benchtime 1x
func BenchmarkAtLimits(b *testing.B) {
	dir := b.TempDir()
	sheet := sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>` + fmt.Sprint(MaxSharedStrings-1) + `</v></c></row>`)
	unit := "<si><t/></si>"
	perChunk := strings.Count(padded(unit), unit)
	cases := map[string]func(path string){
		"csv-rows.zip": func(path string) { // rows of 1 MiB
			row := "u," + randomText(12<<10) + strings.Repeat(","+strings.Repeat("é", 32000), 14) + "\n"
			writeBomb(b, path, bombEntry{name: "units.csv", head: "id" + strings.Repeat(",x", 15) + "\n", fill: row, copies: 256})
		},
		"shared-strings.xlsx": func(path string) {
			writeXLSXBomb(b, path, sheet, bombEntry{name: "xl/sharedStrings.xml", head: sstHead, fill: padded(unit),
				copies: MaxSharedStrings / perChunk, tail: strings.Repeat(unit, MaxSharedStrings%perChunk) + "</sst>"})
		},
		"styles.xlsx": func(path string) {
			xf := `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`
			writeXLSXBomb(b, path, bombEntry{name: "xl/styles.xml",
				head: `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`,
				fill: padded(xf), copies: maxXLSXPartElements / strings.Count(padded(xf), xf), tail: `</cellXfs></styleSheet>`})
		},
	}
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		path := filepath.Join(dir, name)
		cases[name](path)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				var err error
				grew := heapPeak(func() { err = readBundle(path) })
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(grew)/(1<<20), "peak-heap-MiB")
			}
		})
	}
}

// utf16LE encodes ASCII text as UTF-16LE.
func utf16LE(s string) []byte {
	var b []byte
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// TestRecoverXLSX: a panic of excelize on a malformed workbook becomes the
// workbook's refusal.
func TestRecoverXLSX(t *testing.T) {
	read := func() (err error) {
		defer recoverXLSX("book.xlsx", &err)
		var cells []string
		_ = cells[1] // as excelize might, on a malformed sheet
		return nil
	}
	var re *bundle.ReadError
	if err := read(); !errors.As(err, &re) || !strings.Contains(re.Vi, "sổ tính book.xlsx bị hỏng") {
		t.Errorf("error %v", err)
	}
}
