package bundle

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// A bundle carries the content of its documents' attached files beside its
// CSV files, as files/<sha256> (amendment 3). The containers that can carry
// them (a directory, a .zip) implement AttachedSource and AttachedSink; an
// .xlsx cannot (its AttachedSource says so). Storage implements
// AttachedStore. A Source that is no container (Tables, built by a program:
// an edit, an upload that stores its content itself) is not asked for
// content.

// AttachedFolder is the folder of a bundle holding attached files' content.
const AttachedFolder = "files"

// attachedFile is the file whose rows name attached files.
const attachedFile = "document_files"

// ErrNoAttached is OpenAttached's answer from a container that cannot
// carry attached files (an .xlsx, a single CSV file).
var ErrNoAttached = errors.New("this kind of bundle cannot carry attached files")

// AttachedSource is a Source that may carry attached files' content.
type AttachedSource interface {
	// OpenAttached opens the content files/<sha256>; an error wrapping
	// fs.ErrNotExist when the bundle does not carry it, ErrNoAttached when
	// it cannot carry any.
	OpenAttached(sha string) (io.ReadCloser, error)
}

// AttachedSink is a Sink that can carry attached files' content.
type AttachedSink interface {
	// CreateAttached starts files/<sha256>; each is created once.
	CreateAttached(sha string) (io.WriteCloser, error)
}

// AttachedStore is a Target that keeps attached files' content.
type AttachedStore interface {
	// AttachedStored returns the size and media type of stored content
	// (found false when none is stored under that SHA-256).
	AttachedStored(ctx context.Context, sha string) (size int64, mediaType string, found bool, err error)
	// PutAttached stores content that CheckAttached accepted.
	PutAttached(ctx context.Context, sha string, size int64, mediaType string, content []byte) error
}

// attachedSeen is an attached content already checked in this import.
type attachedSeen struct {
	size int64
	typ  *AttachedType
}

// checkAttached checks the content a document_files row names: carried by
// the bundle (then checked: its hash, size and kind, and stored) or already
// stored (its size and kind); errors name the row's column.
func (im *importer) checkAttached(ctx context.Context, fl *fileLoad, rec *Record) error {
	src, ok := im.src.(AttachedSource)
	if !ok {
		return nil
	}
	name, sha := rec.Str("name"), rec.Str("sha256")
	size, _ := rec.Vals[rec.File.Index("bytes")].(int64)
	if clean, err := AttachedName(name); err != nil || clean != name {
		im.errAt(rec, "name", fmt.Sprintf("tên tệp %s không dùng được (không chứa / \\ \" hay ký tự điều khiển, không có khoảng trắng đầu cuối)", shortQuote(name)),
			fmt.Sprintf("file name %s cannot be used", shortQuote(name)))
		return nil
	}
	if im.attached == nil {
		im.attached = map[string]attachedSeen{}
	}
	seen, ok := im.attached[sha]
	if !ok {
		var err error
		if seen, ok, err = im.readAttached(ctx, fl, src, rec, name, sha, size); err != nil || !ok {
			return err
		}
		im.attached[sha] = seen
	}
	if seen.size != size {
		im.errAt(rec, "bytes", fmt.Sprintf("nội dung tệp '%s' dài %d byte, không phải %d", name, seen.size, size),
			fmt.Sprintf("content of %q is %d bytes, not %d", name, seen.size, size))
	} else if err := seen.typ.Fits(name); err != nil {
		im.errAt(rec, "name", err.Error(), fmt.Sprintf("the name %q does not fit its content (%s)", name, seen.typ.Name))
	}
	return nil
}

// readAttached finds a content the import has not met yet: in the bundle
// (checked, then stored) or in storage. ok is false when an issue was
// reported.
func (im *importer) readAttached(ctx context.Context, fl *fileLoad, src AttachedSource, rec *Record, name, sha string, size int64) (attachedSeen, bool, error) {
	store, _ := im.tgt.(AttachedStore)
	rc, err := src.OpenAttached(sha)
	if err == nil {
		content, rerr := io.ReadAll(io.LimitReader(rc, MaxAttachedFile+1))
		rc.Close()
		if rerr != nil {
			vi, en := readIssue("không đọc được "+AttachedFolder+"/"+sha+": ", "cannot read "+AttachedFolder+"/"+sha+": ", rerr)
			im.errAt(rec, "sha256", vi, en)
			return attachedSeen{}, false, nil
		}
		typ, _, cerr := CheckAttached(name, content, sha, size)
		var ae *AttachedError
		if errors.As(cerr, &ae) {
			im.errAt(rec, ae.Column, ae.Error()+" ("+AttachedFolder+"/"+sha+")", "attached file "+AttachedFolder+"/"+sha+" refused")
			return attachedSeen{}, false, nil
		}
		if store != nil && im.iss.errors == 0 {
			if err := fl.w.do(func() error { return store.PutAttached(ctx, sha, size, typ.MediaType, content) }); err != nil {
				return attachedSeen{}, false, err
			}
		}
		return attachedSeen{size: size, typ: typ}, true, nil
	}
	if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, ErrNoAttached) {
		return attachedSeen{}, false, err
	}
	var stored attachedSeen
	found := false
	if store != nil {
		err := fl.w.do(func() error {
			n, mt, f, err := store.AttachedStored(ctx, sha)
			stored, found = attachedSeen{size: n, typ: AttachedTypeOf(mt)}, f && AttachedTypeOf(mt) != nil
			return err
		})
		if err != nil {
			return attachedSeen{}, false, err
		}
	}
	if found {
		return stored, true, nil
	}
	if errors.Is(err, ErrNoAttached) {
		im.errAt(rec, "sha256", fmt.Sprintf("gói dạng này (.xlsx, một tệp .csv) không mang được tệp đính kèm, và nội dung tệp '%s' (SHA-256 %s) chưa có trong sổ: hãy nhập gói .zip hoặc thư mục có %s/%s", name, sha, AttachedFolder, sha),
			fmt.Sprintf("this kind of bundle cannot carry attached files, and the content of %q is not stored: import a .zip or a directory with %s/%s", name, AttachedFolder, sha))
	} else {
		im.errAt(rec, "sha256", fmt.Sprintf("thiếu nội dung tệp '%s': gói không có %s/%s và sổ chưa lưu nội dung này", name, AttachedFolder, sha),
			fmt.Sprintf("missing content of %q: no %s/%s in the bundle and none stored", name, AttachedFolder, sha))
	}
	return attachedSeen{}, false, nil
}
