package bundle

import "context"

// Store is what an export reads: the records of each file as held at some time.
type Store interface {
	// ExtraColumns returns the x_ columns the file's records carry.
	ExtraColumns(ctx context.Context, f *File) ([]string, error)
	// Holds reports whether some record of the file has a value in a column
	// (an export writes a sparse column only then).
	Holds(ctx context.Context, f *File, column string) (bool, error)
	// Records calls fn with each record's cells (aligned to f.Columns) and its x_ values.
	Records(ctx context.Context, f *File, fn func(cells []string, extra map[string]string) error) error
}

// Export writes every file of the bundle from st into sink and returns the
// number of records written per file. A sparse column (an amendment's) is
// written only when some record holds a value in it, and a sparse file only
// when it holds a record.
func Export(ctx context.Context, st Store, sink Sink) (map[string]int, error) {
	counts := map[string]int{}
	for _, f := range Files {
		extras, err := st.ExtraColumns(ctx, f)
		if err != nil {
			return nil, err
		}
		var cols []int // the file's columns written, by position
		header := make([]string, 0, len(f.Columns)+len(extras))
		for i, c := range f.Columns {
			if c.Sparse {
				held, err := st.Holds(ctx, f, c.Name)
				if err != nil {
					return nil, err
				}
				if !held {
					continue
				}
			}
			cols = append(cols, i)
			header = append(header, c.Name)
		}
		header = append(header, extras...)
		var w RowWriter
		if !f.Sparse { // an amendment's file is written once it has a record
			if w, err = sink.Create(f.Name, header); err != nil {
				return nil, err
			}
		}
		row := make([]string, len(header))
		err = st.Records(ctx, f, func(cells []string, extra map[string]string) error {
			if w == nil {
				var err error
				if w, err = sink.Create(f.Name, header); err != nil {
					return err
				}
			}
			for j, i := range cols {
				row[j] = cells[i]
			}
			for i, k := range extras {
				row[len(cols)+i] = extra[k]
			}
			counts[f.Name]++
			return w.Write(row)
		})
		if err != nil {
			if w != nil {
				w.Close()
			}
			return nil, err
		}
		if w == nil {
			continue
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	}
	return counts, nil
}
