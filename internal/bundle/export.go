package bundle

// Store is what an export reads: the records of each file as held at some time.
type Store interface {
	// ExtraColumns returns the x_ columns the file's records carry.
	ExtraColumns(f *File) ([]string, error)
	// Records calls fn with each record's cells (aligned to f.Columns) and its x_ values.
	Records(f *File, fn func(cells []string, extra map[string]string) error) error
}

// Export writes every file of the bundle from st into sink and returns the
// number of records written per file.
func Export(st Store, sink Sink) (map[string]int, error) {
	counts := map[string]int{}
	for _, f := range Files {
		extras, err := st.ExtraColumns(f)
		if err != nil {
			return nil, err
		}
		header := make([]string, 0, len(f.Columns)+len(extras))
		for _, c := range f.Columns {
			header = append(header, c.Name)
		}
		header = append(header, extras...)
		w, err := sink.Create(f.Name, header)
		if err != nil {
			return nil, err
		}
		row := make([]string, len(header))
		err = st.Records(f, func(cells []string, extra map[string]string) error {
			copy(row, cells)
			for i, k := range extras {
				row[len(cells)+i] = extra[k]
			}
			counts[f.Name]++
			return w.Write(row)
		})
		if err != nil {
			w.Close()
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
	}
	return counts, nil
}
