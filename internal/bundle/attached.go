package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// A document's attached files (bundle-v1 amendment 3): PDF, DOCX, XLSX,
// PNG or JPEG, at most MaxAttachedFile bytes, their type judged by their
// content, never by their name alone.

// AttachedType is an allowed kind of attached file.
type AttachedType struct {
	MediaType string
	Name      string   // how a person calls it: "PDF"
	Exts      []string // the names' extensions it may carry, lower-case, with the dot
}

// AttachedTypes are the kinds of file a document may carry.
var AttachedTypes = []AttachedType{
	{MediaType: "application/pdf", Name: "PDF", Exts: []string{".pdf"}},
	{MediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Name: "DOCX", Exts: []string{".docx"}},
	{MediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Name: "XLSX", Exts: []string{".xlsx"}},
	{MediaType: "image/png", Name: "PNG", Exts: []string{".png"}},
	{MediaType: "image/jpeg", Name: "JPEG", Exts: []string{".jpg", ".jpeg"}},
}

// AttachedTypeOf returns the kind of attached file with a media type (nil: none).
func AttachedTypeOf(mediaType string) *AttachedType {
	for i := range AttachedTypes {
		if AttachedTypes[i].MediaType == mediaType {
			return &AttachedTypes[i]
		}
	}
	return nil
}

// allowedText is how an error names the allowed kinds.
const allowedText = "chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG"

// MaxAttachedName bounds an attached file's name (characters).
const MaxAttachedName = 200

// SniffAttached returns the kind of an attached file's content, judged by
// the content: PDF (%PDF-), PNG (its signature), JPEG (FF D8 FF), DOCX and
// XLSX (a zip archive holding [Content_Types].xml and word/ or xl/). Content
// of no allowed kind, or larger than MaxAttachedFile, is an error (EInvalid)
// in Vietnamese.
func SniffAttached(content []byte) (*AttachedType, error) {
	if len(content) > MaxAttachedFile {
		return nil, tochuc.Errorf(tochuc.EInvalid, "tệp lớn %s byte, quá giới hạn 20 MiB (%s byte)",
			tochuc.FormatInt(len(content)), tochuc.FormatInt(MaxAttachedFile))
	}
	if len(content) == 0 {
		return nil, tochuc.Errorf(tochuc.EInvalid, "tệp rỗng")
	}
	switch {
	case bytes.HasPrefix(content, []byte("%PDF-")):
		return AttachedTypeOf("application/pdf"), nil
	case bytes.HasPrefix(content, []byte("\x89PNG\r\n\x1a\n")):
		return AttachedTypeOf("image/png"), nil
	case bytes.HasPrefix(content, []byte{0xFF, 0xD8, 0xFF}):
		return AttachedTypeOf("image/jpeg"), nil
	case bytes.HasPrefix(content, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
		if err != nil {
			return nil, tochuc.Errorf(tochuc.EInvalid, "tệp nén hỏng, không phải DOCX hay XLSX; %s", allowedText)
		}
		types, word, xl := false, false, false
		for _, f := range zr.File {
			switch {
			case f.Name == "[Content_Types].xml":
				types = true
			case strings.HasPrefix(f.Name, "word/"):
				word = true
			case strings.HasPrefix(f.Name, "xl/"):
				xl = true
			}
		}
		switch {
		case types && word && !xl:
			return AttachedTypeOf("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), nil
		case types && xl && !word:
			return AttachedTypeOf("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), nil
		}
		return nil, tochuc.Errorf(tochuc.EInvalid, "tệp nén không phải văn bản DOCX hay bảng tính XLSX; %s", allowedText)
	}
	return nil, tochuc.Errorf(tochuc.EInvalid, "nội dung tệp không phải PDF, DOCX, XLSX, PNG hay JPEG; %s", allowedText)
}

// AttachedError is a refusal of an attached file's content (EInvalid, in
// Vietnamese) with the document_files column it is about: bytes (the size),
// sha256 (the content: its hash or its kind) or name (its extension).
type AttachedError struct {
	Column string
	Err    error
}

func (e *AttachedError) Error() string { return e.Err.Error() }

// Unwrap returns the EInvalid error.
func (e *AttachedError) Unwrap() error { return e.Err }

// CheckAttached checks an attached file's content against its name and,
// when given (not ""/negative), the SHA-256 and size its row records; it
// returns the content's kind and SHA-256. Errors are *AttachedError.
func CheckAttached(name string, content []byte, sha string, size int64) (*AttachedType, string, error) {
	if size >= 0 && int64(len(content)) != size {
		return nil, "", &AttachedError{"bytes", tochuc.Errorf(tochuc.EInvalid, "tệp '%s' dài %s byte, không khớp cột bytes (%s)", name,
			tochuc.FormatInt(len(content)), tochuc.FormatInt(int(size)))}
	}
	sum := sha256.Sum256(content)
	got := hex.EncodeToString(sum[:])
	if sha != "" && got != sha {
		return nil, "", &AttachedError{"sha256", tochuc.Errorf(tochuc.EInvalid, "nội dung tệp '%s' không khớp mã SHA-256 đã ghi (%s)", name, sha)}
	}
	t, err := SniffAttached(content)
	if err != nil {
		return nil, "", &AttachedError{"sha256", tochuc.Errorf(tochuc.EInvalid, "tệp '%s': %s", name, err.Error())}
	}
	if err := t.Fits(name); err != nil {
		return nil, "", &AttachedError{"name", err}
	}
	return t, got, nil
}

// Fits checks that a name's extension is one of the kind's (EInvalid).
func (t *AttachedType) Fits(name string) error {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range t.Exts {
		if ext == e {
			return nil
		}
	}
	for _, o := range AttachedTypes {
		for _, e := range o.Exts {
			if ext == e {
				return tochuc.Errorf(tochuc.EInvalid, "tệp '%s' mang đuôi %s (%s) nhưng nội dung là %s", name, ext, o.Name, t.Name)
			}
		}
	}
	return tochuc.Errorf(tochuc.EInvalid, "tên tệp '%s' phải có đuôi %s (nội dung là %s)", name, strings.Join(t.Exts, " hoặc "), t.Name)
}

// AttachedName returns the name an uploaded file is kept under: its last
// path element (a browser may send C:\…\x.pdf), without control characters
// or surrounding spaces, at most MaxAttachedName characters; an error
// (EInvalid) when nothing is left.
func AttachedName(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", tochuc.Errorf(tochuc.EInvalid, "tên tệp không phải văn bản UTF-8")
	}
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	switch {
	case name == "" || name == "." || name == "..":
		return "", tochuc.Errorf(tochuc.EInvalid, "tệp không có tên")
	case utf8.RuneCountInString(name) > MaxAttachedName:
		return "", tochuc.Errorf(tochuc.EInvalid, "tên tệp dài quá %d ký tự", MaxAttachedName)
	}
	return name, nil
}
