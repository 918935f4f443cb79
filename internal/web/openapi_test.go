package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// apiSchemas validates API answers against the schemas of the OpenAPI
// document the server serves.
type apiSchemas struct {
	t   *testing.T
	doc map[string]any
	c   *jsonschema.Compiler
}

const docURL = "https://tochuc.invalid/openapi.json"

func loadAPISchemas(t *testing.T, c *client) *apiSchemas {
	t.Helper()
	code, body := c.get("/api/v1/openapi.json")
	if code != http.StatusOK {
		t.Fatalf("openapi.json: %d", code)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	comp.DefaultDraft(jsonschema.Draft2020)
	comp.AssertFormat()
	if err := comp.AddResource(docURL, inst); err != nil {
		t.Fatal(err)
	}
	s := &apiSchemas{t: t, c: comp}
	if err := json.Unmarshal([]byte(body), &s.doc); err != nil {
		t.Fatal(err)
	}
	return s
}

// pointer escapes the tokens of a JSON pointer.
func pointer(tokens ...string) string {
	var b strings.Builder
	for _, tok := range tokens {
		b.WriteString("/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(tok))
	}
	return b.String()
}

// validate checks a JSON body against the schema at a JSON pointer of the document.
func (s *apiSchemas) validate(at, body string) error {
	sch, err := s.c.Compile(docURL + "#" + at)
	if err != nil {
		s.t.Fatalf("schema %s: %v", at, err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// responseSchema is where the schema of an operation's JSON answer with a
// status lies ("" when the operation declares no JSON for it).
func (s *apiSchemas) responseSchema(path, method string, status int) string {
	op := s.doc["paths"].(map[string]any)[path].(map[string]any)[method].(map[string]any)
	code := strconv.Itoa(status)
	r, ok := op["responses"].(map[string]any)[code].(map[string]any)
	if !ok {
		return ""
	}
	at := pointer("paths", path, method, "responses", code)
	if ref, ok := r["$ref"].(string); ok {
		at = strings.TrimPrefix(ref, "#")
		name := at[strings.LastIndex(at, "/")+1:]
		r = s.doc["components"].(map[string]any)["responses"].(map[string]any)[name].(map[string]any)
	}
	if _, ok := r["content"].(map[string]any)["application/json"]; !ok {
		return ""
	}
	return at + pointer("content", "application/json", "schema")
}

// TestAPIResponsesMatchSchemas calls every operation of the OpenAPI document
// on the fixture data (signed in), and validates each JSON answer, errors
// included, against the schema the document declares for its status: no key
// left undeclared, no list null, every date yyyy-mm-dd.
func TestAPIResponsesMatchSchemas(t *testing.T) {
	ts := newApp(t, withDocuments(findingsBundle()))
	admin := signIn(t, ts, "admin")
	s := loadAPISchemas(t, admin)

	// The requests of each operation: a path and a body (for a POST).
	type call struct{ path, body string }
	var jobURL string
	calls := map[string][]call{
		"get /api/v1/report": {{"/api/v1/report?ngay=2018-01-01&tu=2010-01-01", ""}, {"/api/v1/report?ngay=2018-01-01&pham_vi=X1", ""},
			{"/api/v1/report?ngay=1990-01-01&pham_vi=X1", ""}, {"/api/v1/report?ngay=31/02/2018", ""}},
		"get /api/v1/report/{id}": {{"/api/v1/report/party.members?ngay=2018-01-01&tu=2010-01-01", ""},
			{"/api/v1/report/units.commune?ngay=2018-01-01", ""}, {"/api/v1/report/khong-co?ngay=2018-01-01", ""}},
		"get /api/v1/tree":                {{"/api/v1/tree?ngay=2018-01-01", ""}, {"/api/v1/tree?ngay=1900-01-01", ""}},
		"get /api/v1/units":               {{"/api/v1/units?ngay=2018-01-01", ""}, {"/api/v1/units?ngay=2018-01-01&trang=999", ""}, {"/api/v1/units?ngay=1900-01-01", ""}},
		"get /api/v1/units/{id}":          {{"/api/v1/units/X1?ngay=2018-01-01", ""}, {"/api/v1/units/H1?ngay=2030-01-01", ""}, {"/api/v1/units/khong-co", ""}, {"/api/v1/units/D1?ngay=2021-01-01", ""}},
		"get /api/v1/units/{id}/children": {{"/api/v1/units/H1/children?ngay=2018-01-01", ""}, {"/api/v1/units/X1/children?ngay=2018-01-01", ""}},
		"get /api/v1/people":              {{"/api/v1/people?ngay=2018-01-01", ""}, {"/api/v1/people?ngay=2018-01-01&trang=999", ""}},
		"get /api/v1/people/{id}":         {{"/api/v1/people/P1?ngay=2018-01-01", ""}, {"/api/v1/people/P1?ngay=1900-01-01", ""}, {"/api/v1/people/P4?ngay=2021-01-01", ""}},
		"get /api/v1/documents":           {{"/api/v1/documents?ngay=2018-01-01", ""}, {"/api/v1/documents?ngay=1900-01-01", ""}},
		"get /api/v1/documents/{id}":      {{"/api/v1/documents/NQ3?ngay=2019-12-31", ""}, {"/api/v1/documents/NQ1?ngay=2014-01-01", ""}, {"/api/v1/documents/khong-co", ""}},
		"get /api/v1/compare":             {{"/api/v1/compare?tu=2010-01-01&den=2020-01-01", ""}, {"/api/v1/compare?tu=2010-01-01&den=2020-01-01&phan=bo-tri&trang=9", ""}},
		"get /api/v1/records/{file}":      {{"/api/v1/records/units?id=X1&ngay=2018-01-01", ""}, {"/api/v1/records/headcount", ""}},
		"post /api/v1/records/{file}": {{"/api/v1/records/headcount", `{"mode":"sua_sai","values":{"unit_id":"U2","date":"2019-01-01","actual":"9"}}`},
			{"/api/v1/records/headcount", `{}`}, {"/api/v1/records/units", `{"mode":"thay_doi","version":"1"`}},
		"post /api/v1/imports":             {{"", "id,full_name,gender\nP9,Lê Thị Mới,female\n"}},
		"get /api/v1/imports/{id}":         {{"JOB", ""}, {"/api/v1/imports/khong-co", ""}},
		"post /api/v1/imports/{id}/commit": {{"JOB/commit", ""}, {"JOB/commit", ""}},
		"get /api/v1/pick": {{"/api/v1/pick?ngay=2018-01-01&q=a", ""}, {"/api/v1/pick?ngay=2018-01-01&doi_tuong=don_vi&q=xa", ""},
			{"/api/v1/pick?ngay=2018-01-01&doi_tuong=van_ban&q=1", ""}, {"/api/v1/pick?doi_tuong=khac", ""}},
		"get /api/v1/audit": {{"/api/v1/audit", ""}, {"/api/v1/audit?trang=999", ""}},
		"get /api/v1/checks": {{"/api/v1/checks?ngay=2021-01-01", ""}, {"/api/v1/checks?ngay=2021-01-01&quy_dinh=PLAN-02&trang=999", ""},
			{"/api/v1/checks?ngay=2021-01-01&quy_dinh=KHONG-CO", ""}, {"/api/v1/checks?ngay=2021-01-01&pham_vi=H1&don_vi=D1", ""}},
		"get /api/v1/appointments": {{"/api/v1/appointments?ngay=2021-01-01", ""}, {"/api/v1/appointments?ngay=2021-01-01&danh_sach=rotation&trang=999", ""},
			{"/api/v1/appointments?ngay=2021-01-01&danh_sach=ended&tu=2010-01-01&den=2021-01-01", ""}, {"/api/v1/appointments?danh_sach=khac", ""}},
		"get /api/v1/discipline":              {{"/api/v1/discipline?ngay=2021-01-01", ""}, {"/api/v1/discipline?hinh_thuc=khac", ""}},
		"get /api/v1/terms":                   {{"/api/v1/terms", ""}},
		"get /api/v1/restructure-drafts":      {{"/api/v1/restructure-drafts", ""}, {"/api/v1/restructure-drafts?trang=999", ""}},
		"get /api/v1/restructure-drafts/{id}": {{"/api/v1/restructure-drafts/999", ""}, {"/api/v1/restructure-drafts/abc", ""}},
		"get /api/v1/plans": {{"/api/v1/plans?ngay=2021-01-01", ""}, {"/api/v1/plans?nhiem_ky=2020-2025&trang=999", ""},
			{"/api/v1/plans?nhiem_ky=sai", ""}, {"/api/v1/plans?don_vi=khong-co", ""}},
		"get /api/v1/evaluations": {{"/api/v1/evaluations?nam=2020", ""}, {"/api/v1/evaluations", ""}, {"/api/v1/evaluations?buoc=khac", ""},
			{"/api/v1/evaluations?trang=999", ""}},
		"get /api/v1/evaluations/summary": {{"/api/v1/evaluations/summary?cap_uy=H1&nam=2020&cap_duoi=1", ""},
			{"/api/v1/evaluations/summary", ""}, {"/api/v1/evaluations/summary?cap_uy=khong-co&nam=2020", ""}},
		"get /api/v1/evaluations/history": {{"/api/v1/evaluations/history?cap_uy=H1&nam=2020&cap_duoi=1", ""},
			{"/api/v1/evaluations/history", ""}, {"/api/v1/evaluations/history?cap_uy=H1&nam=2020&loc=khac", ""}},
		"get /api/v1/casework/due": {{"/api/v1/casework/due?ngay=2021-01-01&pham_vi=H1", ""}, {"/api/v1/casework/due?ngay=2021-01-01&viec=badge&trang=999", ""},
			{"/api/v1/casework/due?viec=khac", ""}, {"/api/v1/casework/due?pham_vi=khong-co", ""}},
		"get /api/v1/party-stats": {{"/api/v1/party-stats?ngay=2021-01-01&pham_vi=H1", ""}, {"/api/v1/party-stats?ngay=2021-01-01&tu=2020-01-01", ""},
			{"/api/v1/party-stats?pham_vi=khong-co", ""}},
		"get /api/v1/dues": {{"/api/v1/dues?ngay=2021-01-01&pham_vi=D1", ""}, {"/api/v1/dues?thang=13/2021&pham_vi=D1", ""},
			{"/api/v1/dues?pham_vi=X1", ""}, {"/api/v1/dues", ""}},
		"post /api/v1/documents/{id}/files":       {{"/api/v1/documents/khong-co/files", `{}`}},
		"get /api/v1/documents/{id}/files/{name}": {{"/api/v1/documents/khong-co/files/a.pdf", ""}},
		"get /api/v1/dues/behind": {{"/api/v1/dues/behind?ngay=2021-01-01&pham_vi=D1", ""}, {"/api/v1/dues/behind?pham_vi=khong-co", ""},
			{"/api/v1/dues/behind?ngay=2021-01-01&pham_vi=D1&trang=999", ""}},
		"get /api/v1/tasks": {{"/api/v1/tasks?ngay=2021-01-01", ""}, {"/api/v1/tasks?ngay=2021-01-01&trang_thai=tat_ca&pham_vi=H1&trang=999", ""},
			{"/api/v1/tasks?trang_thai=khac", ""}},
		"get /api/v1/targets":                {{"/api/v1/targets?ngay=2021-01-01", ""}, {"/api/v1/targets?pham_vi=khong-co", ""}},
		"get /api/v1/documents/{id}/targets": {{"/api/v1/documents/khong-co/targets?ngay=2021-01-01", ""}},
	}
	var order []string // the upload first, then its job
	order = append(order, "post /api/v1/imports", "get /api/v1/imports/{id}", "post /api/v1/imports/{id}/commit")
	for path, item := range s.doc["paths"].(map[string]any) {
		for method := range item.(map[string]any) {
			key := method + " " + path
			if !strings.Contains(strings.Join(order, "|")+"|", key+"|") {
				order = append(order, key)
			}
			if _, ok := calls[key]; !ok && key != "get /api/v1/export" {
				t.Errorf("%s: no request of the test calls it", key)
			}
		}
	}
	checked := 0
	for _, key := range order {
		method, path, _ := strings.Cut(key, " ")
		if key == "get /api/v1/export" {
			resp, err := admin.http.Get(ts.URL + "/api/v1/export")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/zip" {
				t.Errorf("export: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			continue
		}
		for _, c := range calls[key] {
			var code int
			var body string
			switch {
			case key == "post /api/v1/imports":
				code, body = uploadRaw(t, admin, c.body)
				if jobURL = jsonField(body, "status_url"); code != http.StatusAccepted || jobURL == "" {
					t.Fatalf("upload: %d %s", code, body)
				}
				admin.waitJob(jobURL, "checking")
				// Not a multipart form: 400.
				if code, body := admin.postJSON("/api/v1/imports", ""); code != http.StatusBadRequest {
					t.Errorf("POST /api/v1/imports with JSON: %d", code)
				} else if err := s.validate(s.responseSchema(path, method, code), body); err != nil {
					t.Errorf("POST /api/v1/imports %d: %v\n%s", code, err, body)
				}
			case method == "post":
				code, body = admin.postJSON(strings.Replace(c.path, "JOB", jobURL, 1), c.body)
				if strings.HasPrefix(c.path, "JOB") && code == http.StatusAccepted {
					admin.waitJob(jobURL, "importing")
				}
			default:
				code, body = admin.get(strings.Replace(c.path, "JOB", jobURL, 1))
			}
			at := s.responseSchema(path, method, code)
			if at == "" {
				t.Errorf("%s %s: status %d is not in the document", key, c.path, code)
				continue
			}
			if err := s.validate(at, body); err != nil {
				t.Errorf("%s %s (%d): %v\n%.2000s", key, c.path, code, err, body)
			}
			checked++
		}
	}
	if checked < 30 {
		t.Errorf("only %d answers validated", checked)
	}

	// The errors of HTTP itself, under /api/: no route, a wrong method, not signed in.
	errSchema := pointer("components", "schemas", "Error")
	for _, c := range []struct {
		cl   *client
		path string
		post bool
		want int
	}{
		{admin, "/api/v1/khong-co", false, 404}, {admin, "/api/khong-co", false, 404},
		{admin, "/api/v1/tree", true, 405}, {signIn(t, ts, "staff"), "/api/v1/units/X2?ngay=2018-01-01", false, 403},
		{&client{t: t, http: &http.Client{}, base: ts.URL}, "/api/v1/tree", false, 401},
	} {
		code, body := c.cl.get(c.path)
		if c.post {
			code, body = c.cl.postJSON(c.path, "{}")
		}
		if code != c.want {
			t.Errorf("%s: %d, want %d", c.path, code, c.want)
		}
		if err := s.validate(errSchema, body); err != nil {
			t.Errorf("%s (%d): %v\n%s", c.path, code, err, body)
		}
	}
}

// uploadRaw uploads a people.csv and returns the answer as it came.
func uploadRaw(t *testing.T, c *client, content string) (int, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("tep", "people.csv")
	io.WriteString(fw, content)
	mw.Close()
	resp, err := c.http.Post(c.base+"/api/v1/imports", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func jsonField(body, key string) string {
	var m map[string]any
	json.Unmarshal([]byte(body), &m)
	s, _ := m[key].(string)
	return s
}

// TestAPISchemasAreStrict checks that the validation above would catch a
// handler answering a key the document does not declare, a list as null, a
// date in another form, or an undeclared error code.
func TestAPISchemasAreStrict(t *testing.T) {
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	s := loadAPISchemas(t, admin)
	_, body := admin.get("/api/v1/units?ngay=2018-01-01")
	at := s.responseSchema("/api/v1/units", "get", 200)
	if err := s.validate(at, body); err != nil {
		t.Fatalf("the real answer: %v", err)
	}
	var good map[string]any
	if err := json.Unmarshal([]byte(body), &good); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(m map[string]any){
		"an undeclared key": func(m map[string]any) { m["data"].(map[string]any)["Rows"] = []any{} },
		"an undeclared key in a row": func(m map[string]any) {
			m["data"].(map[string]any)["items"].([]any)[0].(map[string]any)["KindName"] = "x"
		},
		"a list as null":       func(m map[string]any) { m["data"].(map[string]any)["items"] = nil },
		"a required key gone":  func(m map[string]any) { delete(m["data"].(map[string]any), "total") },
		"a date not ISO":       func(m map[string]any) { m["as_of"] = "01/01/2018" },
		"a number as a string": func(m map[string]any) { m["data"].(map[string]any)["page"] = "1" },
	} {
		var m map[string]any
		json.Unmarshal([]byte(body), &m)
		change(m)
		b, _ := json.Marshal(m)
		if err := s.validate(at, string(b)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	bad := `{"code": "oops", "message": "x", "status": 404}`
	if err := s.validate(pointer("components", "schemas", "Error"), bad); err == nil {
		t.Error("an undeclared error code: accepted")
	}
}
