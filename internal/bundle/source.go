package bundle

import (
	"errors"
)

// Source is a bundle being read: Tables in memory, or a container (a
// directory of CSV files, a .zip of them, or an .xlsx workbook with one sheet
// per file) opened by container.OpenSource.
type Source interface {
	// Names lists the files present, as base names without ".csv" (sheet names
	// for a workbook), in a stable order. Unknown names are listed too: the
	// caller reports them.
	Names() []string
	// Open streams the rows of one file. The first row read is the header.
	Open(name string) (RowReader, error)
	// Location describes where a file lives, for messages (e.g. "units.csv",
	// "bundle.zip:units.csv", "book.xlsx!units").
	Location(name string) string
	Close() error
}

// RowReader streams the rows of one file as raw cell strings. Dates in an
// .xlsx date cell are returned as YYYY-MM-DD; other cells as their text.
type RowReader interface {
	// Next returns the next row, or io.EOF after the last. The returned slice
	// may be reused by the following call.
	Next() ([]string, error)
	Close() error
}

// Sink is a bundle being written in one of the three forms. Create it with container.CreateSink.
type Sink interface {
	// Create starts a file with the given header; rows follow through the returned writer.
	Create(name string, header []string) (RowWriter, error)
	// Close finishes the bundle (writes the zip directory or the workbook).
	Close() error
}

// RowWriter writes the rows of one file.
type RowWriter interface {
	Write(row []string) error
	// Close ends the file. Writers of one Sink are used one after the other.
	Close() error
}

// LineReader is a RowReader that knows where its last row came from. The
// readers returned by the Sources of container.OpenSource implement it: they skip empty
// rows and a CSV row may span several lines (a cell holding a line break), so
// counting the rows read does not give the line the user sees.
type LineReader interface {
	RowReader
	// Line is the line (CSV, where the row starts) or row (XLSX) number of
	// the row last returned by Next, counting from 1.
	Line() int
}

// ReadError is a bundle that cannot be read, or is refused for its size, with
// its message in Vietnamese and English. Its Error is both.
type ReadError struct {
	Vi, En string
}

func (e *ReadError) Error() string { return e.Vi + " (" + e.En + ")" }

// readIssue splits a read error into the messages of an Issue, each with its prefix.
func readIssue(vi, en string, err error) (string, string) {
	var re *ReadError
	if errors.As(err, &re) {
		return vi + re.Vi, en + re.En
	}
	return vi + err.Error(), en + err.Error()
}
