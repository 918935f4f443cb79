package web

import (
	"net/http"
	"time"

	"github.com/tochuc/tochuc/internal/bundle/manifest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// signExport adds to the package just exported (a .zip at path, the
// registry read at at) a manifest.json signed with the server's key,
// naming the account's scope ("" for the whole registry).
func (s *Server) signExport(r *http.Request, path string, at time.Time) error {
	u, _ := userOf(r.Context())
	scope := u.ScopeUnitID
	if u.WholeRegistry() {
		scope = ""
	}
	m := manifest.New(scope, at)
	if err := m.Build(path); err != nil {
		return err
	}
	if err := m.Sign(s.signKey); err != nil {
		return err
	}
	if err := m.Write(path); err != nil {
		return tochuc.Fault(tochuc.EInternal, "Không ghi được manifest.json của gói dữ liệu.", err)
	}
	return nil
}
