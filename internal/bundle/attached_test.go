package bundle_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
)

// zipOf builds a zip archive holding the named (empty) entries.
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Sample contents of each allowed kind, for tests.
var (
	samplePDF  = []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
	samplePNG  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	sampleJPEG = []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}
)

func shaOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func TestSniffAttached(t *testing.T) {
	docx := zipOf(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml")
	xlsx := zipOf(t, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")
	for _, c := range []struct {
		name    string
		content []byte
		want    string // media type, "" = refused
	}{
		{"pdf", samplePDF, "application/pdf"},
		{"png", samplePNG, "image/png"},
		{"jpeg", sampleJPEG, "image/jpeg"},
		{"docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"xlsx", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"a zip that is no office file", zipOf(t, "a.txt", "b/c.xml"), ""},
		{"a zip with word/ but no content types", zipOf(t, "word/document.xml"), ""},
		{"a zip with content types but neither word/ nor xl/", zipOf(t, "[Content_Types].xml", "ppt/presentation.xml"), ""},
		{"a broken zip", []byte("PK\x03\x04garbage"), ""},
		{"a PDF without its dash", []byte("%PDF1.4"), ""},
		{"a GIF", []byte("GIF89a\x01\x00"), ""},
		{"html", []byte("<html><script>alert(1)</script>"), ""},
		{"JPEG's first two bytes only", []byte{0xFF, 0xD8, 0x00}, ""},
		{"empty", nil, ""},
		{"20 MiB exactly", append(append([]byte{}, samplePDF...), make([]byte, bundle.MaxAttachedFile-len(samplePDF))...), "application/pdf"},
		{"20 MiB + 1 byte", append(append([]byte{}, samplePDF...), make([]byte, bundle.MaxAttachedFile+1-len(samplePDF))...), ""},
	} {
		got, err := bundle.SniffAttached(c.content)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%s: accepted as %s", c.name, got.MediaType)
		case c.want != "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && got.MediaType != c.want:
			t.Errorf("%s: %s, want %s", c.name, got.MediaType, c.want)
		case c.want == "" && !strings.ContainsAny(err.Error(), "ệạ"):
			t.Errorf("%s: the refusal is not in Vietnamese: %v", c.name, err)
		}
	}
}

func TestCheckAttached(t *testing.T) {
	sha := shaOf(samplePDF)
	n := int64(len(samplePDF))
	if typ, got, err := bundle.CheckAttached("47-KH-TU.PDF", samplePDF, sha, n); err != nil || got != sha || typ.Name != "PDF" {
		t.Errorf("a PDF: %v %s %v", typ, got, err)
	}
	if _, got, err := bundle.CheckAttached("anh.jpeg", sampleJPEG, "", -1); err != nil || got != shaOf(sampleJPEG) {
		t.Errorf("a JPEG without a recorded hash: %s %v", got, err)
	}
	for _, c := range []struct {
		name, file string
		content    []byte
		sha        string
		size       int64
		want       string
	}{
		{"a .pdf that is a PNG", "nq.pdf", samplePNG, shaOf(samplePNG), int64(len(samplePNG)), "nội dung là PNG"},
		{"a .docx that is a zip of no document", "kh.docx", zipOf(t, "a.txt"), "", -1, "không phải văn bản DOCX"},
		{"no extension", "nq", samplePDF, sha, n, "phải có đuôi .pdf"},
		{"an extension not allowed", "nq.exe", samplePDF, sha, n, "phải có đuôi .pdf"},
		{"the hash does not match", "nq.pdf", samplePDF, strings.Repeat("0", 64), n, "không khớp mã SHA-256"},
		{"one byte changed", "nq.pdf", append([]byte("%PDF-1.5"), samplePDF[8:]...), sha, n, "không khớp mã SHA-256"},
		{"the size does not match", "nq.pdf", samplePDF, sha, n + 1, "không khớp cột bytes"},
	} {
		_, _, err := bundle.CheckAttached(c.file, c.content, c.sha, c.size)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestAttachedName(t *testing.T) {
	for in, want := range map[string]string{
		"47-KH-TU.pdf":                    "47-KH-TU.pdf",
		`C:\Users\an\Tài liệu\NQ 74.pdf`:  "NQ 74.pdf",
		"../../etc/passwd.pdf":            "passwd.pdf",
		"  kế hoạch\r\n.docx ":            "kế hoạch.docx",
		"a\"b\u202e.pdf":                  "ab.pdf",
		"":                                "",
		"..":                              "",
		"dir/":                            "",
		strings.Repeat("á", 201):          "",
		strings.Repeat("á", 196) + ".pdf": strings.Repeat("á", 196) + ".pdf",
		"\xff.pdf":                        "",
	} {
		got, err := bundle.AttachedName(in)
		if want == "" && err == nil {
			t.Errorf("%q: accepted as %q", in, got)
		}
		if want != "" && (err != nil || got != want) {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
}
