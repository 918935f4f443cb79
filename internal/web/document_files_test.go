package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
)

var attachPDF = []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")

// attach posts a file as the document page's form does (field tep); it does
// not follow a redirect.
func (c *client) attach(path, name string, content []byte) (*http.Response, string) {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("tep", name)
	fw.Write(content)
	mw.Close()
	cl := *c.http
	cl.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := cl.Post(c.base+path, mw.FormDataContentType(), &body)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// download gets a file and its headers.
func (c *client) download(path string) (*http.Response, []byte) {
	c.t.Helper()
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// TestDocumentFilesAccess uploads and downloads a document's attached files
// through the page and the API as each role: staff of A write the files of
// A's documents only; every account reads those of documents in its scope.
func TestDocumentFilesAccess(t *testing.T) {
	t.Parallel()
	ts, _ := newSecurityApp(t)
	admin, staff, viewer, auditor := signIn(t, ts, "admin"), signIn(t, ts, "staff"), signIn(t, ts, "viewer"), signIn(t, ts, "auditor")

	// The page's form: 303 back to the document's page.
	resp, body := staff.attach("/van-ban/docA/tep?ngay=2021-01-01", `C:\Văn bản\Nghị quyết số 1.pdf`, attachPDF)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/van-ban/docA?da_ghi=document_files&ngay=2021-01-01" {
		t.Fatalf("upload: %d to %q\n%.500s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	for login, c := range map[string]*client{"staff": staff, "viewer": viewer, "auditor": auditor, "admin": admin} {
		for _, path := range []string{"/van-ban/docA/tep/Ngh%E1%BB%8B%20quy%E1%BA%BFt%20s%E1%BB%91%201.pdf", "/api/v1/documents/docA/files/Nghị quyết số 1.pdf"} {
			resp, got := c.download(path)
			if resp.StatusCode != http.StatusOK || !bytes.Equal(got, attachPDF) {
				t.Errorf("%s %s: %d %q", login, path, resp.StatusCode, got)
				continue
			}
			h := resp.Header
			if h.Get("Content-Type") != "application/pdf" || h.Get("X-Content-Type-Options") != "nosniff" ||
				h.Get("Content-Disposition") != "attachment; filename*=utf-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%20s%E1%BB%91%201.pdf" {
				t.Errorf("%s %s: headers %v", login, path, h)
			}
		}
	}
	// The API: the same use case, JSON; the same name replaces.
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	resp, body = staff.attach("/api/v1/documents/docA/files", "so-do.png", png)
	var got struct {
		Name, SHA256, MediaType, URL string `json:",omitempty"`
		Bytes                        int64
		Replaced                     bool
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != http.StatusOK || got.Name != "so-do.png" ||
		got.Bytes != int64(len(png)) || got.Replaced || got.URL != "/van-ban/docA/tep/so-do.png" {
		t.Errorf("API upload: %d %s", resp.StatusCode, body)
	}
	png2 := append(append([]byte{}, png...), 'x')
	if resp, body = staff.attach("/api/v1/documents/docA/files", "so-do.png", png2); resp.StatusCode != http.StatusOK || !strings.Contains(body, `"replaced": true`) {
		t.Errorf("API replace: %d %s", resp.StatusCode, body)
	}
	if _, b := viewer.download("/van-ban/docA/tep/so-do.png"); !bytes.Equal(b, png2) {
		t.Errorf("after the replacement: %q", b)
	}

	// Refusals, in Vietnamese, nothing written.
	for _, c := range []struct {
		who     *client
		path    string
		name    string
		content []byte
		status  int
		want    string
	}{
		{viewer, "/van-ban/docA/tep", "a.pdf", attachPDF, 403, "chỉ được xem"},
		{auditor, "/api/v1/documents/docA/files", "a.pdf", attachPDF, 403, "chỉ được xem"},
		{staff, "/van-ban/docB/tep", "a.pdf", attachPDF, 403, "phạm vi"},
		{staff, "/api/v1/documents/docT/files", "a.pdf", attachPDF, 403, "phạm vi"},
		{staff, "/van-ban/khong-co/tep", "a.pdf", attachPDF, 404, "không có văn bản"},
		{staff, "/van-ban/docA/tep", "gia.pdf", png, 400, "nội dung là PNG"},
		{staff, "/van-ban/docA/tep", "a.docx", []byte("PK\x03\x04not a zip"), 400, "không phải DOCX"},
		{staff, "/van-ban/docA/tep", "a.pdf", []byte("<script>alert(1)</script>"), 400, "chỉ nhận tệp PDF"},
		{staff, "/van-ban/docA/tep", "lon.pdf", append(append([]byte{}, attachPDF...), make([]byte, bundle.MaxAttachedFile+1-len(attachPDF))...), 400, "lớn hơn 20 MiB"},
		{staff, "/van-ban/docA/tep", "rat-lon.pdf", make([]byte, 22<<20), 413, "quá lớn"},
	} {
		resp, body := c.who.attach(c.path, c.name, c.content)
		if resp.StatusCode != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%s %s: %d, want %d with %q\n%.300s", c.path, c.name, resp.StatusCode, c.status, c.want, body)
		}
	}
	// The province's directive: written by the administrator, read by the district's staff.
	if resp, body := admin.attach("/api/v1/documents/docT/files", "chi-thi.pdf", attachPDF); resp.StatusCode != http.StatusOK {
		t.Fatalf("the administrator attaching to the province's document: %d %s", resp.StatusCode, body)
	}
	// The file is read as its document is: by staff of A when the
	// documents list shows them the province's document.
	_, list := staff.get("/api/v1/documents?ngay=2021-01-01")
	want := http.StatusForbidden
	if strings.Contains(list, `"docT"`) {
		want = http.StatusOK
	}
	if resp, _ := staff.download("/van-ban/docT/tep/chi-thi.pdf"); resp.StatusCode != want {
		t.Errorf("staff of A reading the province's document's file: %d, want %d as for the document", resp.StatusCode, want)
	}
	if resp, b := viewer.download("/van-ban/docA/tep/so-do.png"); resp.StatusCode != http.StatusOK || !bytes.Equal(b, png2) {
		t.Errorf("viewer of A: %d", resp.StatusCode)
	}
	// A form without the file.
	req, _ := http.NewRequest("POST", ts.URL+"/van-ban/docA/tep", strings.NewReader("a=b"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err := staff.http.Do(req); err != nil || resp.StatusCode != http.StatusBadRequest {
		t.Errorf("no file: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	// Downloads outside the scope, and of a file whose content was never stored.
	for _, c := range []struct {
		who    *client
		path   string
		status int
	}{
		{staff, "/api/v1/documents/docB/files/nq.pdf", 403},
		{viewer, "/van-ban/docB/tep/nq.pdf", 403},
		{admin, "/api/v1/documents/docB/files/nq.pdf", 404},
		{staff, "/api/v1/documents/docA/files/khong-co.pdf", 404},
		{staff, "/api/v1/documents/khong-co/files/a.pdf", 404},
	} {
		if resp, b := c.who.download(c.path); resp.StatusCode != c.status || resp.Header.Get("Content-Disposition") != "" {
			t.Errorf("%s: %d, want %d\n%.300s", c.path, resp.StatusCode, c.status, b)
		}
	}
}
