package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The content of documents' attached files (bundle-v1 amendment 3) is kept
// once per SHA-256 in document_blobs: immutable, not dated, written in the
// change set that adds the first document_files row naming it. The rows say
// which document carries which content under which name; a blob no row
// names any more stays (a restore, an older recording may need it).

// Blob is an attached file's stored content.
type Blob struct {
	SHA256    string
	Bytes     int64
	MediaType string
	Content   []byte
}

// PutBlob stores an attached file's content inside the change set, unless
// the same content (by SHA-256) is stored already; the caller has checked
// the content (bundle.CheckAttached). A check (BeginCheck) stores nothing.
func (c *Change) PutBlob(ctx context.Context, b Blob) error {
	if c.check {
		return nil
	}
	_, err := c.exec(ctx, `INSERT INTO document_blobs (sha256, bytes, media_type, content, stored_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`, b.SHA256, b.Bytes, b.MediaType, b.Content, c.At)
	return err
}

// Blob returns a stored content by its SHA-256 (ENotFound when none is stored).
func (r *Reader) Blob(ctx context.Context, sha string) (*Blob, error) {
	b := &Blob{SHA256: sha}
	err := r.q.QueryRowContext(ctx, r.db.rebind(`SELECT bytes, media_type, content FROM document_blobs WHERE sha256 = ?`), sha).
		Scan(&b.Bytes, &b.MediaType, &b.Content)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tochuc.Errorf(tochuc.ENotFound, "nội dung tệp chưa được lưu (SHA-256 %s)", sha)
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

// BlobSizes returns, of the given SHA-256s, those stored, with their size
// and media type.
func (r *Reader) BlobSizes(ctx context.Context, shas []string) (map[string]Blob, error) {
	out := map[string]Blob{}
	for batch := range slices.Chunk(uniqueIDs(shas), 500) {
		err := r.each(ctx, `SELECT sha256, bytes, media_type FROM document_blobs WHERE sha256 IN (`+placeholders(len(batch))+`)`,
			anys(batch), func(s scanner) error {
				var b Blob
				err := s.Scan(&b.SHA256, &b.Bytes, &b.MediaType)
				out[b.SHA256] = b
				return err
			})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// AttachedStored implements bundle.AttachedStore: the content an import's
// row names, when stored.
func (c *Change) AttachedStored(ctx context.Context, sha string) (int64, string, bool, error) {
	b, err := c.Reader(false).BlobSizes(ctx, []string{sha})
	if err != nil {
		return 0, "", false, err
	}
	got, ok := b[sha]
	return got.Bytes, got.MediaType, ok, nil
}

// PutAttached implements bundle.AttachedStore: content an import carries,
// checked, stored in its change set.
func (c *Change) PutAttached(ctx context.Context, sha string, size int64, mediaType string, content []byte) error {
	return c.PutBlob(ctx, Blob{SHA256: sha, Bytes: size, MediaType: mediaType, Content: content})
}
