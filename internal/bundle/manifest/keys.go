package manifest

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
)

// Key files written by NewKey.
const (
	PrivateFile = "tochuc.key" // PEM "PRIVATE KEY": PKCS #8 of the Ed25519 key, mode 0600
	PublicFile  = "tochuc.pub" // PEM "PUBLIC KEY": PKIX of the Ed25519 public key
)

// NewKey writes a new Ed25519 key pair into dir (created when missing),
// refusing to overwrite a key there, and returns the public key.
func NewKey(dir string) (ed25519.PublicKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, err
	}
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	privPath := filepath.Join(dir, PrivateFile)
	f, err := os.OpenFile(privPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if os.IsExist(err) {
			return nil, fmt.Errorf("%s đã có: không ghi đè một khóa", privPath)
		}
		return nil, err
	}
	if err := pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der}); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})
	if err := os.WriteFile(filepath.Join(dir, PublicFile), pubPEM, 0o644); err != nil {
		return nil, err
	}
	return pub, nil
}

// LoadPrivateKey reads a private key file written by NewKey.
func LoadPrivateKey(path string) (ed25519.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s: không phải tệp khóa bí mật PEM (PRIVATE KEY)", filepath.Base(path))
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Base(path), err)
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s: không phải khóa Ed25519", filepath.Base(path))
	}
	return priv, nil
}

// ParsePublicKey reads a public key file's text (PEM "PUBLIC KEY").
func ParsePublicKey(b []byte) (ed25519.PublicKey, error) {
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PUBLIC KEY" {
		return nil, fmt.Errorf("không phải tệp khóa công khai PEM (PUBLIC KEY)")
	}
	k, err := x509.ParsePKIXPublicKey(blk.Bytes)
	if err != nil {
		return nil, err
	}
	pub, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("không phải khóa Ed25519")
	}
	return pub, nil
}
