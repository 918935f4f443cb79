package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// importJob is an uploaded bundle being checked, then, when clean, imported on request.
type importJob struct {
	ID      string         `json:"id"`
	Name    string         `json:"name"`
	Owner   string         `json:"-"`
	actor   app.Actor      // who uploaded it: the import is theirs
	Phase   string         `json:"phase"` // "checking", "checked", "importing", "done", "failed"
	File    string         `json:"file,omitempty"`
	Rows    int            `json:"rows"`
	Report  *bundle.Report `json:"report,omitempty"`
	Err     string         `json:"error,omitempty"`
	path    string         // the bundle: a file in dir, or dir itself for a single CSV file
	dir     string         // the job's own temporary directory, removed when the job ends or fails, or after jobLife
	mu      sync.Mutex
	started time.Time
}

// jobs keeps the import jobs of the last hours.
type jobs struct {
	mu sync.Mutex
	m  map[string]*importJob
}

func (j *jobs) add(job *importJob) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.m == nil {
		j.m = map[string]*importJob{}
	}
	j.sweep()
	j.m[job.ID] = job
}

func (j *jobs) get(id string) *importJob {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.sweep()
	return j.m[id]
}

// jobLife is how long a job and its files are kept.
const jobLife = 24 * time.Hour

// sweep forgets the jobs older than jobLife and removes their files
// (a bundle checked but never imported). j.mu is held.
func (j *jobs) sweep() {
	for id, old := range j.m {
		if time.Since(old.started) > jobLife {
			old.mu.Lock()
			old.removeFiles()
			old.mu.Unlock()
			delete(j.m, id)
		}
	}
}

// snapshot returns a copy of the job's state for a page.
func (job *importJob) snapshot() importJob {
	job.mu.Lock()
	defer job.mu.Unlock()
	return importJob{ID: job.ID, Name: job.Name, Phase: job.Phase, File: job.File, Rows: job.Rows, Report: job.Report, Err: job.Err}
}

func (job *importJob) progress(file string, rows int) {
	job.mu.Lock()
	job.File, job.Rows = file, rows
	job.mu.Unlock()
}

// handleUpload saves an uploaded bundle into its job's folder, streaming the
// file part of the form there (no temporary copy), and starts checking it.
// The route holds the body to uploadBody.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) error {
	u, _ := userOf(r.Context())
	if err := mayImport(u); err != nil {
		return err
	}
	// A bundle takes long to send on a slow link: give its body longer than
	// the server's read timeout, which is short for every other request.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(UploadReadTimeout))
	noFile := tochuc.Errorf(tochuc.EInvalid, "Chưa chọn tệp (tối đa %d MB).", uploadBody>>20)
	mr, err := r.MultipartReader()
	if err != nil {
		return noFile
	}
	var part *multipart.Part
	for {
		if part, err = mr.NextPart(); err != nil {
			return noFile
		}
		if part.FormName() == "tep" && part.FileName() != "" {
			break
		}
		part.Close()
	}
	defer part.Close()
	name := part.FileName()
	name = name[strings.LastIndexAny(name, `/\`)+1:] // a browser may send a whole path
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".zip" && ext != ".xlsx" && ext != ".csv" {
		return tochuc.Errorf(tochuc.EInvalid, "Chỉ nhận tệp .zip, .xlsx hoặc một tệp .csv (tên tệp là tên bảng, ví dụ units.csv).")
	}
	job := &importJob{ID: randomID(), Name: name, Owner: u.Login, actor: s.actor(r), Phase: "checking", started: time.Now()}
	dir, err := os.MkdirTemp("", uploadPrefix)
	if err != nil {
		return err
	}
	job.dir = dir
	job.path = filepath.Join(dir, name) // under its own name, which messages then give
	if ext == ".csv" {                  // a single file: the directory holding it
		job.path = dir
	}
	dst, err := os.Create(filepath.Join(dir, name))
	if err == nil {
		_, err = io.Copy(dst, part)
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		job.removeFiles()
		return tochuc.Errorf(tochuc.EInvalid, "Không nhận được trọn tệp tải lên.")
	}
	s.jobs.add(job)
	go s.runJob(job, false)
	s.accepted(w, r, job)
	return nil
}

// runJob checks (or, when commit, imports) a job's bundle in the background.
func (s *Server) runJob(job *importJob, commit bool) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	src, err := container.OpenSource(job.path)
	var rep *bundle.Report
	if err == nil {
		opt := bundle.Options{Progress: job.progress}
		if commit {
			rep, err = s.app.Import(ctx, job.actor, src, job.Name, opt)
		} else {
			rep, err = s.app.CheckImport(ctx, job.actor, src, opt)
		}
		src.Close()
	}
	job.mu.Lock()
	defer job.mu.Unlock()
	job.Report = rep
	switch {
	case err != nil && tochuc.IsFault(err):
		s.logFault(err)
		job.Phase, job.Err = "failed", err.Error()
	case err != nil:
		job.Phase, job.Err = "failed", "Không đọc được gói dữ liệu: "+err.Error()
	case commit && rep.OK():
		job.Phase = "done"
	case rep.OK():
		job.Phase = "checked" // the files wait for the commit (or a day)
	default:
		job.Phase = "failed"
	}
	if job.Phase != "checked" {
		job.removeFiles()
	}
}

// removeFiles deletes the job's own temporary directory, and nothing else.
func (job *importJob) removeFiles() {
	if job.dir != "" && strings.HasPrefix(filepath.Base(job.dir), uploadPrefix) {
		os.RemoveAll(job.dir)
		job.dir = ""
	}
}

func randomID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// mayImport returns a 403 error unless the user may import: bundles can
// touch any record, so importing is for administrators.
func mayImport(u tochuc.User) error {
	if u.Role == tochuc.RoleAdmin && !u.Disabled {
		return nil
	}
	return tochuc.Errorf(tochuc.EForbidden, "Chỉ quản trị viên được nhập gói dữ liệu.")
}

// handleJob shows a job: its progress, its errors, or the button to import.
func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) error {
	u, _ := userOf(r.Context())
	job := s.jobs.get(r.PathValue("id"))
	if job == nil || job.Owner != u.Login {
		return tochuc.Errorf(tochuc.ENotFound, "Không có phiên nhập dữ liệu này.")
	}
	snap := job.snapshot()
	view := importJobView{ID: snap.ID, Name: snap.Name, Phase: snap.Phase, File: snap.File, Rows: snap.Rows, Report: snap.Report, Error: snap.Err}
	p := page{Title: "Nhập dữ liệu: " + snap.Name, Date: tochuc.Today(), Data: &snap, API: view}
	if snap.Phase == "checking" || snap.Phase == "importing" {
		p.Refresh = 1
	}
	s.render(w, r, "import.html", http.StatusOK, p)
	return nil
}

// handleJobCommit imports a job's bundle once its check came out clean.
func (s *Server) handleJobCommit(w http.ResponseWriter, r *http.Request) error {
	u, _ := userOf(r.Context())
	job := s.jobs.get(r.PathValue("id"))
	if job == nil || job.Owner != u.Login {
		return tochuc.Errorf(tochuc.ENotFound, "Không có phiên nhập dữ liệu này.")
	}
	if err := mayImport(u); err != nil {
		return err
	}
	job.mu.Lock()
	ok := job.Phase == "checked"
	if ok {
		job.Phase, job.Rows, job.File = "importing", 0, ""
	}
	job.mu.Unlock()
	if !ok {
		return tochuc.Errorf(tochuc.EConflict, "Gói dữ liệu chưa được kiểm tra xong hoặc còn lỗi: không thể ghi.")
	}
	go s.runJob(job, true)
	s.accepted(w, r, job)
	return nil
}

// accepted answers a started job: the API gets 202 and where to follow it, a page is redirected there.
func (s *Server) accepted(w http.ResponseWriter, r *http.Request, job *importJob) {
	if isAPI(r) {
		w.Header().Set("Location", "/api/v1/imports/"+job.ID)
		writeAPI(w, http.StatusAccepted, jobAccepted{ID: job.ID, StatusURL: "/api/v1/imports/" + job.ID})
		return
	}
	http.Redirect(w, r, "/nhap/"+job.ID, http.StatusSeeOther)
}

// jobPhaseLabel names a job's phase in Vietnamese.
func jobPhaseLabel(p string) string {
	return map[string]string{"checking": "Đang kiểm tra", "checked": "Đã kiểm tra: không có lỗi",
		"importing": "Đang ghi vào cơ sở dữ liệu", "done": "Đã nhập xong", "failed": "Có lỗi: chưa ghi gì"}[p]
}

func (s *Server) handleUploadForm(w http.ResponseWriter, r *http.Request) error {
	u, _ := userOf(r.Context())
	if err := mayImport(u); err != nil {
		return err
	}
	s.render(w, r, "upload.html", http.StatusOK, page{Title: "Nhập dữ liệu", Date: tochuc.Today()})
	return nil
}
