package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
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
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// JobStore keeps the import jobs: the database (a *sqldb.DB), so that every
// process serving it shows a job's progress and result, and a bundle
// checked by one process can be imported through another.
type JobStore interface {
	CreateImportJob(ctx context.Context, j sqldb.ImportJob) error
	SaveImportJobFile(ctx context.Context, id string, r io.Reader) (int64, error)
	ImportJobFile(ctx context.Context, id string, w io.Writer) error
	ImportJob(ctx context.Context, id string) (sqldb.ImportJob, error)
	ClaimImportJob(ctx context.Context, id, from, to, worker string, now time.Time) (bool, error)
	BeatImportJob(ctx context.Context, id, worker, phase, file string, rows, done, total int, now time.Time) (bool, error)
	FinishImportJob(ctx context.Context, id, worker, from, phase, report, errText string, keepFile bool) (bool, error)
	FailStaleImportJob(ctx context.Context, id string, before time.Time, why string) (bool, error)
	DeleteImportJobs(ctx context.Context, before time.Time) (int64, error)
}

// The lives of import jobs.
const (
	// jobLife is how long a job and its file are kept.
	jobLife = 24 * time.Hour
	// jobRunLife is the longest a check or an import may run.
	jobRunLife = time.Hour
	// defaultJobBeat is how often the process running a job says so (and
	// writes its progress, which the other processes show); past jobStale
	// without it, the job is marked failed.
	defaultJobBeat = 2 * time.Second
	jobStale       = time.Minute
)

// msgJobStopped is what a job whose process stopped says.
const msgJobStopped = "Máy chủ đang xử lý lần nhập này đã dừng giữa chừng (không báo tiến độ quá một phút). " +
	"Lần nhập dữ liệu là một giao dịch trọn vẹn: nếu chưa xong thì chưa ghi gì — hãy xem nhật ký thay đổi rồi tải tệp lên và nhập lại."

// importJob is a job as a page shows it.
type importJob struct {
	ID     string
	Name   string
	Phase  string // "checking", "checked", "importing", "done", "failed"
	File   string // the file of the bundle being read
	Rows   int    // its rows read
	Done   int    // the rows read of the whole bundle
	Total  int    // the rows of the bundle; 0 while they are counted
	Report *bundle.Report
	Err    string
}

// jobRun is a check or an import this process runs.
type jobRun struct {
	id, name string
	actor    app.Actor
	from     string // the phase it runs in: "checking" or "importing"
	path     string // the bundle: a file in dir, or dir itself for a single CSV file
	dir      string // the run's own temporary directory, removed when it ends
	mu       sync.Mutex
	file     string
	rows     int
	before   int // the rows of the files read before file
	total    int
}

func (run *jobRun) progress(file string, rows int) {
	run.mu.Lock()
	if file != run.file {
		run.before += run.rows
	}
	run.file, run.rows = file, rows
	run.mu.Unlock()
}

func (run *jobRun) setTotal(n int) {
	run.mu.Lock()
	run.total = n
	run.mu.Unlock()
}

// state is the run's progress: the file, its rows, the bundle's rows read and its total.
func (run *jobRun) state() (file string, rows, done, total int) {
	run.mu.Lock()
	defer run.mu.Unlock()
	return run.file, run.rows, run.before + run.rows, run.total
}

// makeDir makes a run's temporary directory and the path of its bundle
// named name inside it.
func (run *jobRun) makeDir(name string) error {
	dir, err := os.MkdirTemp("", uploadPrefix)
	if err != nil {
		return err
	}
	run.dir = dir
	run.path = filepath.Join(dir, name) // under its own name, which messages then give
	if strings.ToLower(filepath.Ext(name)) == ".csv" {
		run.path = dir // a single file: the directory holding it
	}
	return nil
}

// removeFiles deletes the run's own temporary directory, and nothing else.
func (run *jobRun) removeFiles() {
	if run.dir != "" && strings.HasPrefix(filepath.Base(run.dir), uploadPrefix) {
		os.RemoveAll(run.dir)
		run.dir = ""
	}
}

// handleUpload saves an uploaded bundle into a folder of its own, streaming
// the file part of the form there, keeps a copy in the database (in parts of
// at most 1 MiB) for whichever process imports it, and starts checking it.
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
	ctx := r.Context()
	now := time.Now()
	if _, err := s.jobs.DeleteImportJobs(ctx, now.Add(-jobLife)); err != nil {
		return err
	}
	run := &jobRun{id: randomID(), name: name, actor: s.actor(r), from: "checking"}
	if err := s.jobs.CreateImportJob(ctx, sqldb.ImportJob{ID: run.id, Name: name, Owner: u.Login, Phase: "uploading",
		Worker: s.worker, Beat: now, Created: now}); err != nil {
		return err
	}
	if err := run.makeDir(name); err != nil {
		s.abandon(ctx, run.id, "Không lưu được tệp tải lên.")
		return err
	}
	dst, err := os.Create(filepath.Join(run.dir, name))
	if err == nil {
		_, err = io.Copy(dst, part)
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		run.removeFiles()
		s.abandon(ctx, run.id, "Không nhận được trọn tệp tải lên.")
		return tochuc.Errorf(tochuc.EInvalid, "Không nhận được trọn tệp tải lên.")
	}
	// The bundle has arrived whole: keeping it and starting its check do not
	// depend on the client waiting for the answer (its leaving cancels the
	// request's context), within a budget of their own.
	kctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.budget)
	defer cancel()
	err = s.keepFile(kctx, run)
	if err == nil {
		var ok bool
		if ok, err = s.jobs.ClaimImportJob(kctx, run.id, "uploading", "checking", s.worker, time.Now()); err == nil && !ok {
			err = tochuc.Errorf(tochuc.EConflict, "Phiên nhập dữ liệu này đã bị dừng.")
		}
	}
	if err != nil {
		run.removeFiles()
		s.abandon(ctx, run.id, "Không lưu được tệp tải lên.")
		return err
	}
	go s.runJob(run, false)
	s.accepted(w, r, run.id)
	return nil
}

// abandon marks failed a job whose upload was not kept, even when the
// client has left (its file, if any, is deleted with it).
func (s *Server) abandon(ctx context.Context, id, why string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.budget)
	defer cancel()
	if _, err := s.jobs.FinishImportJob(ctx, id, s.worker, "uploading", "failed", "", why, false); err != nil {
		s.log.Warn("an upload not kept: its job not ended", "job", id, "err", err)
	}
}

// keepFile copies the run's uploaded file into the database.
func (s *Server) keepFile(ctx context.Context, run *jobRun) error {
	f, err := os.Open(filepath.Join(run.dir, run.name))
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = s.jobs.SaveImportJobFile(ctx, run.id, f)
	return err
}

// runJob checks (or, when commit, imports) a job's bundle in the background,
// saying every s.jobBeat that it still runs it, with its progress. The run
// has its own time budget (jobRunLife): it outlives the request that
// started it. It stops when the job is no longer its own (marked failed by
// another process that did not hear from it).
func (s *Server) runJob(run *jobRun, commit bool) {
	s.runs.Store(run.id, run)
	defer s.runs.Delete(run.id)
	defer run.removeFiles()
	ctx, cancel := context.WithTimeout(context.Background(), jobRunLife)
	defer cancel()
	stop := make(chan struct{})
	beats := sync.WaitGroup{}
	beats.Add(1)
	go func() {
		defer beats.Done()
		t := time.NewTicker(s.jobBeat)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				file, rows, done, total := run.state()
				if ok, err := s.jobs.BeatImportJob(ctx, run.id, s.worker, run.from, file, rows, done, total, time.Now()); err == nil && !ok {
					cancel() // the job is no longer this process's
				}
			}
		}
	}()
	rep, err := s.runBundle(ctx, run, commit)
	close(stop)
	beats.Wait()
	run.removeFiles() // before the job is seen to end
	phase, msg := "failed", ""
	switch {
	case err != nil && tochuc.IsFault(err):
		s.logFault(err)
		msg = err.Error()
	case err != nil && tochuc.ErrorCode(err) == tochuc.EForbidden: // the write policy: the records named
		msg = err.Error()
	case err != nil:
		msg = "Không đọc được gói dữ liệu: " + err.Error()
	case commit && rep.OK():
		phase = "done"
	case rep.OK():
		phase = "checked" // the file waits in the database for the commit (or a day)
	}
	var report []byte
	if rep != nil {
		report, _ = json.Marshal(rep)
	}
	// The job's end is written even when its own time ran out.
	endCtx, endCancel := context.WithTimeout(context.Background(), s.budget)
	defer endCancel()
	if _, ferr := s.jobs.FinishImportJob(endCtx, run.id, s.worker, run.from, phase, string(report), msg, phase == "checked"); ferr != nil {
		s.logFault(app.Fault(ferr), "during", "the end of an import job")
	}
}

// runBundle checks or imports the run's bundle, fetching it from the
// database when this process has not got it.
func (s *Server) runBundle(ctx context.Context, run *jobRun, commit bool) (*bundle.Report, error) {
	if run.dir == "" {
		if err := run.makeDir(run.name); err != nil {
			return nil, err
		}
		f, err := os.Create(filepath.Join(run.dir, run.name))
		if err != nil {
			return nil, err
		}
		err = s.jobs.ImportJobFile(ctx, run.id, f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, app.Fault(err)
		}
	}
	src, err := container.OpenSource(run.path)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	total, err := countRows(ctx, src)
	if err != nil {
		return nil, err
	}
	run.setTotal(total)
	opt := bundle.Options{Progress: run.progress}
	if commit {
		return s.app.ImportPackage(ctx, run.actor, run.path, src, run.name, opt, app.PackagePolicy{})
	}
	act, err := s.app.PackageActor(ctx, run.actor, run.path, app.PackagePolicy{})
	if err != nil {
		return nil, err
	}
	return s.app.DiffImportCapped(ctx, act, src, run.name, opt, diffShown)
}

// diffShown is how many records of each file a job's diff shows (the
// counts are of all).
const diffShown = 200

func randomID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// mayImport returns a 403 error unless the user may import: an
// administrator, or a staff member within their scope (the write policy
// refuses, with the records named, any row outside it).
func mayImport(u tochuc.User) error {
	if u.CanWrite() {
		return nil
	}
	return tochuc.Errorf(tochuc.EForbidden, "Chỉ quản trị viên và cán bộ được giao nhập liệu mới được nhập gói dữ liệu.")
}

// job returns the signed-in user's job of a request, as the database holds
// it: a job whose process stopped (no beat for jobStale) is marked failed
// first, whichever process ran it; a job older than jobLife is gone.
func (s *Server) job(r *http.Request) (*importJob, error) {
	ctx := r.Context()
	u, _ := userOf(ctx)
	notFound := tochuc.Errorf(tochuc.ENotFound, "Không có phiên nhập dữ liệu này.")
	j, err := s.jobs.ImportJob(ctx, r.PathValue("id"))
	if tochuc.ErrorCode(err) == tochuc.ENotFound || (err == nil && (j.Owner != u.Login || time.Since(j.Created) > jobLife)) {
		return nil, notFound
	}
	if err != nil {
		return nil, err
	}
	if running(j.Phase) && time.Since(j.Beat) > jobStale {
		if _, err := s.jobs.FailStaleImportJob(ctx, j.ID, time.Now().Add(-jobStale), msgJobStopped); err != nil {
			return nil, err
		}
		if j, err = s.jobs.ImportJob(ctx, j.ID); err != nil {
			return nil, err
		}
	}
	job := &importJob{ID: j.ID, Name: j.Name, Phase: j.Phase, File: j.File, Rows: j.Rows, Done: j.Done, Total: j.Total, Err: j.Err}
	if v, ok := s.runs.Load(j.ID); ok && v.(*jobRun).from == j.Phase { // run here: its progress as it stands
		job.File, job.Rows, job.Done, job.Total = v.(*jobRun).state()
	}
	if job.Phase == "uploading" { // not yet shown to anyone but as the check starting
		job.Phase = "checking"
	}
	if j.Report != "" {
		job.Report = &bundle.Report{}
		if err := json.Unmarshal([]byte(j.Report), job.Report); err != nil {
			return nil, err
		}
		if !job.Running() { // an ended job: the rows its report read
			job.Done, job.Total = 0, 0
			for _, f := range job.Report.Files {
				job.Done += f.Read
			}
			job.Total = job.Done
		}
	}
	return job, nil
}

// Percent is the share of the bundle's rows read, in whole percent (100 once done).
func (j *importJob) Percent() int {
	if j.Phase == "checked" || j.Phase == "done" {
		return 100
	}
	return percent(j.Done, j.Total)
}

// Running reports whether the job is being checked or imported.
func (j *importJob) Running() bool { return j.Phase == "checking" || j.Phase == "importing" }

// running reports whether a phase is one a process works in.
func running(phase string) bool {
	return phase == "uploading" || phase == "checking" || phase == "importing"
}

// handleJob shows a job: its progress, its errors, or the button to import.
func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) error {
	job, err := s.job(r)
	if err != nil {
		return err
	}
	view := importJobView{ID: job.ID, Name: job.Name, Phase: job.Phase, PhaseLabel: jobPhaseLabel(job.Phase), File: job.File, Rows: job.Rows,
		Done: job.Done, Total: job.Total, Percent: job.Percent(), Report: job.Report, Error: job.Err}
	p := page{Title: "Nhập dữ liệu: " + job.Name, Date: tochuc.Today(), Data: job, API: view}
	if job.Phase == "checking" || job.Phase == "importing" {
		p.Refresh = 1
	}
	s.render(w, r, "import.html", http.StatusOK, p)
	return nil
}

// handleJobCommit imports a job's bundle once its check came out clean, in
// this process whichever checked it: the claim lets one process only run it.
func (s *Server) handleJobCommit(w http.ResponseWriter, r *http.Request) error {
	u, _ := userOf(r.Context())
	job, err := s.job(r)
	if err != nil {
		return err
	}
	if err := mayImport(u); err != nil {
		return err
	}
	ok, err := s.jobs.ClaimImportJob(r.Context(), job.ID, "checked", "importing", s.worker, time.Now())
	if err != nil {
		return err
	}
	if !ok {
		return tochuc.Errorf(tochuc.EConflict, "Gói dữ liệu chưa được kiểm tra xong, còn lỗi hoặc đang được ghi: không thể ghi.")
	}
	go s.runJob(&jobRun{id: job.ID, name: job.Name, actor: s.actor(r), from: "importing"}, true)
	s.accepted(w, r, job.ID)
	return nil
}

// accepted answers a started job: the API gets 202 and where to follow it, a page is redirected there.
func (s *Server) accepted(w http.ResponseWriter, r *http.Request, id string) {
	if isAPI(r) {
		w.Header().Set("Location", "/api/v1/imports/"+id)
		writeAPI(w, http.StatusAccepted, jobAccepted{ID: id, StatusURL: "/api/v1/imports/" + id})
		return
	}
	http.Redirect(w, r, "/nhap/"+id, http.StatusSeeOther)
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
