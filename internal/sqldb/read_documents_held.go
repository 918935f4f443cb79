package sqldb

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/bundle"
)

// DocumentRows returns the held documents among ids, each as its cells
// (aligned to the documents file's columns), by id; an id not held is absent.
// The scope policy judges a part of a document (its attached files) by it.
func (r *Reader) DocumentRows(ctx context.Context, ids []string) (map[string][]string, error) {
	f := bundle.FileByName("documents")
	out := map[string][]string{}
	for batch := range slices.Chunk(uniqueIDs(ids), 500) {
		q := "SELECT " + list("", dataColumns(f)) + " FROM documents WHERE " + r.rec.where("") +
			" AND id IN (" + placeholders(len(batch)) + ")"
		err := r.scanCells(ctx, f, q, anys(batch), func(cells []string, _ map[string]string) error {
			out[cells[f.Index("id")]] = slices.Clone(cells)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
