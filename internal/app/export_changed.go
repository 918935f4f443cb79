package app

import (
	"context"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
)

// changedStore is a store whose records are those recorded after an
// instant (r reads them), kept to the scope unless whole.
type changedStore struct {
	bundle.Store
	r     *sqldb.Reader
	scope *Scope
	whole bool
}

// Records implements bundle.Store.
func (s changedStore) Records(ctx context.Context, f *bundle.File, fn func(cells []string, extra map[string]string) error) error {
	if s.whole {
		return s.r.Records(ctx, f, fn)
	}
	return scopedStore{Store: s.r, scope: s.scope}.Records(ctx, f, fn)
}

// exportRetractions writes retractions.csv: the records of the scope held
// at since and no longer held, by file and key, with when they stopped
// being held. It returns how many it wrote.
func exportRetractions(ctx context.Context, r *sqldb.Reader, sc *Scope, whole bool, since sqldb.Recorded, sink bundle.Sink) (int, error) {
	var w bundle.RowWriter
	n := 0
	for _, f := range bundle.Files {
		err := r.Retracted(ctx, f, since, func(cells []string, at time.Time) error {
			if f.Confidential && !sc.MayReadConfidential() {
				return nil
			}
			if !whole {
				if ok, err := sc.Row(ctx, f, cells); err != nil || !ok {
					return err
				}
			}
			if w == nil {
				var err error
				if w, err = sink.Create(bundle.RetractionsFile, bundle.RetractionsHeader); err != nil {
					return err
				}
			}
			n++
			return w.Write([]string{f.Name, bundle.EncodeKey(f, cells), at.Format(time.RFC3339Nano)})
		})
		if err != nil {
			return n, err
		}
	}
	if w == nil {
		return 0, nil
	}
	return n, w.Close()
}
