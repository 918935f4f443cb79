package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestStaffImportTheirScope: a staff member of district A uploads a bundle
// with one row of district B: refused with the record named, nothing
// written; a bundle inside A is shown as a diff, then written on "Ghi".
func TestStaffImportTheirScope(t *testing.T) {
	t.Parallel()
	ts, db := newSecurityApp(t)
	staff := signIn(t, ts, "staff")
	before := registryState(t, db)
	const head = "id,name,kind,parent_id,valid_from\n"
	code, url := staff.upload("units.csv", head+"XA,Xã A mới,commune,A,2000-01-01\nXB,Xã B mới,commune,B,2000-01-01\n")
	if code != http.StatusAccepted {
		t.Fatalf("staff upload: %d", code)
	}
	job := staff.waitJob(url, "checking")
	if msg, _ := job["error"].(string); job["phase"] != "failed" || !strings.Contains(msg, "XB") || !strings.Contains(msg, "ngoài phạm vi") || strings.Contains(msg, "XA)") {
		t.Fatalf("a bundle reaching into district B: %v %q", job["phase"], msg)
	}
	if code, _ := staff.postJSON(url+"/commit", ""); code != http.StatusConflict {
		t.Fatalf("commit of a refused bundle: %d", code)
	}
	if after := registryState(t, db); after != before {
		t.Fatalf("a refused import wrote: %s, then %s", before, after)
	}
	code, url = staff.upload("units.csv", head+"XA,Xã A mới,commune,A,2000-01-01\n")
	job = staff.waitJob(url, "checking")
	rep, _ := json.Marshal(job["report"])
	if code != http.StatusAccepted || job["phase"] != "checked" || !strings.Contains(string(rep), `"kind":"changed"`) {
		t.Fatalf("an inside bundle: %d %v\n%s", code, job["phase"], rep)
	}
	_, page := staff.get(strings.Replace(url, "/api/v1/imports/", "/nhap/", 1))
	for _, want := range []string{"Những thay đổi sẽ ghi", "Xã A → Xã A mới", "đơn vị (XA, 01/01/2000)", "Ghi vào cơ sở dữ liệu"} {
		if !strings.Contains(page, want) {
			t.Errorf("the diff page misses %q", want)
		}
	}
	if after := registryState(t, db); after != before {
		t.Fatalf("a diff wrote: %s, then %s", before, after)
	}
	since := time.Now().UTC().Format(time.RFC3339Nano)
	if code, _ := staff.postJSON(url+"/commit", ""); code != http.StatusAccepted {
		t.Fatalf("commit: %d", code)
	}
	if job := staff.waitJob(url, "importing"); job["phase"] != "done" {
		t.Fatalf("import: %v", job)
	}
	if _, b := staff.get("/api/v1/units/XA"); !strings.Contains(b, "Xã A mới") {
		t.Fatalf("the inside bundle was not written:\n%.300s", b)
	}
	// The incremental package of the scope since then holds XA only.
	resp, err := staff.http.Get(ts.URL + "/xuat?thay_doi_sau=" + since)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || resp.Header.Get("X-Tochuc-Recorded-At") == "" {
		t.Fatalf("incremental export: %d %v", resp.StatusCode, err)
	}
	for _, zf := range zr.File {
		if strings.HasSuffix(zf.Name, "units.csv") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "XA,Xã A mới") {
				t.Fatalf("incremental units.csv:\n%s", b)
			}
		}
	}
	if code, _ := staff.get("/api/v1/export?thay_doi_sau=hôm-qua"); code != http.StatusBadRequest {
		t.Fatalf("a bad instant: %d", code)
	}
}
