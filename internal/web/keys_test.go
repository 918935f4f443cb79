package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/manifest"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/web"
)

// TestKeysPage: only administrators see the page "Khóa ký gói dữ liệu";
// an administrator trusts an uploaded .pub for a unit, then revokes it.
func TestKeysPage(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	for _, u := range testUsers {
		want := 403
		if u.Login == "admin" {
			want = 200
		}
		if code, body := signIn(t, ts, u.Login).get("/khoa-ky"); code != want {
			t.Errorf("%s /khoa-ky: %d, want %d\n%.300s", u.Login, code, want, body)
		}
	}
	dir := t.TempDir()
	if _, err := manifest.NewKey(dir); err != nil {
		t.Fatal(err)
	}
	pub, _ := os.ReadFile(filepath.Join(dir, manifest.PublicFile))
	upload := func(c *client, unit string) (int, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("tep", "tochuc.pub")
		fw.Write(pub)
		mw.WriteField("don_vi", unit)
		mw.WriteField("ten", "Huyện ủy Ánh")
		mw.Close()
		resp, err := c.http.Post(c.base+"/khoa-ky", mw.FormDataContentType(), &b)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out bytes.Buffer
		out.ReadFrom(resp.Body)
		return resp.StatusCode, out.String()
	}
	if code, _ := upload(signIn(t, ts, "staff"), "H1"); code != 403 {
		t.Errorf("staff trusted a key: %d", code)
	}
	admin := signIn(t, ts, "admin")
	if code, body := upload(admin, "KHONG-CO"); code == 200 && !strings.Contains(body, "KHONG-CO") {
		t.Errorf("unknown unit: %d\n%.500s", code, body)
	}
	code, body := upload(admin, "H1")
	if code != 200 || !strings.Contains(body, "Đã tin cậy khóa") || !strings.Contains(body, "Huyện ủy Ánh") || !strings.Contains(body, "Đang tin cậy") {
		t.Fatalf("trust: %d\n%.2000s", code, body)
	}
	b, _ := os.ReadFile(filepath.Join(dir, manifest.PublicFile))
	p, _ := manifest.ParsePublicKey(b)
	fp := manifest.Fingerprint(p)
	if code, _ := signIn(t, ts, "staff").postForm("/khoa-ky/thu-hoi", url.Values{"van_tay": {fp}}); code != 403 {
		t.Errorf("staff revoked a key: %d", code)
	}
	code, body = admin.postForm("/khoa-ky/thu-hoi", url.Values{"van_tay": {fp}})
	if code != 200 || !strings.Contains(body, "Đã thu hồi khóa") || !strings.Contains(body, "Thu hồi ngày") {
		t.Fatalf("revoke: %d\n%.2000s", code, body)
	}
	if _, audit := admin.get("/nhat-ky"); !strings.Contains(audit, "Tin cậy khóa ký gói dữ liệu") || !strings.Contains(audit, "Thu hồi khóa ký gói dữ liệu") {
		t.Errorf("audit log lacks the key actions:\n%.3000s", audit)
	}
}

// TestSignedExport: with a key configured, a staff member's download of its
// scope with chu_ky=1 carries a manifest.json signed by the server's key
// that names the scope; without chu_ky it carries none.
func TestSignedExport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	pub, err := manifest.NewKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	priv, err := manifest.LoadPrivateKey(filepath.Join(dir, manifest.PrivateFile))
	if err != nil {
		t.Fatal(err)
	}
	db := sqldbtest.Open(t)
	if rep, err := db.ImportBundle(ctx, richBundle(), "t", "t", bundle.Options{}); err != nil || !rep.OK() {
		t.Fatalf("%v %+v", err, rep)
	}
	hash, _ := auth.HashPassword(testPassword)
	for _, u := range testUsers {
		if _, err := db.CreateUser(ctx, u, hash); err != nil {
			t.Fatal(err)
		}
	}
	s, err := web.New(web.Config{Registry: db.Reader(sqldb.Recorded{}), App: app.New(db, nil), Accounts: db,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), SignKey: priv})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	staff := signIn(t, ts, "staff")
	if _, home := staff.get("/"); !strings.Contains(home, "/xuat?chu_ky=1") {
		t.Error("no link to the signed export")
	}
	for _, q := range []string{"?chu_ky=1", ""} {
		code, body := staff.get("/xuat" + q)
		if code != 200 {
			t.Fatalf("/xuat%s: %d", q, code)
		}
		path := filepath.Join(t.TempDir(), "goi.zip")
		os.WriteFile(path, []byte(body), 0o644)
		m, err := manifest.Read(path)
		if q == "" {
			if err != manifest.ErrNoManifest {
				t.Errorf("unsigned export: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if m.Scope != "H1" || m.VerifySignature(pub) != nil || m.CheckFiles(path) != nil || len(m.Files) == 0 {
			t.Errorf("signed export: %+v", m)
		}
		// The package goes through the web import: refused while its key is
		// not trusted, imported once it is; a tampered copy is refused.
		admin := signIn(t, ts, "admin")
		code, url := admin.upload("goi.zip", body)
		if job := admin.waitJob(url, "checking"); code != 202 || job["phase"] != "failed" || !strings.Contains(fmt.Sprint(job), "không có trong danh sách khóa tin cậy") {
			t.Fatalf("untrusted package: %d %v", code, job)
		}
		pubPEM, _ := os.ReadFile(filepath.Join(dir, manifest.PublicFile))
		if _, err := app.New(db, nil).Accounts().TrustKey(ctx, app.CLI("t"), pubPEM, "H1", "Máy chủ"); err != nil {
			t.Fatal(err)
		}
		code, url = admin.upload("goi.zip", body)
		if job := admin.waitJob(url, "checking"); code != 202 || job["phase"] != "checked" {
			t.Fatalf("trusted package: %d %v", code, job)
		}
		if code, _ := admin.postJSON(url+"/commit", ""); code != 202 {
			t.Fatalf("commit: %d", code)
		}
		if job := admin.waitJob(url, "importing"); job["phase"] != "done" {
			t.Fatalf("import of the package: %v", job)
		}
		// A copy whose units.csv was altered after signing.
		zr, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
		if err != nil {
			t.Fatal(err)
		}
		var tampered bytes.Buffer
		zw := zip.NewWriter(&tampered)
		for _, f := range zr.File {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if f.Name == "units.csv" {
				b = bytes.Replace(b, []byte("Ánh"), []byte("Anh"), 1)
			}
			w, _ := zw.Create(f.Name)
			w.Write(b)
		}
		zw.Close()
		code, url = admin.upload("goi.zip", tampered.String())
		if job := admin.waitJob(url, "checking"); code != 202 || job["phase"] != "failed" || !strings.Contains(fmt.Sprint(job), "tệp units.csv không khớp mã băm") {
			t.Fatalf("tampered package: %d %v", code, job)
		}
	}
}
