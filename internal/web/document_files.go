package web

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// A document's attached files (bundle-v1 amendment 3): uploaded on the
// document's page (field tep, multipart), downloaded by name. The use cases
// (app.AttachFile, app.DocumentFile) apply the write and read policies.

// attachBody is the most an upload of an attached file may send: the file
// (bundle.MaxAttachedFile) and the form around it.
const attachBody = bundle.MaxAttachedFile + 1<<20

// attachedFile answers an upload (POST /api/v1/documents/{id}/files).
type attachedFile struct {
	DocumentID string `json:"document_id"`
	Name       string `json:"name"`
	SHA256     string `json:"sha256"`
	Bytes      int64  `json:"bytes"`
	MediaType  string `json:"media_type"`
	Replaced   bool   `json:"replaced"` // a file of the same name was replaced
	ChangeSet  int64  `json:"change_set"`
	URL        string `json:"url"` // where to download it
}

// documentFileURL is the page address of a document's attached file.
func documentFileURL(documentID, name string) string {
	return "/van-ban/" + url.PathEscape(documentID) + "/tep/" + url.PathEscape(name)
}

func (s *Server) handleAttachFile(w http.ResponseWriter, r *http.Request) error {
	if err := mayWrite(r); err != nil {
		return err
	}
	// 20 MiB takes a while on a slow link: longer than the server's read
	// timeout, as for an uploaded bundle.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(UploadReadTimeout))
	id := r.PathValue("id")
	noFile := tochuc.Errorf(tochuc.EInvalid, "Chưa chọn tệp đính kèm (trường tep; PDF, DOCX, XLSX, PNG hoặc JPEG, tối đa 20 MiB).")
	mr, err := r.MultipartReader()
	if err != nil {
		return noFile
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return noFile
		}
		if part.FormName() != "tep" || part.FileName() == "" {
			part.Close()
			continue
		}
		var buf bytes.Buffer
		_, err = io.Copy(&buf, io.LimitReader(part, bundle.MaxAttachedFile+1))
		part.Close()
		if err != nil {
			return tochuc.Errorf(tochuc.EInvalid, "Không nhận được trọn tệp tải lên.")
		}
		if buf.Len() > bundle.MaxAttachedFile {
			return tochuc.Errorf(tochuc.EInvalid, "Tệp '%s' lớn hơn 20 MiB: không nhận.", part.FileName())
		}
		res, err := s.app.AttachFile(r.Context(), s.actor(r), app.AttachRequest{DocumentID: id, Name: part.FileName(), Content: buf.Bytes()})
		if err != nil {
			return err
		}
		if isAPI(r) {
			writeJSON(w, http.StatusOK, attachedFile{DocumentID: id, Name: res.Name, SHA256: res.SHA256, Bytes: int64(buf.Len()),
				MediaType: res.MediaType, Replaced: res.Replaced, ChangeSet: res.ChangeSet, URL: documentFileURL(id, res.Name)})
			return nil
		}
		q := url.Values{savedParam: {"document_files"}}
		if d := r.URL.Query().Get("ngay"); d != "" {
			q.Set("ngay", d)
		}
		http.Redirect(w, r, "/van-ban/"+url.PathEscape(id)+"?"+q.Encode(), http.StatusSeeOther)
		return nil
	}
}

func (s *Server) handleDocumentFile(w http.ResponseWriter, r *http.Request) error {
	id, name := r.PathValue("id"), r.PathValue("name")
	b, err := s.app.DocumentFile(r.Context(), s.actor(r), id, name)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", b.MediaType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Content-Length", strconv.Itoa(len(b.Content)))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b.Content)
	return nil
}
