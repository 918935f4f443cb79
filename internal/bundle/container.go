package bundle

// Source is a bundle being read: a directory of CSV files, a .zip of them, or
// an .xlsx workbook with one sheet per file. Open it with OpenSource.
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

// Sink is a bundle being written in one of the three forms. Create it with CreateSink.
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
