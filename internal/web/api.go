package web

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// apiPrefix is where the JSON API lives; its handlers are the pages' handlers.
const apiPrefix = "/api/v1/"

// isAPI reports whether a request is for the JSON API: everything under
// /api/ answers JSON, errors included.
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// writeJSON writes v as JSON with a status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// The machine-readable codes of API errors (apiError.Code): the
// application's error codes (tochuc.E…) and those of HTTP itself.
const (
	codeUnauthorized     = "unauthorized"
	codeMethodNotAllowed = "method_not_allowed"
	codeTooLarge         = "too_large"
)

// errorCodes are every code an API error may carry, for the OpenAPI document.
var errorCodes = []string{tochuc.EInvalid, tochuc.ENotFound, tochuc.EConflict, tochuc.EOutdated, tochuc.EForbidden,
	tochuc.EStale, tochuc.EInternal, tochuc.EBusy, tochuc.EUnavailable, tochuc.EDiskFull, tochuc.EIO, tochuc.ETimeout,
	codeUnauthorized, codeMethodNotAllowed, codeTooLarge}

// apiError is the body of every API error: a stable code for programs, the
// Vietnamese message for people, the HTTP status, and the row-level issues
// of a rejected record when there are any.
type apiError struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Status  int            `json:"status"`
	Issues  []bundle.Issue `json:"issues,omitempty"`
	// On a stale edit (code stale): the record as it stands now and its version.
	Current map[string]string `json:"current,omitempty"`
	Version string            `json:"version,omitempty"`
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, apiError{Code: code, Message: msg, Status: status})
}

// apiNotFound answers what no API route serves: 405 with Allow when the
// path is served for other methods, 404 otherwise, both as JSON.
func apiNotFound(routes *http.ServeMux) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
			r2 := r.Clone(r.Context())
			r2.Method = m
			if _, pattern := routes.Handler(r2); pattern != "" && pattern != "/api/" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeJSONError(w, http.StatusMethodNotAllowed, codeMethodNotAllowed,
				"Phương thức "+r.Method+" không dùng được với địa chỉ này (dùng "+strings.Join(allow, ", ")+").")
			return
		}
		writeJSONError(w, http.StatusNotFound, tochuc.ENotFound, "Không có địa chỉ API này: "+r.URL.Path)
	}
}
