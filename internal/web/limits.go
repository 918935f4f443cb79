package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The most a request body may hold, by route (route.MaxBody): a request
// that announces more is answered 413 before its body is read; one that
// sends more is cut there and answered 413 too.
const (
	// smallBody: the sign-in form, signing out, and requests that send no body.
	smallBody = 16 << 10
	// formBody: the edit and restructuring forms, and the JSON API.
	formBody = 1 << 20
	// uploadBody: an uploaded bundle (.zip, .xlsx or .csv), streamed to its
	// job's folder; what it may expand to is held by the bundle's own limits.
	uploadBody = 512 << 20
)

// The server's timeouts, for cmd/tochuc serve: a request's headers must
// arrive within ReadHeaderTimeout and its whole body within ReadTimeout
// (1 MiB at 17 KB/s), except an upload's, whose handler extends its read
// deadline to UploadReadTimeout (512 MiB at 300 KB/s) once the user is known
// to be an administrator. An idle keep-alive connection is closed after
// IdleTimeout. Responses have no write timeout: an export streams for as
// long as it takes.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = time.Minute
	UploadReadTimeout = 30 * time.Minute
	IdleTimeout       = 2 * time.Minute
	MaxHeaderBytes    = 64 << 10
)

// bodyLimit is a request's limit, in its context, and whether the body passed it.
type bodyLimit struct {
	max      int64
	exceeded bool
}

type bodyLimitKey struct{}

// limitBody holds a route's request body to max bytes. A form (URL-encoded
// or multipart) of a route whose limit is at most formBody is parsed here,
// in memory (the body is no larger than what may be held), so that nothing
// of it is spooled to a temporary file, and any multipart form parsed below
// is removed when the request ends (the server itself only removes the form
// of the request it made, not of a copy made by a middleware). Larger bodies
// (uploads) are left to the handler to stream.
func (s *Server) limitBody(max int64, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			s.tooLarge(w, r, max)
			return
		}
		lim := &bodyLimit{max: max}
		r = r.WithContext(context.WithValue(r.Context(), bodyLimitKey{}, lim))
		r.Body = &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, max), lim: lim}
		defer func() {
			if r.MultipartForm != nil {
				r.MultipartForm.RemoveAll()
			}
		}()
		if max <= formBody && isForm(r) {
			var err error
			if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
				err = r.ParseMultipartForm(max)
			} else {
				err = r.ParseForm()
			}
			if err != nil {
				s.fail(w, r, tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu gửi lên không hợp lệ."))
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// isForm reports whether a request's body is a form.
func isForm(r *http.Request) bool {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return ct == "application/x-www-form-urlencoded" || ct == "multipart/form-data"
}

// limitedBody notes in its bodyLimit when the body passed it.
type limitedBody struct {
	io.ReadCloser
	lim *bodyLimit
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		b.lim.exceeded = true
	}
	return n, err
}

// bodyTooLarge reports whether the request's body passed its route's limit
// (whatever error the handler made of it), and the limit.
func bodyTooLarge(r *http.Request) (int64, bool) {
	lim, _ := r.Context().Value(bodyLimitKey{}).(*bodyLimit)
	if lim == nil {
		return 0, false
	}
	return lim.max, lim.exceeded
}

// tooLarge answers 413: a page with the Vietnamese message, or JSON under
// /api/. The connection is closed rather than the rest of the body read.
func (s *Server) tooLarge(w http.ResponseWriter, r *http.Request, max int64) {
	w.Header().Set("Connection", "close")
	msg := "Nội dung gửi lên quá lớn (tối đa " + sizeText(max) + ")."
	if isAPI(r) {
		writeJSONError(w, http.StatusRequestEntityTooLarge, codeTooLarge, msg)
		return
	}
	d, _ := dateOf(r)
	if d == 0 {
		d = tochuc.Today()
	}
	s.render(w, r, "error.html", http.StatusRequestEntityTooLarge, page{Title: "Lỗi", Date: d, Data: msg})
}

// sizeText writes a limit for people: "16 KB", "512 MB".
func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// uploadPrefix starts the name of each import job's folder in the
// temporary directory.
const uploadPrefix = "tochuc-upload-"

// RemoveUploadLeftovers removes the folders that import jobs of earlier runs
// left in the temporary directory (a server stopped while a job was open),
// and returns how many it removed. Call it when the server starts, before it
// serves: it cannot tell them from the folders of another server using the
// same temporary directory (give each its own TMPDIR).
func RemoveUploadLeftovers() int {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), uploadPrefix+"*"))
	n := 0
	for _, d := range dirs {
		if fi, err := os.Lstat(d); err == nil && fi.IsDir() && os.RemoveAll(d) == nil {
			n++
		}
	}
	return n
}
