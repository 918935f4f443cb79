package container

import (
	"fmt"
	"io"

	"github.com/tochuc/tochuc/internal/bundle"
)

// The limits on what a bundle may hold, whatever its container. Each is
// checked while the bundle streams in, so that memory stays bounded (a few
// times MaxRowBytes, plus what the checks of an import keep per record)
// whatever is uploaded: a cell, a row or a zip entry is refused as soon as it
// passes its limit, before it is held whole.
const (
	// MaxCellBytes bounds one cell, in bytes of UTF-8 text. The schema's own
	// limits (MaxIDLen…) are far below it; this one protects the reader.
	MaxCellBytes = 64 << 10
	// MaxRowBytes bounds one CSV record (every line of it, quotes and commas
	// included) and one row of a sheet as read.
	MaxRowBytes = 1 << 20
	// MaxRowCells bounds the cells of one row (a bundle file has at most a
	// dozen columns, plus x_ columns).
	MaxRowCells = 256

	// MaxUnzippedBytes bounds the uncompressed size of all the entries of a
	// .zip, and of all the parts of an .xlsx, together.
	MaxUnzippedBytes = 4 << 30
	// MaxRatio bounds the expansion of a zip entry (uncompressed ÷ compressed
	// size) and of a whole zip (uncompressed ÷ file size). CSV and sheet XML
	// compress 5 to 20 times; a decompression bomb, hundreds to millions.
	MaxRatio = 100
	// ratioFloor is the uncompressed size an entry may always reach, whatever
	// its ratio (a small file of blank lines compresses very well).
	ratioFloor = 1 << 20
	// MaxZipEntries bounds the entries of a zip or an xlsx.
	MaxZipEntries = 10000
	// maxZipDirectory bounds the bytes of the zip's central directory read
	// on opening: archive/zip holds an entry of a few hundred bytes for each
	// header it reads there.
	maxZipDirectory = 4 << 20

	// MaxSheetRows bounds the rows of one sheet (the format's own limit).
	MaxSheetRows = 1 << 20
	// MaxWorkbookCells bounds the cells of all the sheets of a workbook.
	MaxWorkbookCells = 64 << 20
	// MaxSharedStrings bounds the shared-string table of a workbook: excelize
	// keeps an index entry in memory for each string.
	MaxSharedStrings = 2 << 20
	// maxXMLToken bounds a tag, a text run, a comment or a CDATA section of
	// the XML of an .xlsx: xml.Decoder (used by excelize) holds each whole.
	// A cell of MaxCellBytes written with entities takes a few times more.
	maxXMLToken = 8 * MaxCellBytes
	// maxSharedString bounds one entry of the shared-string table as XML:
	// a row may name the same entry in each of its MaxRowCells cells.
	maxSharedString = 4 * MaxCellBytes
	// maxSheetRowXML bounds the XML of one row of a sheet.
	maxSheetRowXML = 4 * MaxRowBytes
	// xlsxStreamed is the size from which excelize streams a sheet or the
	// shared strings from a temporary file instead of holding them in memory.
	xlsxStreamed = 1 << 20
	// maxXLSXInMemory bounds the parts excelize holds in memory, together;
	// maxXLSXPartElements, the elements of one of them that excelize parses
	// whole (styles, workbook, relationships…: a few hundred bytes each once
	// parsed).
	maxXLSXInMemory     = 32 << 20
	maxXLSXPartElements = 200000
)

// readErrorf returns a ReadError; the arguments are formatted into both messages.
func readErrorf(vi, en string, args ...any) *bundle.ReadError {
	return &bundle.ReadError{Vi: fmt.Sprintf(vi, args...), En: fmt.Sprintf(en, args...)}
}

// sizeText writes a number of bytes for people, rounded: "64 KiB", "4 GiB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%d GiB", (n+1<<29)>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", (n+1<<19)>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%d byte", n)
}

// limitReader reads at most max bytes from r; past them it fails with the
// error made by over. Bytes are counted as they pass: nothing is buffered.
type limitReader struct {
	r    io.Reader
	n    int64 // bytes read so far
	max  int64
	over func() error
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n > l.max {
		return 0, l.over()
	}
	if rest := l.max - l.n + 1; int64(len(p)) > rest { // one byte more, to see the limit passed
		p = p[:rest]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > l.max {
		return n - int(l.n-l.max), l.over()
	}
	return n, err
}
