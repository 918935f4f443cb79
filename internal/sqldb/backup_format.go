package sqldb

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"unicode/utf8"
)

// DumpFormat names the backup's logical format: a gzip stream of JSON
// lines — a header object, then for each table an object naming it and its
// columns, its rows as JSON arrays, an object closing it with its row
// count, and a closing object with the totals.
const DumpFormat = "tochuc-backup/1"

// dumpHeader is a dump's first line.
type dumpHeader struct {
	Format  string `json:"format"`
	Engine  string `json:"engine"`
	Schema  []int  `json:"schema"`
	TakenAt string `json:"taken_at"`
	// RecordedAt is when the last change set it holds was recorded.
	RecordedAt string `json:"recorded_at"`
}

// dumpLine is any of a dump's object lines after the header.
type dumpLine struct {
	Table    string   `json:"table,omitempty"`
	Columns  []string `json:"columns,omitempty"`
	TableEnd string   `json:"table_end,omitempty"`
	Rows     int64    `json:"rows,omitempty"`
	End      bool     `json:"end,omitempty"`
	Tables   int      `json:"tables,omitempty"`
}

// backupSink receives a backup's tables and rows in order.
type backupSink interface {
	begin(table string, cols []string) error
	row(vals []any) error
	end(table string, rows int64) error
}

// dumpTables streams every table of q (a snapshot transaction) into sink.
func dumpTables(ctx context.Context, q querier, d Dialect, sink backupSink) (tables int, total int64, err error) {
	ts, err := backupTables(ctx, q, d)
	if err != nil {
		return 0, 0, err
	}
	for _, t := range ts {
		if err := sink.begin(t.name, t.cols); err != nil {
			return 0, 0, err
		}
		quoted := make([]string, len(t.cols))
		for i, c := range t.cols {
			quoted[i] = `"` + c + `"`
		}
		rows, err := q.QueryContext(ctx, `SELECT `+strings.Join(quoted, ", ")+` FROM "`+t.name+`"`)
		if err != nil {
			return 0, 0, err
		}
		vals := make([]any, len(t.cols))
		ptrs := make([]any, len(t.cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		var n int64
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return 0, 0, err
			}
			out := make([]any, len(vals))
			for i, v := range vals {
				if out[i], err = canonValue(v, t.types[i]); err != nil {
					rows.Close()
					return 0, 0, fmt.Errorf("bảng %s, cột %s: %w", t.name, t.cols[i], err)
				}
			}
			if err := sink.row(out); err != nil {
				rows.Close()
				return 0, 0, err
			}
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, 0, err
		}
		if err := sink.end(t.name, n); err != nil {
			return 0, 0, err
		}
		tables++
		total += n
	}
	return tables, total, nil
}

// dumpWriter writes the logical format.
type dumpWriter struct {
	gz    *gzip.Writer
	buf   *bufio.Writer
	table string // the table being written
	n     int64  // its rows written so far
}

func newDumpWriter(w io.Writer, h dumpHeader) (*dumpWriter, error) {
	gz := gzip.NewWriter(w)
	dw := &dumpWriter{gz: gz, buf: bufio.NewWriterSize(gz, 1<<16)}
	return dw, dw.line(h)
}

func (w *dumpWriter) line(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.buf.Write(b)
	return w.buf.WriteByte('\n')
}

func (w *dumpWriter) begin(table string, cols []string) error {
	w.table, w.n = table, 0
	return w.line(dumpLine{Table: table, Columns: cols})
}

// row writes a row: numbers and strings as JSON, floats as {"f":x}, bytes as {"b":base64}.
func (w *dumpWriter) row(vals []any) error {
	enc := make([]any, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case float64:
			enc[i] = map[string]float64{"f": x}
		case []byte:
			enc[i] = map[string]string{"b": base64.StdEncoding.EncodeToString(x)}
		case string:
			// JSON would replace the bytes of text that is not UTF-8: refuse
			// rather than change it.
			if !utf8.ValidString(x) {
				return fmt.Errorf("bảng %s, hàng %d: văn bản không phải UTF-8 (%q); hãy dùng định dạng sqlite", w.table, w.n+1, x)
			}
			enc[i] = x
		default:
			enc[i] = x
		}
	}
	w.n++
	return w.line(enc)
}

func (w *dumpWriter) end(table string, rows int64) error {
	return w.line(dumpLine{TableEnd: table, Rows: rows})
}

// close writes the closing line and the gzip trailer.
func (w *dumpWriter) close(tables int, rows int64) error {
	if err := w.line(dumpLine{End: true, Tables: tables, Rows: rows}); err != nil {
		return err
	}
	if err := w.buf.Flush(); err != nil {
		return err
	}
	return w.gz.Close()
}

// errDamaged says a backup file is cut short or altered.
func errDamaged(detail string) error {
	return fmt.Errorf("bản sao lưu bị hỏng hoặc bị cắt cụt (%s): không khôi phục", detail)
}

// dumpReader reads the logical format.
type dumpReader struct {
	gz  *gzip.Reader
	buf *bufio.Reader
	h   dumpHeader
}

func openDump(r io.Reader) (*dumpReader, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, errDamaged(err.Error())
	}
	dr := &dumpReader{gz: gz, buf: bufio.NewReaderSize(gz, 1<<16)}
	line, err := dr.next()
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(line, &dr.h); err != nil || dr.h.Format != DumpFormat {
		return nil, fmt.Errorf("tệp không phải bản sao lưu tochuc (định dạng %q, cần %q)", dr.h.Format, DumpFormat)
	}
	return dr, nil
}

// next returns the next line; the stream ending before the closing line is damage.
func (dr *dumpReader) next() ([]byte, error) {
	line, err := dr.buf.ReadBytes('\n')
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, errDamaged("tệp kết thúc trước dòng cuối")
	}
	if err != nil {
		return nil, errDamaged(err.Error())
	}
	return line, nil
}

// each streams the tables and rows into sink, checking each table's row
// count, the totals and the gzip checksum at the end. When the sink refuses
// what it is given, the rest of the stream is read first: damage that made
// it (a column name altered) is told as damage, not as what it made.
func (dr *dumpReader) each(sink backupSink) error {
	err := dr.load(refusals{sink})
	var r refused
	if errors.As(err, &r) {
		if _, derr := io.Copy(io.Discard, dr.buf); derr != nil {
			return errDamaged(derr.Error())
		}
		return r.err
	}
	return err
}

// refused is an error of the sink, as opposed to one of the stream.
type refused struct{ err error }

func (r refused) Error() string { return r.err.Error() }

// refusals marks the sink's errors as refused.
type refusals struct{ next backupSink }

func (s refusals) begin(table string, cols []string) error {
	return refusedErr(s.next.begin(table, cols))
}
func (s refusals) row(vals []any) error               { return refusedErr(s.next.row(vals)) }
func (s refusals) end(table string, rows int64) error { return refusedErr(s.next.end(table, rows)) }

func refusedErr(err error) error {
	if err != nil {
		return refused{err}
	}
	return nil
}

// load streams the tables and rows into sink (each).
func (dr *dumpReader) load(sink backupSink) error {
	var (
		cur        string
		ncols      int
		n, total   int64
		tables     int
		lineNumber = 1
	)
	for {
		line, err := dr.next()
		if err != nil {
			return err
		}
		lineNumber++
		if len(line) > 0 && line[0] == '[' {
			if cur == "" {
				return errDamaged(fmt.Sprintf("dòng %d: hàng ngoài bảng", lineNumber))
			}
			vals, err := decodeRow(line)
			if err != nil || len(vals) != ncols {
				return errDamaged(fmt.Sprintf("dòng %d: hàng của bảng %s không đọc được", lineNumber, cur))
			}
			if err := sink.row(vals); err != nil {
				return err
			}
			n++
			continue
		}
		var l dumpLine
		if err := json.Unmarshal(line, &l); err != nil {
			return errDamaged(fmt.Sprintf("dòng %d không đọc được", lineNumber))
		}
		switch {
		case l.Table != "":
			cur, ncols, n = l.Table, len(l.Columns), 0
			if err := sink.begin(l.Table, l.Columns); err != nil {
				return err
			}
		case l.TableEnd != "":
			if l.TableEnd != cur || l.Rows != n {
				return errDamaged(fmt.Sprintf("bảng %s: %d hàng, dòng cuối bảng ghi %d", cur, n, l.Rows))
			}
			if err := sink.end(cur, n); err != nil {
				return err
			}
			tables++
			total += n
			cur = ""
		case l.End:
			if l.Tables != tables || l.Rows != total {
				return errDamaged(fmt.Sprintf("%d bảng, %d hàng; dòng cuối ghi %d bảng, %d hàng", tables, total, l.Tables, l.Rows))
			}
			// Reading to the end checks gzip's checksum.
			if _, err := io.Copy(io.Discard, dr.buf); err != nil {
				return errDamaged(err.Error())
			}
			return nil
		default:
			return errDamaged(fmt.Sprintf("dòng %d không đọc được", lineNumber))
		}
	}
}

// decodeRow reads one row line back into portable values.
func decodeRow(line []byte) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var raw []any
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	for i, v := range raw {
		switch x := v.(type) {
		case json.Number:
			n, err := x.Int64()
			if err != nil {
				return nil, err
			}
			raw[i] = n
		case map[string]any:
			if f, ok := x["f"].(json.Number); ok {
				fv, err := f.Float64()
				if err != nil {
					return nil, err
				}
				raw[i] = fv
			} else if s, ok := x["b"].(string); ok {
				b, err := base64.StdEncoding.DecodeString(s)
				if err != nil {
					return nil, err
				}
				raw[i] = b
			} else {
				return nil, fmt.Errorf("unknown value %v", x)
			}
		case nil, string:
		default:
			return nil, fmt.Errorf("unknown value %v", x)
		}
	}
	return raw, nil
}

// digestSink passes a backup's tables and rows on to next (when set) and
// keeps a CRC-32 of them, the SQLite backup file's checksum.
type digestSink struct {
	next backupSink
	sum  uint32
}

func (s *digestSink) add(v any) {
	b, _ := json.Marshal(v)
	s.sum = crc32.Update(s.sum, crc32.IEEETable, b)
}

func (s *digestSink) begin(table string, cols []string) error {
	s.add(dumpLine{Table: table, Columns: cols})
	if s.next == nil {
		return nil
	}
	return s.next.begin(table, cols)
}

func (s *digestSink) row(vals []any) error {
	s.add(vals)
	if s.next == nil {
		return nil
	}
	return s.next.row(vals)
}

func (s *digestSink) end(table string, rows int64) error {
	s.add(dumpLine{TableEnd: table, Rows: rows})
	if s.next == nil {
		return nil
	}
	return s.next.end(table, rows)
}
