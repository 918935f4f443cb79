package manifest

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// FileName is the manifest's name at the bundle's root.
const FileName = "manifest.json"

// Format names this version of the manifest.
const Format = "tochuc-manifest/1"

// File is one file of the bundle.
type File struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// Manifest is what manifest.json holds. Its canonical form, the one signed,
// is its JSON as Marshal writes it (the fields in this order, no spaces)
// with Signature "".
type Manifest struct {
	Format     string `json:"format"`
	SenderUnit string `json:"sender_unit"`
	Scope      string `json:"scope"`
	RecordedAt string `json:"recorded_at"`
	// ChangedSince is set only for an incremental package.
	ChangedSince string `json:"changed_since,omitempty"`
	Files        []File `json:"files"`
	Key          string `json:"key"`
	Signature    string `json:"signature"`
}

// New returns an unsigned manifest of a scope (unit id, "" for the whole
// registry) read as recorded at rec; Build fills its files.
func New(scope string, rec time.Time) *Manifest {
	rec = rec.UTC().Truncate(time.Microsecond) // the registry's recording times are microseconds
	return &Manifest{Format: Format, SenderUnit: scope, Scope: scope, RecordedAt: rec.Format(time.RFC3339Nano)}
}

// Signed reports whether the manifest carries a signature.
func (m *Manifest) Signed() bool { return m.Signature != "" || m.Key != "" }

// Recorded returns the instant the registry was read at.
func (m *Manifest) Recorded() (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, m.RecordedAt)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: recorded_at không phải thời điểm RFC 3339: %q", FileName, m.RecordedAt)
	}
	return t, nil
}

// canonical is the JSON that is signed.
func (m *Manifest) canonical() ([]byte, error) {
	c := *m
	c.Signature = ""
	c.Files = slices.Clone(m.Files)
	if c.Files == nil {
		c.Files = []File{}
	}
	return json.Marshal(&c)
}

// Sign sets the manifest's key fingerprint and its signature.
func (m *Manifest) Sign(priv ed25519.PrivateKey) error {
	m.Key = Fingerprint(priv.Public().(ed25519.PublicKey))
	b, err := m.canonical()
	if err != nil {
		return err
	}
	m.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(priv, b))
	return nil
}

// VerifySignature checks that the manifest is signed by pub.
func (m *Manifest) VerifySignature(pub ed25519.PublicKey) error {
	if m.Key != Fingerprint(pub) {
		return fmt.Errorf("%s: chữ ký bằng khóa %s, không phải khóa %s", FileName, short(m.Key), short(Fingerprint(pub)))
	}
	sig, err := base64.StdEncoding.DecodeString(m.Signature)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return fmt.Errorf("%s: chữ ký không đọc được (signature is not base64 of 64 bytes)", FileName)
	}
	b, err := m.canonical()
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, b, sig) {
		return fmt.Errorf("%s: chữ ký không khớp nội dung tệp kê khai: gói đã bị sửa sau khi ký hoặc không do khóa này ký (signature mismatch)", FileName)
	}
	return nil
}

// Marshal returns manifest.json's text (indented, for people).
func (m *Manifest) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Parse reads manifest.json's text, refusing unknown fields and another format.
func Parse(b []byte) (*Manifest, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m Manifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: không đọc được tệp kê khai: %v", FileName, err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s: định dạng %q không được hỗ trợ (cần %q)", FileName, m.Format, Format)
	}
	if _, err := m.Recorded(); err != nil {
		return nil, err
	}
	if (m.Key == "") != (m.Signature == "") {
		return nil, fmt.Errorf("%s: có khóa mà không có chữ ký, hoặc ngược lại", FileName)
	}
	seen := map[string]bool{}
	for _, f := range m.Files {
		if f.Name == "" || f.Name == FileName || seen[f.Name] {
			return nil, fmt.Errorf("%s: tên tệp %q không hợp lệ hoặc lặp lại", FileName, f.Name)
		}
		seen[f.Name] = true
	}
	return &m, nil
}

// Fingerprint is the hex SHA-256 of the 32 bytes of an Ed25519 public key.
func Fingerprint(pub ed25519.PublicKey) string {
	h := sha256.Sum256(pub)
	return hex.EncodeToString(h[:])
}

// short abbreviates a fingerprint for a message.
func short(fp string) string {
	if len(fp) > 16 {
		return fp[:16] + "…"
	}
	if fp == "" {
		return "(không có)"
	}
	return fp
}

// ErrNoManifest: the bundle has no manifest.json.
var ErrNoManifest = errors.New("gói dữ liệu không có " + FileName)
