// Package archtest holds no code: its test reads the import graph with
// go list and enforces the rule of docs/architecture.md, which package may
// import which.
package archtest
