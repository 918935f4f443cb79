package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/web"
)

// zeros is an endless body of zero bytes that counts what was read of it.
type zeros struct{ n atomic.Int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.n.Add(int64(len(p)))
	return len(p), nil
}

// tempFiles lists the files of the temporary directory whose names start
// with one of the prefixes of what a request or an upload may leave there.
func tempFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, prefix := range []string{"multipart-", "tochuc-upload-", "excelize-"} {
		m, err := filepath.Glob(filepath.Join(os.TempDir(), prefix+"*"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	return out
}

// multipartBody is a form with a field and a file part of size bytes of
// zeros, streamed; it returns the body, its content type, its length and
// the zeros, which count what was read of them.
func multipartBody(field string, size int64) (io.Reader, string, int64, *zeros) {
	var head bytes.Buffer
	mw := multipart.NewWriter(&head)
	mw.WriteField("ten_dang_nhap", "admin")
	mw.CreateFormFile(field, "x.bin")
	tail := "\r\n--" + mw.Boundary() + "--\r\n"
	z := &zeros{}
	body := io.MultiReader(bytes.NewReader(head.Bytes()), io.LimitReader(z, size), strings.NewReader(tail))
	return body, mw.FormDataContentType(), int64(head.Len()) + size + int64(len(tail)), z
}

// TestLoginBodyLimit: a 300 MiB multipart body to the login form is refused
// at once with 413, with or without a Content-Length, and nothing of it is
// written to disk.
func TestLoginBodyLimit(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	ts := newApp(t, treeBundle())
	for _, chunked := range []bool{false, true} {
		body, ctype, n, z := multipartBody("tep", 300<<20)
		req, _ := http.NewRequest("POST", ts.URL+"/dang-nhap", body)
		req.Header.Set("Content-Type", ctype)
		if !chunked {
			req.ContentLength = n
		}
		start := time.Now()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("chunked %v: %v", chunked, err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		took := time.Since(start)
		t.Logf("chunked %v: %d in %v, %d MiB sent", chunked, resp.StatusCode, took, z.n.Load()>>20)
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(page), "quá lớn") {
			t.Errorf("chunked %v: %d\n%.500s", chunked, resp.StatusCode, page)
		}
		if took > 5*time.Second || z.n.Load() > 64<<20 {
			t.Errorf("chunked %v: took %v, read %d MiB of the body", chunked, took, z.n.Load()>>20)
		}
		if files := tempFiles(t); len(files) > 0 {
			t.Errorf("chunked %v: temporary files left: %v", chunked, files)
		}
	}
	// A login form of ordinary size still works.
	signIn(t, ts, "admin")
}

// TestJSONBodyLimit: an edit through the API larger than 1 MiB is refused
// with 413 and a JSON error, whether its length is announced or not.
func TestJSONBodyLimit(t *testing.T) {
	t.Parallel()
	ts := newApp(t, treeBundle())
	admin := signIn(t, ts, "admin")
	big := `{"mode":"sua_sai","values":{"id":"H9","name":"` + strings.Repeat("a", 2<<20) + `"}}`
	for _, chunked := range []bool{false, true} {
		var body io.Reader = strings.NewReader(big)
		if chunked {
			body = io.MultiReader(body) // hides the length
		}
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/records/units", body)
		req.Header.Set("Content-Type", "application/json")
		resp, err := admin.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var e struct {
			Code   string `json:"code"`
			Error  string `json:"message"`
			Status int    `json:"status"`
		}
		json.NewDecoder(resp.Body).Decode(&e)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || e.Status != 413 || e.Code != "too_large" || !strings.Contains(e.Error, "quá lớn") {
			t.Errorf("chunked %v: %d %+v", chunked, resp.StatusCode, e)
		}
	}
	// A form larger than 1 MiB, too.
	code, body := admin.postForm("/sap-xep", map[string][]string{"kind": {"merge"}, "new_name": {strings.Repeat("a", 2<<20)}})
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "quá lớn") {
		t.Errorf("restructure form of 2 MiB: %d", code)
	}
}

// TestUploadTempFiles: an upload leaves no temporary file behind, whether its
// check fails, or succeeds and the bundle is imported; a large one is
// streamed to its job's folder, not first to a multipart temporary file.
func TestUploadTempFiles(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	// A check that fails: 40 MiB with an unknown column.
	big := "id,full_name,tuoi\n" + strings.Repeat("P9,Lê Thị Mới,40\n", 40<<20/17)
	code, url := admin.upload("people.csv", big)
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	if job := admin.waitJob(url, "checking"); job["phase"] != "failed" {
		t.Fatalf("broken upload: %v", job["phase"])
	}
	if files := tempFiles(t); len(files) > 0 {
		t.Errorf("after a failed check: temporary files left: %v", files)
	}
	// A check that succeeds, then the import.
	code, url = admin.upload("people.csv", "id,full_name,gender\nP9,Lê Thị Mới,female\n")
	if job := admin.waitJob(url, "checking"); code != http.StatusAccepted || job["phase"] != "checked" {
		t.Fatalf("good upload: %d %v", code, job)
	}
	if code, _ := admin.postJSON(url+"/commit", ""); code != http.StatusAccepted {
		t.Fatalf("commit: %d", code)
	}
	if job := admin.waitJob(url, "importing"); job["phase"] != "done" {
		t.Fatalf("import: %v", job)
	}
	if files := tempFiles(t); len(files) > 0 {
		t.Errorf("after an import: temporary files left: %v", files)
	}
	// An upload over the limit is refused, and leaves nothing either.
	body, ctype, n, _ := multipartBody("tep", 600<<20)
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/imports", body)
	req.Header.Set("Content-Type", ctype)
	req.ContentLength = n
	resp, err := admin.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("upload of 600 MiB: %d", resp.StatusCode)
	}
	if files := tempFiles(t); len(files) > 0 {
		t.Errorf("after a refused upload: temporary files left: %v", files)
	}
}

// TestRemoveUploadLeftovers: at start the server removes the upload folders
// of earlier runs, and nothing else.
func TestRemoveUploadLeftovers(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	for _, d := range []string{"tochuc-upload-123", "tochuc-upload-456/sub", "other"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "tochuc-upload-456", "bundle.zip"), []byte("x"), 0o600)
	os.WriteFile(filepath.Join(dir, "tochuc-upload-file"), []byte("x"), 0o600)
	if n := web.RemoveUploadLeftovers(); n != 2 {
		t.Errorf("removed %d folders, want 2", n)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "other tochuc-upload-file" {
		t.Errorf("left: %v", names)
	}
}

// slowReader returns its parts one by one, waiting before each but the first.
type slowReader struct {
	parts []string
	wait  time.Duration
}

func (s *slowReader) Read(p []byte) (int, error) {
	if len(s.parts) == 0 {
		return 0, io.EOF
	}
	if len(s.parts[0]) == 0 {
		time.Sleep(s.wait)
		s.parts = s.parts[1:]
		return 0, nil
	}
	n := copy(p, s.parts[0])
	s.parts[0] = s.parts[0][n:]
	return n, nil
}

// TestReadDeadlines: behind a server with a short read timeout, a form that
// takes longer to arrive is refused, an upload that takes as long is not.
func TestReadDeadlines(t *testing.T) {
	app := newApp(t, treeBundle())
	ts := httptest.NewUnstartedServer(app.Config.Handler)
	ts.Config.ReadTimeout = 300 * time.Millisecond
	ts.Start()
	defer ts.Close()
	admin := signIn(t, ts, "admin")

	var head bytes.Buffer
	mw := multipart.NewWriter(&head)
	mw.CreateFormFile("tep", "people.csv")
	tail := "\r\n--" + mw.Boundary() + "--\r\n"
	body := &slowReader{parts: []string{head.String() + "id,full_name\n", "", "P9,Lê Thị Mới\n", "", tail}, wait: 400 * time.Millisecond}
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/imports", body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := admin.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	slow, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Errorf("slow upload: %d %s", resp.StatusCode, slow)
	}

	form := &slowReader{parts: []string{"kind=merge", "", "&date=2020-01-01", "", "&xem_truoc=1"}, wait: 400 * time.Millisecond}
	req, _ = http.NewRequest("POST", ts.URL+"/sap-xep", form)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, err := admin.http.Do(req); err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("slow form: %d", resp.StatusCode)
		}
	}
}

// TestUploadBomb: a zip of 100 KB holding one CSV line of 100 MiB (a unit's
// name) is refused when its check opens it, with a message naming the file.
func TestUploadBomb(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("units.csv")
	io.WriteString(w, "id,name,kind,valid_from\nu1,")
	mib := strings.Repeat("a", 1<<20)
	for range 100 {
		io.WriteString(w, mib)
	}
	io.WriteString(w, ",commune,2000-01-01\n")
	zw.Close()
	code, url := admin.upload("donvi.zip", zipped.String())
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	job := admin.waitJob(url, "checking")
	msg, _ := job["error"].(string)
	if job["phase"] != "failed" || !strings.Contains(msg, "tệp units.csv trong gói nén donvi.zip vượt quá giới hạn giải nén") {
		t.Fatalf("bomb: %v %q", job["phase"], msg)
	}
	if files := tempFiles(t); len(files) > 0 {
		t.Errorf("temporary files left: %v", files)
	}
}
