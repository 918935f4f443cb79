package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
)

// FuzzEditRequest feeds arbitrary bodies to the edit request's parser, as
// JSON (the API) and as a form (the page): it never panics, refuses what it
// cannot read with a Vietnamese message, and what it accepts from a form
// names only the file's columns.
func FuzzEditRequest(f *testing.F) {
	f.Add(`{"mode":"sua_sai","values":{"unit_id":"D1","date":"2019-01-01","actual":"7"}}`, true)
	f.Add(`{"mode":"thay_doi","effective":"2020-01-01","original":{"id":"X"},"values":{"id":"X"},"version":"3"}`, true)
	f.Add(`{"effective":"31/02/2020"}`, true)
	f.Add("che_do=thay_doi&hieu_luc=01/01/2020&goc_id=X&v_id=X&v_name=T%C3%AAn&phien_ban=3&cu_name=A", false)
	f.Add("hieu_luc=2020-13-45&v_id=%00", false)
	file := bundle.FileByName("units")
	f.Fuzz(func(t *testing.T, body string, api bool) {
		path := "/sua/units"
		ctype := "application/x-www-form-urlencoded"
		if api {
			path, ctype = "/api/v1/records/units", "application/json"
		}
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		r.Header.Set("Content-Type", ctype)
		req, err := parseEditRequest(httptest.NewRecorder(), r, file)
		if err != nil {
			if msg := err.Error(); msg == "" || !strings.ContainsAny(msg, "ảạáàãêệếềểôộốồơớờợưứừựđĐ") {
				t.Fatalf("a refusal without a Vietnamese message: %q", msg)
			}
			return
		}
		if !api {
			for k := range req.Values {
				if file.Index(k) < 0 {
					t.Fatalf("a form value for a column the file does not have: %q", k)
				}
			}
		}
	})
}
