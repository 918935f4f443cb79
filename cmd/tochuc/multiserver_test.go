package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
)

// startServe runs the built binary as `tochuc serve` on dsn, on a free port
// of the loopback, and returns its base URL; the process ends with the test.
func startServe(t *testing.T, bin, dsn string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "--db", dsn, "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = t.TempDir() // its own working and temporary folders, as a second machine's
	cmd.Env = append(cmd.Environ(), "TMPDIR="+cmd.Dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		cmd.Wait()
		if t.Failed() {
			t.Logf("log of %s:\n%s", bin, logs.String())
		}
	})
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if _, rest, ok := strings.Cut(sc.Text(), "http://"); ok {
			addr, _, _ := strings.Cut(rest, " ")
			go io.Copy(io.Discard, out)
			return "http://" + addr
		}
	}
	t.Fatalf("serve did not start: %v\n%s", sc.Err(), logs.String())
	return ""
}

// browser is one person's browser; its cookies go to whichever server the
// request is sent to (as behind a reverse proxy, without sticky sessions).
type browser struct {
	t *testing.T
	c *http.Client
}

func newBrowser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, c: &http.Client{Jar: jar, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(method, u, ctype string, body io.Reader) (int, string) {
	b.t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	s, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(s)
}

func (b *browser) get(u string) (int, string) { return b.do("GET", u, "", nil) }

func (b *browser) signIn(base, login, password string) int {
	code, _ := b.do("POST", base+"/dang-nhap", "application/x-www-form-urlencoded",
		strings.NewReader(url.Values{"ten_dang_nhap": {login}, "mat_khau": {password}}.Encode()))
	return code
}

func (b *browser) postJSON(u string, v any) (int, string) {
	body, _ := json.Marshal(v)
	return b.do("POST", u, "application/json", bytes.NewReader(body))
}

// data decodes the "data" of an API answer.
func data(t *testing.T, body string) map[string]any {
	t.Helper()
	var v struct{ Data map[string]any }
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%v: %.500s", err, body)
	}
	return v.Data
}

// waitJob polls an import job on a server until it leaves the phases busy.
func (b *browser) waitJob(base, id string, busy ...string) map[string]any {
	b.t.Helper()
	for range 500 {
		code, body := b.get(base + "/api/v1/imports/" + id)
		if code != http.StatusOK {
			b.t.Fatalf("job %s on %s: %d %s", id, base, code, body)
		}
		j := data(b.t, body)
		if !strings.Contains(strings.Join(busy, " "), j["phase"].(string)) {
			return j
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.t.Fatal("the job did not finish")
	return nil
}

// TestTwoServers runs two `tochuc serve` processes (the built binary) on one
// database and uses both as one: a session opened on A serves on B; the
// sign-in limiter counts failures on A against B; a write through A is seen
// by B's report and people list (their caches follow the database); an
// import checked on A is followed and imported through B; two edits of one
// record at once, one through each, give one winner and, for the other, the
// Vietnamese refusal of an edit made from an older version; a write waiting
// for another process's change set is told so.
func TestTwoServers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "tochuc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dsn := sqldbtest.DSN(t)
	mustRun(t, dsn, "migrate")
	mustRun(t, dsn, "import", writeDir(t, map[string]string{"units.csv": unitsV1,
		"people.csv": "id,full_name\nP1,Trần Văn Bình\n"}))
	const pw = "mat-khau-hai-may-chu"
	stdin = strings.NewReader(pw + "\n")
	mustRun(t, dsn, "user", "add", "--login", "quantri", "--name", "Quản trị", "--password-stdin")
	stdin = strings.NewReader(pw + "\n")
	mustRun(t, dsn, "user", "add", "--login", "xem", "--name", "Người xem", "--role", "viewer", "--all-units", "--password-stdin")
	a, b := startServe(t, bin, dsn), startServe(t, bin, dsn)

	// A session opened on A serves on B.
	admin := newBrowser(t)
	if code := admin.signIn(a, "quantri", pw); code != http.StatusSeeOther {
		t.Fatalf("sign-in on A: %d", code)
	}
	if code, _ := admin.get(b + "/api/v1/tree"); code != http.StatusOK {
		t.Fatalf("A's session on B: %d", code)
	}

	// Failures on A lock the login on B too.
	guesser := newBrowser(t)
	for i := range 5 {
		if code := guesser.signIn(a, "xem", fmt.Sprintf("sai-%d", i)); code != http.StatusUnauthorized {
			t.Fatalf("wrong password %d on A: %d", i, code)
		}
	}
	if code := guesser.signIn(b, "xem", pw); code != http.StatusTooManyRequests {
		t.Errorf("the right password on B after 5 failures on A: %d, want 429", code)
	}

	// A write through A is seen by B's report and people list, which B had computed before.
	_, reportBefore := admin.get(b + "/api/v1/report?ngay=2024-01-01")
	if code, body := admin.get(b + "/api/v1/people?q=Mai"); code != http.StatusOK || strings.Contains(body, "P2") {
		t.Fatalf("people on B: %d %.300s", code, body)
	}
	if code, body := admin.postJSON(a+"/api/v1/records/units", map[string]any{"values": map[string]string{
		"id": "X2", "name": "Xã Hai", "kind": "commune", "parent_id": "H2", "valid_from": "2000-01-01"}}); code != http.StatusOK {
		t.Fatalf("new unit on A: %d %s", code, body)
	}
	if code, body := admin.postJSON(a+"/api/v1/records/people", map[string]any{"values": map[string]string{
		"id": "P2", "full_name": "Lê Thị Mai"}}); code != http.StatusOK {
		t.Fatalf("new person on A: %d %s", code, body)
	}
	_, reportA := admin.get(a + "/api/v1/report?ngay=2024-01-01")
	_, reportB := admin.get(b + "/api/v1/report?ngay=2024-01-01")
	if reportB == reportBefore || reportB != reportA {
		t.Errorf("B's report after A's write: unchanged %v, same as A's %v", reportB == reportBefore, reportB == reportA)
	}
	if _, body := admin.get(b + "/api/v1/people?q=Mai"); !strings.Contains(body, "P2") {
		t.Errorf("B's people list after A's write:\n%.500s", body)
	}

	// An import uploaded to A is followed on B, imported through B, and seen done on A.
	var up bytes.Buffer
	mw := multipart.NewWriter(&up)
	fw, _ := mw.CreateFormFile("tep", "people.csv")
	io.WriteString(fw, "id,full_name\nP3,Đỗ Văn Đạt\n")
	mw.Close()
	code, body := admin.do("POST", a+"/api/v1/imports", mw.FormDataContentType(), &up)
	if code != http.StatusAccepted {
		t.Fatalf("upload to A: %d %s", code, body)
	}
	var accepted struct{ ID string }
	json.Unmarshal([]byte(body), &accepted)
	id := accepted.ID
	if j := admin.waitJob(b, id, "checking"); j["phase"] != "checked" {
		t.Fatalf("the job on B: %v", j)
	}
	if code, body := admin.postJSON(b+"/api/v1/imports/"+id+"/commit", nil); code != http.StatusAccepted {
		t.Fatalf("commit on B: %d %s", code, body)
	}
	if code, _ := admin.postJSON(a+"/api/v1/imports/"+id+"/commit", nil); code != http.StatusConflict {
		t.Errorf("a second commit, on A: %d, want 409", code)
	}
	if j := admin.waitJob(a, id, "importing"); j["phase"] != "done" {
		t.Fatalf("the job on A: %v", j)
	}
	if _, body := admin.get(a + "/api/v1/people/P3"); !strings.Contains(body, "Đỗ Văn Đạt") {
		t.Errorf("the person imported through B, on A:\n%.300s", body)
	}

	// Two edits of one record at once, through A and through B: one wins.
	_, body = admin.get(a + "/api/v1/records/units?id=X1")
	var rec struct {
		Version string
		Values  map[string]string
	}
	json.Unmarshal([]byte(body), &rec)
	version := rec.Version
	if version == "" {
		t.Fatalf("no version: %s", body)
	}
	var wg sync.WaitGroup
	codes, bodies := make([]int, 2), make([]string, 2)
	for i, base := range []string{a, b} {
		wg.Go(func() {
			codes[i], bodies[i] = admin.postJSON(base+"/api/v1/records/units", map[string]any{"mode": "sua_sai", "version": version,
				"original": map[string]string{"id": "X1", "valid_from": "2000-01-01"},
				"values":   map[string]string{"id": "X1", "name": "Xã Một " + base, "kind": "commune", "parent_id": "H1", "valid_from": "2000-01-01"}})
		})
	}
	wg.Wait()
	win, lose := 0, 1
	if codes[1] == http.StatusOK {
		win, lose = 1, 0
	}
	if codes[win] != http.StatusOK || codes[lose] != http.StatusConflict || !strings.Contains(bodies[lose], "stale") {
		t.Fatalf("two edits at once: %d %.300s / %d %.300s", codes[0], bodies[0], codes[1], bodies[1])
	}
	t.Logf("the edit refused: %.300s", bodies[lose])
	_, body = admin.get([]string{b, a}[win] + "/api/v1/records/units?id=X1")
	rec.Values = nil
	json.Unmarshal([]byte(body), &rec)
	if name := rec.Values["name"]; name != "Xã Một "+[]string{a, b}[win] {
		t.Errorf("the record after both: %v, want the winner's", name)
	}

	// A write waiting for another process's change set past the busy timeout
	// (10 s) is told so, in Vietnamese, with 503 and Retry-After.
	other, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	held, err := other.Begin(context.Background(), "khác", "test", sqldb.Trusted)
	if err != nil {
		t.Fatal(err)
	}
	body2, _ := json.Marshal(map[string]any{"values": map[string]string{"id": "P4", "full_name": "Phan Văn Bốn"}})
	req, _ := http.NewRequest("POST", a+"/api/v1/records/people", bytes.NewReader(body2))
	req.Header.Set("Content-Type", "application/json")
	resp, err := admin.c.Do(req)
	held.Rollback()
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(string(msg), "đang được một lần ghi khác giữ") {
		t.Errorf("a write waiting for another process: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), msg)
	}
}
