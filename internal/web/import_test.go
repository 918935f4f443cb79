package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// upload posts a file to the import endpoint of the API and returns the job's status URL.
func (c *client) upload(name, content string) (int, string) {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("tep", name)
	io.WriteString(fw, content)
	mw.Close()
	resp, err := c.http.Post(c.base+"/api/v1/imports", mw.FormDataContentType(), &body)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		StatusURL string `json:"status_url"`
	}
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out.StatusURL
}

// waitJob polls a job until it leaves the given phases: a bound, not a
// measure (a loaded machine with the race detector reads 40 MiB slowly).
func (c *client) waitJob(url string, busy ...string) map[string]any {
	c.t.Helper()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); {
		_, body := c.get(url)
		var j struct{ Data map[string]any }
		json.Unmarshal([]byte(body), &j)
		phase, _ := j.Data["phase"].(string)
		if !strings.Contains(strings.Join(busy, " "), phase) {
			return j.Data
		}
		time.Sleep(20 * time.Millisecond)
	}
	c.t.Fatal("job did not finish")
	return nil
}

// TestImportInBrowserFlow uploads a broken file (every error listed, nothing
// kept), then a good one, which is checked and imported on request.
func TestImportInBrowserFlow(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	// A finished job removes its own files and nothing beside them.
	marker, err := os.CreateTemp("", "tochuc-marker-")
	if err != nil {
		t.Fatal(err)
	}
	marker.Close()
	defer func() {
		if _, err := os.Stat(marker.Name()); err != nil {
			t.Errorf("a file beside the upload was removed: %v", err)
		}
		os.Remove(marker.Name())
	}()
	code, url := admin.upload("people.csv", "id,full_name,gender\nP9,Lê Thị Mới,nữa\nP10,,male\n")
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	job := admin.waitJob(url, "checking")
	rep, _ := json.Marshal(job["report"])
	if job["phase"] != "failed" || !strings.Contains(string(rep), `"column":"gender","en":"unknown value 'nữa'","file":"people.csv","line":2`) ||
		!strings.Contains(string(rep), `"column":"full_name","en":"missing required value","file":"people.csv","line":3`) {
		t.Fatalf("broken upload: %v\n%s", job["phase"], rep)
	}
	if code, _ := admin.postJSON(url+"/commit", ""); code != http.StatusConflict {
		t.Fatalf("commit of a broken bundle: %d", code)
	}
	code, url = admin.upload("people.csv", "id,full_name,gender\nP9,Lê Thị Mới,female\n")
	if job := admin.waitJob(url, "checking"); code != http.StatusAccepted || job["phase"] != "checked" {
		t.Fatalf("good upload: %d %v", code, job)
	}
	if _, b := admin.get("/api/v1/people/P9"); !strings.Contains(b, "không có người") {
		t.Fatal("a checked bundle must not be imported before the commit")
	}
	if code, _ := admin.postJSON(url+"/commit", ""); code != http.StatusAccepted {
		t.Fatalf("commit: %d", code)
	}
	if job := admin.waitJob(url, "importing"); job["phase"] != "done" {
		t.Fatalf("import: %v", job)
	}
	if code, b := admin.get("/api/v1/people/P9"); code != http.StatusOK || !strings.Contains(b, "Lê Thị Mới") {
		t.Fatalf("imported person: %d", code)
	}
	for _, login := range []string{"viewer", "auditor"} {
		if code, _ := signIn(t, ts, login).upload("people.csv", "id,full_name\nP11,A B\n"); code != http.StatusForbidden {
			t.Fatalf("%s upload: %d", login, code)
		}
	}
	resp, err := admin.http.Get(ts.URL + "/api/v1/export")
	if err != nil {
		t.Fatal(err)
	}
	whole, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.HasPrefix(whole, []byte("PK")) {
		t.Fatalf("export: %d", resp.StatusCode)
	}
	// Staff of H1 get their scope's part: H1's units, not H2's; P1, not P2.
	resp, err = signIn(t, ts, "staff").http.Get(ts.URL + "/api/v1/export")
	if err != nil {
		t.Fatal(err)
	}
	zipped, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatalf("staff export: %d %v", resp.StatusCode, err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	if u := files["units.csv"]; !strings.Contains(u, "\nX1,") || !strings.Contains(u, "\nD1,") || strings.Contains(u, "\nX2,") || strings.Contains(u, "\nU2,") {
		t.Fatalf("staff's units.csv:\n%s", u)
	}
	if p := files["people.csv"]; !strings.Contains(p, "\nP1,") || strings.Contains(p, "\nP2,") {
		t.Fatalf("staff's people.csv:\n%s", p)
	}
}
