package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/workbook"
)

// xlsxOf writes a workbook of one sheet with the given rows.
func xlsxOf(t *testing.T, sheet string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestImportFeedback follows a check of an uploaded workbook: its progress
// has a total and a percent, the page names the file uploaded and the sheet
// apart, and the errors download as a workbook.
func TestImportFeedback(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	book := xlsxOf(t, "people", [][]any{{"id", "full_name", "gender"}, {"P9", "Lê Thị Mới", "nư x"}, {"P10", "", "male"}, {"P11", "Hà Văn Ba", "male"}})
	code, url := admin.upload("so-lieu-xa-bao-dai.xlsx", book)
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	job := admin.waitJob(url, "checking")
	if job["phase"] != "failed" || job["percent"] != float64(0) && job["total"] != float64(3) {
		t.Errorf("job: %v", job)
	}
	if job["total"] != float64(3) {
		t.Errorf("total %v, want the 3 rows of the workbook", job["total"])
	}
	if label, _ := job["phase_label"].(string); !strings.Contains(label, "lỗi") {
		t.Errorf("phase label %q", label)
	}
	id := strings.TrimPrefix(url, "/api/v1/imports/")
	_, page := admin.get("/nhap/" + id)
	for _, want := range []string{"tệp <strong>so-lieu-xa-bao-dai.xlsx</strong>", "<td>so-lieu-xa-bao-dai.xlsx</td><td>people</td><td class=\"num\">2</td><td>Giới tính</td>",
		`href="/nhap/` + id + `/loi"`, `src="/static/import.js"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "so-lieu-xa-bao-dai.xlsx!people") {
		t.Error("page names the sheet as book!sheet")
	}
	code, x := admin.get("/nhap/" + id + "/loi")
	if code != 200 || !strings.HasPrefix(x, "PK") {
		t.Fatalf("errors download: %d", code)
	}
	if m, err := workbook.Mismatch([]byte(x)); err != nil || m != "" {
		t.Errorf("%v %s", err, m)
	}
	f, err := excelize.OpenReader(strings.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Lỗi")
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(r, "|"))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"Tệp|Trang tính, bảng|Dòng|Cột|Mức|Nội dung", "so-lieu-xa-bao-dai.xlsx|people|2|Giới tính|Lỗi|", "so-lieu-xa-bao-dai.xlsx|people|3|Họ và tên|Lỗi|"} {
		if !strings.Contains(all, want) {
			t.Errorf("errors workbook lacks %q:\n%s", want, all)
		}
	}
	// A job's page and download belong to its owner.
	other := signIn(t, ts, "staff")
	if code, _ := other.get("/nhap/" + id + "/loi"); code == 200 {
		t.Error("another user downloaded the errors")
	}
	b, _ := json.Marshal(job)
	if strings.Contains(string(b), "\x1f") {
		t.Errorf("progress encoding leaked: %s", b)
	}
}

// TestImportProgressOtherProcess shows the progress of a check another
// process runs, as it keeps it in the job's row: a percent of a total.
func TestImportProgressOtherProcess(t *testing.T) {
	db := sqldbtest.Open(t)
	ts := serveDB(t, db)
	admin := signIn(t, ts, "admin")
	ctx := t.Context()
	now := time.Now()
	if err := db.CreateImportJob(ctx, sqldb.ImportJob{ID: "run", Name: "so-lieu.xlsx", Owner: "admin", Phase: "checking", Worker: "other", Beat: now, Created: now}); err != nil {
		t.Fatal(err)
	}
	if ok, err := db.BeatImportJob(ctx, "run", "other", "checking", "people", 500, 1500, 6000, now); !ok || err != nil {
		t.Fatal(ok, err)
	}
	_, body := admin.get("/api/v1/imports/run")
	for _, want := range []string{`"percent": 25`, `"total": 6000`, `"done": 1500`, `"file": "people"`, `"rows": 500`} {
		if !strings.Contains(body, want) {
			t.Errorf("API lacks %s: %s", want, body)
		}
	}
	_, page := admin.get("/nhap/run")
	if !strings.Contains(page, "25 % — đã đọc 1.500/6.000 dòng (đang đọc bảng people: 500 dòng)") || !strings.Contains(page, `<progress id="progress" max="100" value="25">`) {
		t.Errorf("page: %s", page[strings.Index(page, "<main>"):])
	}
	if !strings.Contains(page, `<noscript><meta http-equiv="refresh"`) {
		t.Error("without script the page must still refresh itself")
	}
}

// TestImportTemplate downloads the template from the upload page, fills it
// as a board would (Vietnamese labels, dd/mm/yyyy) and imports it.
func TestImportTemplate(t *testing.T) {
	t.Parallel()
	ts := newApp(t, richBundle())
	admin := signIn(t, ts, "admin")
	if _, page := admin.get("/nhap"); !strings.Contains(page, `href="/nhap/mau"`) {
		t.Error("no link to the template on the upload page")
	}
	code, x := admin.get("/nhap/mau")
	if code != 200 || !strings.HasPrefix(x, "PK") {
		t.Fatalf("template: %d", code)
	}
	if m, err := workbook.Mismatch([]byte(x)); err != nil || m != "" {
		t.Errorf("%v %s", err, m)
	}
	f, err := excelize.OpenReader(strings.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]string{"A2": "P20", "B2": "Lò Thị Hoa", "C2": "Nữ", "D2": "05/06/1990", "E2": "Thái"} {
		f.SetCellValue("Nhân sự", cell, v)
	}
	for cell, v := range map[string]string{"A2": "P20", "B2": "D1", "C2": "Phó Bí thư", "D2": "01/01/2021", "F2": "bau"} {
		f.SetCellValue("Chức vụ", cell, v)
	}
	var buf bytes.Buffer
	f.Write(&buf)
	f.Close()
	code, url := admin.upload("bao-cao-xa-mot.xlsx", buf.String())
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d", code)
	}
	if job := admin.waitJob(url, "checking"); job["phase"] != "checked" {
		t.Fatalf("filled template: %v", job)
	}
	if code, _ := admin.postJSON(url+"/commit", ""); code != http.StatusAccepted {
		t.Fatalf("commit: %d", code)
	}
	if job := admin.waitJob(url, "importing"); job["phase"] != "done" {
		t.Fatalf("import: %v", job)
	}
	_, body := admin.get("/api/v1/people/P20?ngay=2022-01-01")
	for _, want := range []string{`"gender": "female"`, `"birth_date": "1990-06-05"`, `"role": "deputy_secretary"`} {
		if !strings.Contains(body, want) {
			t.Errorf("imported person lacks %s: %s", want, body)
		}
	}
}
