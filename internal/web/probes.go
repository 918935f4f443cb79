package web

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// readyTimeout bounds the database check of /readyz.
const readyTimeout = 2 * time.Second

// handleHealthz is the liveness probe: the process serves requests. It does
// not look at the database (a restart would not bring that back).
func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// handleReadyz is the readiness probe: the database answers a ping within
// readyTimeout (200 "sẵn sàng"), or not (503, the cause logged).
func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		if err := s.ready(ctx); err != nil {
			s.log.Error("readyz: database unavailable", "err", err)
			w.Header().Set("Retry-After", strconv.Itoa(retryUnavailable))
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("không sẵn sàng: không truy cập được cơ sở dữ liệu\n"))
			return
		}
	}
	w.Write([]byte("sẵn sàng\n"))
}
