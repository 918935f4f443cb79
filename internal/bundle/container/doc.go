// Package container reads and writes a bundle's files in their three forms: a
// directory of CSV files, a .zip of them, or an .xlsx workbook with one sheet
// per file. It bounds what an upload may hold (limits.go) while it streams, and
// hands the rows to the model in package bundle through bundle.Source and
// bundle.Sink.
package container
