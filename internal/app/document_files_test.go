package app_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// filesBundle: two grassroots committees, each with a resolution.
func filesBundle() bundle.Tables {
	b := bundle.Tables{}
	for _, s := range []string{"A", "B"} {
		b.Add("units", map[string]string{"id": "G" + s, "name": "Đảng bộ xã " + s, "kind": "party_grassroots_committee", "valid_from": "1950-01-01"})
		b.Add("documents", map[string]string{"id": "nq" + s, "number": "1-NQ/" + s, "kind": "resolution", "issuer_id": "G" + s,
			"issued_on": "2020-01-01", "title": "Nghị quyết " + s})
	}
	return b
}

var (
	pdfContent = []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
	pngContent = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
)

func hexSHA(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func TestAttachFile(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, filesBundle())
	a := app.New(db, nil)
	staff := app.Actor{User: tochuc.User{Login: "staffA", Role: tochuc.RoleStaff, ScopeUnitID: "GA"}}
	viewerB := app.Actor{User: tochuc.User{Login: "viewerB", Role: tochuc.RoleViewer, ScopeUnitID: "GB"}}
	viewerA := app.Actor{User: tochuc.User{Login: "viewerA", Role: tochuc.RoleViewer, ScopeUnitID: "GA"}}

	res, err := a.AttachFile(ctx, staff, app.AttachRequest{DocumentID: "nqA", Name: `C:\tai lieu\1-NQ-A.pdf`, Content: pdfContent})
	if err != nil {
		t.Fatal(err)
	}
	if res.Name != "1-NQ-A.pdf" || res.SHA256 != hexSHA(pdfContent) || res.MediaType != "application/pdf" || res.Replaced {
		t.Errorf("upload: %+v", res)
	}
	b, err := a.DocumentFile(ctx, viewerA, "nqA", "1-NQ-A.pdf")
	if err != nil || !bytes.Equal(b.Content, pdfContent) || b.MediaType != "application/pdf" || b.Bytes != int64(len(pdfContent)) {
		t.Fatalf("download: %+v %v", b, err)
	}
	// Outside the scope: neither read nor written.
	if _, err := a.DocumentFile(ctx, viewerB, "nqA", "1-NQ-A.pdf"); tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Errorf("read outside the scope: %v", err)
	}
	if _, err := a.AttachFile(ctx, staff, app.AttachRequest{DocumentID: "nqB", Name: "x.pdf", Content: pdfContent}); tochuc.ErrorCode(err) != tochuc.EForbidden ||
		!strings.Contains(err.Error(), "phạm vi") {
		t.Errorf("write outside the scope: %v", err)
	}
	if _, err := a.AttachFile(ctx, viewerA, app.AttachRequest{DocumentID: "nqA", Name: "x.pdf", Content: pdfContent}); tochuc.ErrorCode(err) != tochuc.EForbidden {
		t.Errorf("a viewer wrote: %v", err)
	}
	// Refused contents.
	for name, c := range map[string]struct {
		file    string
		content []byte
		want    string
	}{
		"a .pdf that is a PNG": {"y.pdf", pngContent, "nội dung là PNG"},
		"too large":            {"big.pdf", append(append([]byte{}, pdfContent...), make([]byte, bundle.MaxAttachedFile+1-len(pdfContent))...), "20 MiB"},
		"text":                 {"a.pdf", []byte("hello"), "chỉ nhận tệp PDF"},
		"no document":          {"a.pdf", pdfContent, "không có văn bản"},
	} {
		doc := "nqA"
		if name == "no document" {
			doc = "nqZ"
		}
		if _, err := a.AttachFile(ctx, staff, app.AttachRequest{DocumentID: doc, Name: c.file, Content: c.content}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
	// The same name again: replaced; the content is kept once for two names.
	png := []byte("\x89PNG\r\n\x1a\nsecond")
	if _, err := a.AttachFile(ctx, staff, app.AttachRequest{DocumentID: "nqA", Name: "so-do.png", Content: png}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AttachFile(ctx, staff, app.AttachRequest{DocumentID: "nqA", Name: "ban-sao.pdf", Content: pdfContent}); err != nil {
		t.Fatal(err)
	}
	png2 := []byte("\x89PNG\r\n\x1a\nthird")
	res, err = a.AttachFile(ctx, staff, app.AttachRequest{DocumentID: "nqA", Name: "so-do.png", Content: png2})
	if err != nil || !res.Replaced {
		t.Fatalf("replace: %+v %v", res, err)
	}
	if b, err := a.DocumentFile(ctx, viewerA, "nqA", "so-do.png"); err != nil || !bytes.Equal(b.Content, png2) {
		t.Errorf("after the replacement: %+v %v", b, err)
	}
	var rows, blobs int
	db.QueryRow(`SELECT COUNT(*) FROM document_files WHERE rec_to IS NULL`).Scan(&rows)
	db.QueryRow(`SELECT COUNT(*) FROM document_blobs`).Scan(&blobs)
	if rows != 3 || blobs != 3 { // pdf (twice), png, png2
		t.Errorf("%d rows held, %d contents stored; want 3 and 3", rows, blobs)
	}
	if _, err := a.DocumentFile(ctx, viewerA, "nqA", "khong-co.pdf"); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Errorf("a name not held: %v", err)
	}
}
