package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
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
	codeUnauthorized, codeMethodNotAllowed, codeTooLarge, codeFindings}

// codeFindings refuses an edit, asked to be warned first, after which the
// rule checks find more (the findings are in the error).
const codeFindings = "findings"

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
	// On an edit warned of the rule checks (code findings): what they would find more.
	Findings []check.Finding `json:"findings,omitempty"`
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, apiError{Code: code, Message: msg, Status: status})
}

// apiNotFound answers what no API route serves: 405 with Allow when the
// path is served for other methods, 404 otherwise, both as JSON.
func apiNotFound(routes *http.ServeMux) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		allow := allowedMethods(routes, r, "/api/")
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeJSONError(w, http.StatusMethodNotAllowed, codeMethodNotAllowed,
				"Phương thức "+r.Method+" không dùng được với địa chỉ này (dùng "+strings.Join(allow, ", ")+").")
			return
		}
		writeJSONError(w, http.StatusNotFound, tochuc.ENotFound, "Không có địa chỉ API này: "+r.URL.Path)
	}
}

// writeAPI writes an API body: like writeJSON, with every list and map that
// the body always carries given as [] or {} when empty, never null.
func writeAPI(w http.ResponseWriter, status int, v any) {
	writeJSON(w, status, apiValue(reflect.ValueOf(v)).Interface())
}

// apiValue returns a copy of v in which the nil slices and maps of fields
// not marked omitempty are empty ones. v is never changed: it may be shared
// (the report cache).
func apiValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(apiValue(v.Elem()))
		return out
	case reflect.Pointer:
		if v.IsNil() || !needsCopy(v.Type().Elem()) {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(apiValue(v.Elem()))
		return out
	case reflect.Slice:
		if v.IsNil() || !needsCopy(v.Type().Elem()) {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(apiValue(v.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() || !needsCopy(v.Type().Elem()) {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(it.Key(), apiValue(it.Value()))
		}
		return out
	case reflect.Struct:
		if !needsCopy(v.Type()) {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			fv := apiValue(v.Field(i))
			omit := strings.Contains(f.Tag.Get("json"), ",omitempty")
			if fv.IsValid() && !omit && (fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map) && fv.IsNil() {
				if fv.Kind() == reflect.Slice {
					fv = reflect.MakeSlice(f.Type, 0, 0)
				} else {
					fv = reflect.MakeMap(f.Type)
				}
			}
			out.Field(i).Set(fv)
		}
		return out
	}
	return v
}

// needsCopy reports whether values of t may hold a slice or a map to fill.
func needsCopy(t reflect.Type) bool {
	return needsCopySeen(t, map[reflect.Type]bool{})
}

func needsCopySeen(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Array:
		return needsCopySeen(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && needsCopySeen(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
