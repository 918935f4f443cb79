package web

import (
	"context"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// editable tells which of the records a page shows the user may edit, so
// that the page links only to edit forms that will open (the scope policy).
type editable struct {
	sc    *app.Scope
	write bool
}

func (s *Server) editable(ctx context.Context) (editable, error) {
	u, _ := userOf(ctx)
	if !u.CanWrite() {
		return editable{}, nil
	}
	sc, err := s.scopeOf(ctx)
	return editable{sc: sc, write: true}, err
}

func (e editable) row(ctx context.Context, file string, cells []string) (bool, error) {
	if !e.write {
		return false, nil
	}
	why, err := e.sc.Writable(ctx, bundle.FileByName(file), cells)
	return why == "", err
}

// unit reports whether a unit's version may be edited.
func (e editable) unit(ctx context.Context, u tochuc.Unit) (bool, error) {
	return e.row(ctx, "units", app.UnitCells(u))
}

// posts reports, for each post, whether it may be edited.
func (e editable) posts(ctx context.Context, as []tochuc.Assignment) ([]bool, error) {
	out := make([]bool, len(as))
	for i, a := range as {
		ok, err := e.row(ctx, "assignments", app.AssignmentCells(a))
		if err != nil {
			return nil, err
		}
		out[i] = ok
	}
	return out, nil
}
