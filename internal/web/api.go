package web

import (
	"encoding/json"
	"net/http"
	"strings"
)

// apiPrefix is where the JSON API lives; its handlers are the pages' handlers.
const apiPrefix = "/api/v1/"

// isAPI reports whether a request is for the JSON API.
func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, apiPrefix) }

// writeJSON writes v as JSON with a status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// apiError is the body of every API error: a Vietnamese message for people.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg, Status: status})
}
