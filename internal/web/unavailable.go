package web

import (
	"net/http"
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// retryUnavailable is the Retry-After of a 503: a database outage is often short.
const retryUnavailable = 15

// msgUnavailable tells a person that the database does not answer.
const msgUnavailable = "Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít phút."

// unavailable answers a request the store failed to serve — never a reason to
// sign in again: 503 with Retry-After and the Vietnamese system-error page
// (API: JSON). The cause is logged here, once.
func (s *Server) unavailable(w http.ResponseWriter, r *http.Request, during string, err error) {
	if r.Context().Err() != nil {
		s.log.Debug("request ended by its client", "during", during, "path", r.URL.Path, "err", err)
	} else {
		s.log.Error("database unavailable", "during", during, "method", r.Method, "path", r.URL.Path, "err", err)
	}
	w.Header().Set("Retry-After", strconv.Itoa(retryUnavailable))
	if isAPI(r) {
		writeJSONError(w, http.StatusServiceUnavailable, msgUnavailable)
		return
	}
	s.render(w, r, "error.html", http.StatusServiceUnavailable, page{Title: "Lỗi hệ thống", Date: tochuc.Today(), Data: msgUnavailable})
}
