package app

import "github.com/tochuc/tochuc/internal/bundle"

// ScopeRefusal is the scope guard's refusal of a change set (EForbidden):
// its message names the rows, and Rows holds them for an adapter that can
// say where they are (a package import names the file's line).
type ScopeRefusal struct {
	Rows []OutOfScope // at most maxViolations
	More int          // rows refused beyond Rows
	err  error
}

// OutOfScope is one row the scope may not write.
type OutOfScope struct {
	File   *bundle.File
	Key    map[string]string // the row's key columns and values
	Column string            // the column that refuses it, "" when the row as a whole
	Why    string
	Added  bool // written (false: ended)
}

func (e *ScopeRefusal) Error() string { return e.err.Error() }

// Unwrap returns the EForbidden error.
func (e *ScopeRefusal) Unwrap() error { return e.err }

// keyCells returns a row's key columns and their values.
func keyCells(f *bundle.File, cells []string) map[string]string {
	out := map[string]string{}
	for _, i := range f.RowKeyIndexes() {
		if i < len(cells) {
			out[f.Columns[i].Name] = cells[i]
		}
	}
	return out
}
