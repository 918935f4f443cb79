package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestAccessMatrix visits every route, as a page and through the API, as
// every role and without signing in, and checks who gets 200, 403, 401 or a
// redirect to the login form. Staff are limited to district H1: X1, D1, P1
// are inside it; H2, X2, U2, P2 are not.
func TestAccessMatrix(t *testing.T) {
	t.Parallel()
	ts := newApp(t, withDocuments(richBundle()))
	clients := map[string]*client{}
	for _, u := range testUsers {
		clients[u.Login] = signIn(t, ts, u.Login)
	}
	const all, inside = "admin viewer auditor staff", "admin viewer auditor staff"
	// A restructuring draft inside H1 (draft 1): read by every account whose scope holds X1.
	if code, body := clients["admin"].postForm("/sap-xep?ngay=2018-01-01", url.Values{"kind": {"rename"}, "date": {"2019-01-01"},
		"from": {"X1"}, "new_name": {"Xã Một Mới"}, "ten_nhap": {"Đổi tên xã Một"}, "luu_nhap": {"1"}}); code != http.StatusOK {
		t.Fatalf("draft: %d %.500s", code, body)
	}
	cases := []struct {
		page, api string
		ok        string // logins that get 200; the others signed in get 403
	}{
		{"/?ngay=2018-01-01", "/api/v1/report?ngay=2018-01-01", all},
		{"/?ngay=2018-01-01&pham_vi=H2", "/api/v1/report?ngay=2018-01-01&pham_vi=H2", "admin viewer auditor"},
		{"/chi-tieu/units.commune?ngay=2018-01-01&tu=2010-01-01", "/api/v1/report/units.commune?ngay=2018-01-01&tu=2010-01-01", all},
		{"/chi-tieu/units.commune?ngay=2018-01-01&pham_vi=T1", "/api/v1/report/units.commune?ngay=2018-01-01&pham_vi=T1", "admin viewer auditor"},
		{"/to-chuc?ngay=2018-01-01", "/api/v1/tree?ngay=2018-01-01", all},
		{"/don-vi?ngay=2018-01-01&q=xa", "/api/v1/units?ngay=2018-01-01&q=xa", all},
		{"/don-vi/X1?ngay=2018-01-01", "/api/v1/units/X1?ngay=2018-01-01", inside},
		{"/don-vi/H1/truc-thuoc?ngay=2018-01-01", "/api/v1/units/H1/children?ngay=2018-01-01", inside},
		{"/don-vi/H2/truc-thuoc?ngay=2018-01-01", "/api/v1/units/H2/children?ngay=2018-01-01", "admin viewer auditor"},
		{"/don-vi/H1?ngay=2018-01-01", "/api/v1/units/H1?ngay=2018-01-01", inside},
		{"/don-vi/X2?ngay=2018-01-01", "/api/v1/units/X2?ngay=2018-01-01", "admin viewer auditor"},
		{"/don-vi/T1?ngay=2018-01-01", "/api/v1/units/T1?ngay=2018-01-01", "admin viewer auditor"},
		{"/don-vi/H1?ngay=2030-01-01", "/api/v1/units/H1?ngay=2030-01-01", inside}, // dissolved: scope as on its last day
		{"/nhan-su?ngay=2018-01-01", "/api/v1/people?ngay=2018-01-01", all},
		{"/nhan-su/P1?ngay=2018-01-01", "/api/v1/people/P1?ngay=2018-01-01", inside},
		{"/nhan-su/P2?ngay=2018-01-01", "/api/v1/people/P2?ngay=2018-01-01", "admin viewer auditor"},
		{"/van-ban?ngay=2018-01-01", "/api/v1/documents?ngay=2018-01-01", all},
		{"/van-ban/NQ3?ngay=2019-12-31", "/api/v1/documents/NQ3?ngay=2019-12-31", all},                    // issued by the province, above staff's H1
		{"/van-ban/KH1?ngay=2019-12-31", "/api/v1/documents/KH1?ngay=2019-12-31", "admin viewer auditor"}, // issued by H2
		{"/kiem-tra?ngay=2018-01-01", "/api/v1/checks?ngay=2018-01-01", all},
		{"/kiem-tra?ngay=2018-01-01&pham_vi=H2", "/api/v1/checks?ngay=2018-01-01&pham_vi=H2", "admin viewer auditor"},
		{"/so-sanh?tu=2010-01-01&den=2020-01-01", "/api/v1/compare?tu=2010-01-01&den=2020-01-01", all},
		{"/nhat-ky", "/api/v1/audit", "admin auditor"},
		{"/chon?ngay=2018-01-01&q=binh", "/api/v1/pick?ngay=2018-01-01&q=binh", all},
		{"/bo-nhiem?ngay=2018-01-01&danh_sach=due", "/api/v1/appointments?ngay=2018-01-01&danh_sach=due", all},
		{"/bo-nhiem?ngay=2018-01-01&pham_vi=H2", "/api/v1/appointments?ngay=2018-01-01&pham_vi=H2", "admin viewer auditor"},
		{"/ky-luat?ngay=2018-01-01", "/api/v1/discipline?ngay=2018-01-01", "admin canbomat"}, // confidential
		{"/nhiem-ky?ngay=2018-01-01", "/api/v1/terms?ngay=2018-01-01", all},
		{"/sap-xep/nhap?ngay=2018-01-01", "/api/v1/restructure-drafts?ngay=2018-01-01", all},
		{"/sap-xep/nhap/1?ngay=2018-01-01", "/api/v1/restructure-drafts/1?ngay=2018-01-01", inside},
		{"/quy-hoach?ngay=2018-01-01", "/api/v1/plans?ngay=2018-01-01", "admin canbomat"}, // confidential: only accounts with the permission
		// Ratings are confidential: only accounts with the permission (here the administrator).
		{"/danh-gia?cap_uy=H1&nam=2019", "/api/v1/evaluations?nam=2019", "admin canbomat"},
		{"/danh-gia/tong-hop?cap_uy=H1&nam=2019", "/api/v1/evaluations/summary?cap_uy=H1&nam=2019", "admin canbomat"},
		{"/danh-gia/lich-su?cap_uy=H1&nam=2019", "/api/v1/evaluations/history?cap_uy=H1&nam=2019", "admin canbomat"},
		{"/dang-phi?ngay=2018-01-01&pham_vi=D1", "/api/v1/dues?ngay=2018-01-01&pham_vi=D1", all},
		{"/dang-phi/cham?ngay=2018-01-01&pham_vi=D1", "/api/v1/dues/behind?ngay=2018-01-01&pham_vi=D1", all},
		{"/thong-ke-dang-vien?ngay=2018-01-01", "/api/v1/party-stats?ngay=2018-01-01", all},
		{"/thong-ke-dang-vien?ngay=2018-01-01&pham_vi=H2", "/api/v1/party-stats?ngay=2018-01-01&pham_vi=H2", "admin viewer auditor"},
		{"/dang-vien/den-han?ngay=2018-01-01&pham_vi=H1", "/api/v1/casework/due?ngay=2018-01-01&pham_vi=H1", all},
		{"/dang-vien/den-han?ngay=2018-01-01&pham_vi=H2", "/api/v1/casework/due?ngay=2018-01-01&pham_vi=H2", "admin viewer auditor"},
		{"/nhiem-vu?ngay=2018-01-01&pham_vi=H1", "/api/v1/tasks?ngay=2018-01-01&pham_vi=H1", all},
		{"/nhiem-vu?ngay=2018-01-01&pham_vi=H2", "/api/v1/tasks?ngay=2018-01-01&pham_vi=H2", "admin viewer auditor"},
		{"/chi-tieu-van-ban?ngay=2018-01-01", "/api/v1/targets?ngay=2018-01-01", all},
		{"/chi-tieu-van-ban?ngay=2018-01-01&pham_vi=H2", "/api/v1/targets?ngay=2018-01-01&pham_vi=H2", "admin viewer auditor"},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		covered[strings.SplitN(c.api, "?", 2)[0]] = true
		for login, cl := range clients {
			want := http.StatusForbidden
			// canbomat is a staff member of H1 with the permission to read confidential records:
			// it gets what the staff get, and the confidential routes that name it.
			if strings.Contains(" "+c.ok+" ", " "+login+" ") || login == "canbomat" && strings.Contains(" "+c.ok+" ", " staff ") {
				want = http.StatusOK
			}
			for _, path := range []string{c.page, c.api} {
				if code, body := cl.get(path); code != want {
					t.Errorf("%s %s: %d, want %d\n%.300s", login, path, code, want, body)
				}
			}
		}
		anon := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := anon.Get(ts.URL + c.page)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/dang-nhap") {
			t.Errorf("anonymous %s: %d to %q, want a redirect to the login form", c.page, resp.StatusCode, resp.Header.Get("Location"))
		}
		resp, err = anon.Get(ts.URL + c.api)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous %s: %d, want 401", c.api, resp.StatusCode)
		}
	}
	// Writing: staff inside their scope, nobody else but the administrator; viewers and auditors never.
	post := map[string]string{ // body (a new figure; %s: a date of each login's own) → logins that may
		`{"mode":"sua_sai","values":{"unit_id":"U2","date":"%s","actual":"9"}}`: "admin",
		`{"mode":"sua_sai","values":{"unit_id":"D1","date":"%s","actual":"7"}}`: "admin staff canbomat",
	}
	dates := map[string]string{"admin": "2019-01-01", "staff": "2019-02-01", "viewer": "2019-03-01", "auditor": "2019-04-01", "canbomat": "2019-06-01"}
	for tmpl, who := range post {
		for login, cl := range clients {
			want := http.StatusForbidden
			if strings.Contains(" "+who+" ", " "+login+" ") {
				want = http.StatusOK
			}
			body := fmt.Sprintf(tmpl, dates[login])
			if code, out := cl.postJSON("/api/v1/records/headcount", body); code != want {
				t.Errorf("%s POST %s: %d, want %d\n%.300s", login, body, code, want, out)
			}
		}
		resp, err := http.Post(ts.URL+"/api/v1/records/headcount", "application/json", strings.NewReader(fmt.Sprintf(tmpl, "2019-05-01")))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous POST: %d, want 401", resp.StatusCode)
		}
	}
	covered["/api/v1/records/{file}"] = true
	covered["/api/v1/documents/{id}/targets"] = true // TestDocumentTargetsReport: a document's report as the read policy lets each see it
	for _, p := range []string{"/api/v1/imports", "/api/v1/imports/{id}", "/api/v1/imports/{id}/commit", "/api/v1/export"} {
		covered[p] = true // TestImportInBrowserFlow checks who may import, and what each exports
	}
	for _, p := range []string{"/api/v1/documents/{id}/files", "/api/v1/documents/{id}/files/{name}"} {
		covered[p] = true // TestDocumentFilesAccess checks who may attach and download a document's files
	}
	// The import form: the administrator and staff (who import within their scope); viewers and auditors never.
	for login, cl := range clients {
		want := http.StatusForbidden
		if login == "admin" || login == "staff" || login == "canbomat" {
			want = http.StatusOK
		}
		if code, body := cl.get("/nhap"); code != want {
			t.Errorf("%s /nhap: %d, want %d\n%.300s", login, code, want, body)
		}
	}

	// Every API route of the OpenAPI document is in the matrix.
	_, body := clients["viewer"].get("/api/v1/openapi.json")
	var doc struct{ Paths map[string]any }
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	for p := range doc.Paths {
		pattern := regexp.MustCompile("^" + regexp.MustCompile(`\{[a-z]+\}`).ReplaceAllString(p, "[^/]+") + "$")
		found := false
		for c := range covered {
			if pattern.MatchString(c) {
				found = true
			}
		}
		if !found {
			t.Errorf("route %s is not in the access matrix", p)
		}
	}
}

// TestScopedLists checks that lists leave out what lies outside the scope.
func TestScopedLists(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	staff := signIn(t, ts, "staff")
	_, body := staff.get("/nhan-su?ngay=2018-01-01")
	if !strings.Contains(body, "Trần Văn Bình") || strings.Contains(body, "Nguyễn Thị Ánh") {
		t.Error("people list: staff of H1 must see P1 only")
	}
	_, body = staff.get("/api/v1/units?ngay=2018-01-01&q=xa")
	if !strings.Contains(body, `"id": "X1"`) || strings.Contains(body, `"id": "X2"`) {
		t.Errorf("unit list: staff of H1 must see X1 only:\n%s", body)
	}
	_, body = staff.get("/to-chuc?ngay=2018-01-01")
	if strings.Contains(body, "Tỉnh Thử") || !strings.Contains(body, "Huyện Ánh") {
		t.Error("tree: staff of H1 must start at H1")
	}
	_, body = staff.get("/to-chuc?don_vi=X1&ngay=2018-01-01")
	if !strings.Contains(body, `don_vi=H1&amp;ngay=2018-01-01">Huyện Ánh</a>`) || strings.Contains(body, "Tỉnh Thử") {
		t.Errorf("tree of X1: staff of H1 must see the path from H1 only:\n%.3000s", body)
	}
	if code, _ := staff.get("/to-chuc?don_vi=T1&ngay=2018-01-01"); code != 403 {
		t.Errorf("tree of T1 for staff of H1: %d, want 403", code)
	}
	_, body = staff.get("/api/v1/compare?tu=2010-01-01&den=2020-01-01")
	if strings.Contains(body, "P3") || strings.Contains(body, "U2") {
		t.Errorf("compare: changes outside the scope leaked:\n%s", body)
	}
	_, body = signIn(t, ts, "admin").get("/api/v1/compare?tu=2010-01-01&den=2020-01-01")
	if !strings.Contains(body, "U2") {
		t.Errorf("compare: the administrator must see the post vacated in U2:\n%s", body)
	}
}

// TestOpenAPIMatchesRoutes checks that every path of the OpenAPI document is served.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	t.Parallel()
	ts := newApp(t, withDocuments(richBundle()))
	admin := signIn(t, ts, "admin")
	_, body := admin.get("/api/v1/openapi.json")
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]any
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || doc.OpenAPI == "" || len(doc.Paths) < 6 {
		t.Fatalf("openapi.json: %v %.200s", err, body)
	}
	for p, ops := range doc.Paths {
		if strings.HasPrefix(p, "/api/v1/imports") || p == "/api/v1/export" {
			continue // TestImportInBrowserFlow
		}
		if strings.HasPrefix(p, "/api/v1/documents/{id}/files") {
			continue // TestDocumentFilesAccess
		}
		if _, ok := ops["post"]; ok {
			if code, _ := admin.postJSON(strings.ReplaceAll(p, "{file}", "people"), `{}`); code != http.StatusUnprocessableEntity {
				t.Errorf("POST %s with nothing: %d, want 422", p, code)
			}
			continue
		}
		if _, ok := ops["get"]; !ok {
			t.Errorf("%s: no get operation", p)
		}
		code, _ := admin.get(strings.ReplaceAll(p, "{id}", "X1") + "?ngay=2018-01-01")
		if strings.Contains(p, "report/{id}") {
			code, _ = admin.get(strings.ReplaceAll(p, "{id}", "party.members") + "?ngay=2018-01-01")
		}
		if strings.Contains(p, "restructure-drafts/{id}") {
			if code, _ = admin.postForm("/sap-xep", url.Values{"kind": {"rename"}, "date": {"2019-01-01"}, "from": {"X1"},
				"new_name": {"Xã Một Mới"}, "ten_nhap": {"Đổi tên"}, "luu_nhap": {"1"}}); code == http.StatusOK {
				code, _ = admin.get(strings.ReplaceAll(p, "{id}", "1"))
			}
		}
		if strings.Contains(p, "people/{id}") {
			code, _ = admin.get(strings.ReplaceAll(p, "{id}", "P1") + "?ngay=2018-01-01")
		}
		if strings.HasPrefix(p, "/api/v1/documents/{id}") {
			code, _ = admin.get(strings.ReplaceAll(p, "{id}", "NQ3") + "?ngay=2019-12-31")
		}
		if code != http.StatusOK {
			t.Errorf("%s: %d", p, code)
		}
	}
	if code, body := admin.get("/api/v1/khong-co"); code != http.StatusNotFound || !strings.Contains(body, `"code": "not_found"`) {
		t.Errorf("unknown API path: %d %s", code, body)
	}
	if code, body := admin.get("/api/khong-co"); code != http.StatusNotFound || !strings.Contains(body, `"status": 404`) {
		t.Errorf("unknown path under /api/: %d %s", code, body)
	}
	if code, body := admin.postJSON("/api/v1/tree", `{}`); code != http.StatusMethodNotAllowed ||
		!strings.Contains(body, `"code": "method_not_allowed"`) || !strings.Contains(body, `"message": "Phương thức POST`) {
		t.Errorf("wrong method: %d %s", code, body)
	}
}

// TestLoginLockout checks the login form's answers, the lockout after
// repeated failures, and logging out.
func TestLoginLockout(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	post := func(login, pw string) int {
		resp, err := http.PostForm(ts.URL+"/dang-nhap", map[string][]string{"ten_dang_nhap": {login}, "mat_khau": {pw}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := range 5 {
		if code := post("viewer", "sai-mat-khau-"+string(rune('a'+i))); code != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: %d", i, code)
		}
	}
	if code := post("viewer", testPassword); code != http.StatusTooManyRequests {
		t.Fatalf("after 5 failures the right password must wait: %d", code)
	}
	if code := post("nobody", testPassword); code != http.StatusUnauthorized {
		t.Fatalf("unknown login: %d", code)
	}
	c := signIn(t, ts, "admin")
	resp, err := c.http.PostForm(ts.URL+"/dang-xuat", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/dang-nhap" {
		t.Fatalf("logout went to %s", resp.Request.URL)
	}
	if code, _ := c.get("/api/v1/tree"); code != http.StatusUnauthorized {
		t.Fatalf("after logout: %d", code)
	}
	// A cross-site form post is refused.
	req, _ := http.NewRequest("POST", ts.URL+"/dang-xuat", nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d", resp.StatusCode)
	}
}

// TestDashboardToRecords follows a number of the dashboard to the records behind it.
func TestDashboardToRecords(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	staff := signIn(t, ts, "staff")
	_, body := staff.get("/?ngay=2018-01-01")
	if !strings.Contains(body, `<tr data-id="party.members">`) || !strings.Contains(body, `href="/chi-tieu/party.members?ngay=2018-01-01&amp;pham_vi=H1"`) {
		t.Fatalf("dashboard of H1's staff:\n%.4000s", body)
	}
	_, body = staff.get("/api/v1/report/party.members?ngay=2018-01-01&pham_vi=H1")
	if !strings.Contains(body, `"id": "P1"`) || strings.Contains(body, `"id": "P2"`) {
		t.Fatalf("records behind party.members in H1:\n%s", body)
	}
	_, body = staff.get("/chi-tieu/party.members?ngay=2018-01-01&pham_vi=H1")
	if !strings.Contains(body, `href="/nhan-su/P1?ngay=2018-01-01"`) {
		t.Fatalf("explain page:\n%.3000s", body)
	}
}

// TestDashboardFollowsEdits checks that the dashboard shows an edit at once
// (its reports are kept only until the next change set).
func TestDashboardFollowsEdits(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	members := func() string {
		_, body := admin.get("/api/v1/report?ngay=2019-01-01")
		i := strings.Index(body, `"id": "party.members"`)
		return body[i : i+120]
	}
	before := members()
	if !strings.Contains(before, `"value": 1`) {
		t.Fatalf("before: %s", before)
	}
	if code, out := admin.postJSON("/api/v1/records/party", `{"values":{"person_id":"P2","event":"admitted","date":"2018-06-01","unit_id":"D1"}}`); code != 200 {
		t.Fatalf("add event: %d %s", code, out)
	}
	if after := members(); !strings.Contains(after, `"value": 2`) {
		t.Fatalf("after the edit the dashboard still says: %s", after)
	}
}
