package app_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// exportAs exports what an actor may read to path (a directory, .zip or .xlsx).
func exportAs(t *testing.T, a *app.App, act app.Actor, path string) {
	t.Helper()
	sink, err := container.CreateSink(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Export(context.Background(), act, sqldb.Recorded{}, sink); err != nil {
		container.Discard(sink)
		t.Fatal(err)
	}
	if err := sink.Close(); err != nil {
		t.Fatal(err)
	}
}

// importPath imports the bundle at path as the command line does.
func importPath(t *testing.T, a *app.App, path string) *bundle.Report {
	t.Helper()
	src, err := container.OpenSource(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	rep, err := a.Import(context.Background(), app.CLI("test"), src, filepath.Base(path), bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// hasIssueAt reports whether a report has an error on a file's row and column containing want.
func hasIssueAt(rep *bundle.Report, file string, line int, col, want string) bool {
	for _, is := range rep.Issues {
		if !is.Warning && strings.HasSuffix(is.File, file) && is.Line == line && is.Column == col && strings.Contains(is.Vi, want) {
			return true
		}
	}
	return false
}

// TestAttachedFilesTravelInBundles exports a registry with attached files
// as a directory, a .zip and an .xlsx, imports them into empty registries,
// and refuses what does not match: tampered content, a wrong size, content
// neither carried nor stored, an .xlsx naming content not stored.
func TestAttachedFilesTravelInBundles(t *testing.T) {
	ctx := context.Background()
	src := sqldbtest.Open(t)
	sqldbtest.MustImport(t, src, filesBundle())
	a := app.New(src, nil)
	cli := app.CLI("test")
	for doc, name := range map[string]string{"nqA": "nq-a.pdf", "nqB": "so-do.png"} {
		content := pdfContent
		if strings.HasSuffix(name, ".png") {
			content = pngContent
		}
		if _, err := a.AttachFile(ctx, cli, app.AttachRequest{DocumentID: doc, Name: name, Content: content}); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	pdfSHA, pngSHA := hexSHA(pdfContent), hexSHA(pngContent)

	// A .zip carries files/<sha256>; imported into an empty registry, the files download.
	zipPath := filepath.Join(dir, "goi.zip")
	exportAs(t, a, cli, zipPath)
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string]bool{}
	for _, f := range zr.File {
		entries[f.Name] = true
	}
	zr.Close()
	if !entries["files/"+pdfSHA] || !entries["files/"+pngSHA] || !entries["document_files.csv"] {
		t.Fatalf("the zip's entries: %v", entries)
	}
	dst := sqldbtest.Open(t)
	b := app.New(dst, nil)
	if rep := importPath(t, b, zipPath); !rep.OK() {
		t.Fatalf("import of the zip: %v", rep.Issues)
	}
	if got, err := b.DocumentFile(ctx, cli, "nqB", "so-do.png"); err != nil || !bytes.Equal(got.Content, pngContent) || got.MediaType != "image/png" {
		t.Errorf("after the import: %+v %v", got, err)
	}

	// A directory the same; its content tampered with is refused, on the row and column.
	dirPath := filepath.Join(dir, "thu-muc")
	exportAs(t, a, cli, dirPath)
	blob := filepath.Join(dirPath, "files", pdfSHA)
	if _, err := os.Stat(blob); err != nil {
		t.Fatalf("the directory's files/: %v", err)
	}
	tampered := append([]byte{}, pdfContent...)
	tampered[len(tampered)-2] ^= 1
	os.WriteFile(blob, tampered, 0o644)
	emptyDB := sqldbtest.Open(t)
	empty := app.New(emptyDB, nil)
	rep := importPath(t, empty, dirPath)
	if rep.OK() || !hasIssueAt(rep, "document_files.csv", 2, "sha256", "không khớp mã SHA-256") {
		t.Errorf("tampered content: %v", rep.Issues)
	}
	// Not of an allowed kind (an HTML page named by its own hash).
	html := []byte("<html><script>alert(1)</script></html>")
	os.Remove(blob)
	os.WriteFile(filepath.Join(dirPath, "files", hexSHA(html)), html, 0o644)
	csv := filepath.Join(dirPath, "document_files.csv")
	rows, _ := os.ReadFile(csv)
	os.WriteFile(csv, bytes.ReplaceAll(bytes.ReplaceAll(rows, []byte(pdfSHA), []byte(hexSHA(html))),
		[]byte(","+itoa(len(pdfContent))), []byte(","+itoa(len(html)))), 0o644)
	if rep := importPath(t, empty, dirPath); rep.OK() || !hasIssueAt(rep, "document_files.csv", 2, "sha256", "chỉ nhận tệp PDF") {
		t.Errorf("HTML content: %v", rep.Issues)
	}
	// Neither carried nor stored.
	os.RemoveAll(filepath.Join(dirPath, "files"))
	if rep := importPath(t, empty, dirPath); rep.OK() || !hasIssueAt(rep, "document_files.csv", 2, "sha256", "thiếu nội dung tệp") {
		t.Errorf("missing content: %v", rep.Issues)
	}
	var blobs int
	emptyDB.QueryRow(`SELECT COUNT(*) FROM document_blobs`).Scan(&blobs)
	if blobs != 0 {
		t.Errorf("%d contents stored by refused imports", blobs)
	}

	// An .xlsx carries no file: imported where the content is stored it is
	// accepted, elsewhere refused saying so.
	xlsxPath := filepath.Join(dir, "goi.xlsx")
	exportAs(t, a, cli, xlsxPath)
	if rep := importPath(t, app.New(sqldbtest.Open(t), nil), xlsxPath); rep.OK() || !hasIssueAt(rep, "document_files", 2, "sha256", ".xlsx") {
		t.Errorf("an .xlsx into an empty registry: %v", rep.Issues)
	}
	if rep := importPath(t, b, xlsxPath); !rep.OK() {
		t.Errorf("an .xlsx where the contents are stored: %v", rep.Issues)
	}
	// The size recorded must be the content's.
	sizeDir := filepath.Join(dir, "sai-kich-thuoc")
	exportAs(t, a, cli, sizeDir)
	csv = filepath.Join(sizeDir, "document_files.csv")
	rows, _ = os.ReadFile(csv)
	os.WriteFile(csv, bytes.Replace(rows, []byte(","+itoa(len(pdfContent))), []byte(","+itoa(len(pdfContent)+1)), 1), 0o644)
	if rep := importPath(t, app.New(sqldbtest.Open(t), nil), sizeDir); rep.OK() || !hasIssueAt(rep, "document_files.csv", 2, "bytes", "không khớp cột bytes") {
		t.Errorf("a wrong size: %v", rep.Issues)
	}
	os.RemoveAll(filepath.Join(sizeDir, "files")) // the stored content is judged then
	if rep := importPath(t, b, sizeDir); rep.OK() || !hasIssueAt(rep, "document_files.csv", 2, "bytes", "không phải") {
		t.Errorf("a wrong size of stored content: %v", rep.Issues)
	}

	// A scoped export carries only the files of the rows it exports.
	staffA := app.Actor{User: tochuc.User{Login: "staffA", Role: tochuc.RoleStaff, ScopeUnitID: "GA"}}
	scoped := filepath.Join(dir, "pham-vi")
	exportAs(t, a, staffA, scoped)
	if _, err := os.Stat(filepath.Join(scoped, "files", pdfSHA)); err != nil {
		t.Errorf("the scope's own file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(scoped, "files", pngSHA)); err == nil {
		t.Error("a scoped export carries the file of a document outside the scope")
	}
}

func itoa(n int) string { return tochuc.FormatInt(n) }
