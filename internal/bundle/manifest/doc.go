// Package manifest is a bundle's manifest.json: the list of the bundle's
// files with their SHA-256 hashes and sizes, who sent it (the unit of the
// scope exported) and when the registry was read, and an Ed25519 signature
// over it by the sender's key. It reads and writes a bundle that is a
// directory or a .zip, and the key files (PEM: PKCS #8 private key, PKIX
// public key). Standard library only.
package manifest
