package app

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// exportAttached writes into a sink that can carry them (a directory, a
// .zip) the content of the attached files named by the document_files rows
// the export wrote — those the store gives: the scope's, the changed ones —
// each once, as files/<sha256>, one content in memory at a time. A row whose
// content was never stored (a name recorded by hand) has none to write. It
// returns the contents written.
func exportAttached(ctx context.Context, r *sqldb.Reader, store bundle.Store, sink bundle.Sink) (int, error) {
	as, ok := sink.(bundle.AttachedSink)
	if !ok {
		return 0, nil
	}
	f := documentFilesFile
	i := f.Index("sha256")
	seen := map[string]bool{}
	err := store.Records(ctx, f, func(cells []string, _ map[string]string) error {
		seen[cells[i]] = true
		return nil
	})
	if err != nil {
		return 0, err
	}
	shas := make([]string, 0, len(seen))
	for sha := range seen {
		shas = append(shas, sha)
	}
	slices.Sort(shas)
	n := 0
	for _, sha := range shas {
		b, err := r.Blob(ctx, sha)
		if tochuc.ErrorCode(err) == tochuc.ENotFound {
			continue
		}
		if err != nil {
			return n, err
		}
		w, err := as.CreateAttached(sha)
		if err != nil {
			return n, err
		}
		_, err = w.Write(b.Content)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
