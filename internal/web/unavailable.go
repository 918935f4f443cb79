package web

import (
	"net/http"
	"strconv"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// retryUnavailable is the Retry-After of a 503, in seconds (as s.fail's).
const retryUnavailable = 30

// unavailable answers a request the store failed to serve while signing in
// or authenticating — never a reason to sign in again, whatever the cause:
// 503 with Retry-After and the Vietnamese system-error page (API: JSON),
// saying what the fault is. The cause is logged here, once.
func (s *Server) unavailable(w http.ResponseWriter, r *http.Request, during string, err error) {
	err = app.Fault(err)
	if r.Context().Err() != nil {
		s.log.Debug("request ended by its client", "during", during, "path", r.URL.Path, "err", err)
	} else {
		s.logFault(err, "during", during, "method", r.Method, "path", r.URL.Path)
	}
	w.Header().Set("Retry-After", strconv.Itoa(retryUnavailable))
	if isAPI(r) {
		writeJSONError(w, http.StatusServiceUnavailable, tochuc.ErrorCode(err), err.Error())
		return
	}
	s.render(w, r, "error.html", http.StatusServiceUnavailable, page{Title: "Lỗi hệ thống", Date: tochuc.Today(), Data: err.Error()})
}
