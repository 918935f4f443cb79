package bundle

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// RetractionsFile is our own file of an incremental package (ours until the
// spec adopts it): the records of the sender's scope retracted or replaced
// away after the package's changed-since instant, which the import retracts
// in the same change set. Its columns are RetractionsHeader: the file's
// name, the record's key (EncodeKey) and when it stopped being held (RFC 3339).
const RetractionsFile = "retractions"

// RetractionsHeader is the header of retractions.csv.
var RetractionsHeader = []string{"file", "key", "retracted_at"}

// Retracter is a Target that can retract a held record in the change set.
type Retracter interface {
	Retract(ctx context.Context, r Retraction) error
}

// EncodeKey writes a record's key as col=value pairs joined by ";", with
// ";", "=" and "\" escaped by "\".
func EncodeKey(f *File, cells []string) string {
	parts := make([]string, len(f.Key))
	esc := strings.NewReplacer(`\`, `\\`, `;`, `\;`, `=`, `\=`)
	for i, k := range f.Key {
		v := ""
		if j := f.Index(k); j >= 0 && j < len(cells) {
			v = cells[j]
		}
		parts[i] = k + "=" + esc.Replace(v)
	}
	return strings.Join(parts, ";")
}

// ParseKey reads a key written by EncodeKey.
func ParseKey(s string) (map[string]string, error) {
	out := map[string]string{}
	var col, cur strings.Builder
	inVal := false
	end := func() error {
		if !inVal || col.Len() == 0 {
			return errors.New("cần dạng cột=giá trị")
		}
		out[col.String()] = cur.String()
		col.Reset()
		cur.Reset()
		inVal = false
		return nil
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\\' && i+1 < len(s):
			i++
			if inVal {
				cur.WriteByte(s[i])
			} else {
				col.WriteByte(s[i])
			}
		case ch == '=' && !inVal:
			inVal = true
		case ch == ';':
			if err := end(); err != nil {
				return nil, err
			}
		case inVal:
			cur.WriteByte(ch)
		default:
			col.WriteByte(ch)
		}
	}
	if err := end(); err != nil {
		return nil, err
	}
	return out, nil
}

// importRetractions reads retractions.csv and retracts each record it names
// (a record no longer held is a warning: the package was applied before);
// it returns how many it retracted.
func (im *importer) importRetractions(ctx context.Context) (int, error) {
	im.loc = im.src.Location(RetractionsFile)
	bad := func(line int, col, vi, en string) {
		im.iss.add(Issue{File: im.loc, Line: line, Column: col, Vi: vi, En: en})
	}
	rr, err := im.src.Open(RetractionsFile)
	if err != nil {
		vi, en := readIssue("không đọc được tệp: ", "cannot read file: ", err)
		im.iss.add(Issue{File: im.loc, Vi: vi, En: en})
		return 0, nil
	}
	defer rr.Close()
	head, err := rr.Next()
	if err != nil || len(head) < 2 || head[0] != "file" || head[1] != "key" {
		bad(1, "", "tiêu đề phải là file,key,retracted_at", "header must be file,key,retracted_at")
		return 0, nil
	}
	rt, _ := im.tgt.(Retracter)
	n, row := 0, 1
	for {
		cells, err := rr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			vi, en := readIssue("không đọc được tệp: ", "cannot read file: ", err)
			im.iss.add(Issue{File: im.loc, Vi: vi, En: en})
			return n, nil
		}
		row++
		line := row
		if lr, ok := rr.(LineReader); ok {
			line = lr.Line()
		}
		if len(cells) < 2 {
			bad(line, "key", "thiếu khóa của bản ghi", "missing key")
			continue
		}
		f := FileByName(cells[0])
		if f == nil || f.Versioned {
			bad(line, "file", fmt.Sprintf("không rút được bản ghi của tệp %q", cells[0]), "not a keyed file")
			continue
		}
		key, err := ParseKey(cells[1])
		if err != nil {
			bad(line, "key", "khóa không hợp lệ: "+err.Error(), "invalid key")
			continue
		}
		if msg := checkKey(f, key); msg != "" {
			bad(line, "key", msg, "invalid key")
			continue
		}
		if len(cells) > 2 && cells[2] != "" {
			if _, err := time.Parse(time.RFC3339Nano, cells[2]); err != nil {
				bad(line, "retracted_at", "thời điểm không hợp lệ (cần RFC 3339)", "invalid instant")
				continue
			}
		}
		if rt == nil {
			continue
		}
		err = rt.Retract(ctx, Retraction{File: f.Name, Key: key})
		switch {
		case tochuc.ErrorCode(err) == tochuc.ENotFound:
			im.iss.add(Issue{File: im.loc, Line: line, Column: "key", Warning: true,
				Vi: "bản ghi cần rút đã không còn trong cơ sở dữ liệu (có thể gói đã được nhập trước đây)", En: "record to retract not held"})
		case err != nil:
			return n, err
		default:
			n++
		}
	}
	return n, nil
}

// checkKey says what is wrong with a retraction's key of file f, or "".
func checkKey(f *File, key map[string]string) string {
	if len(key) != len(f.Key) {
		return "khóa phải gồm đúng các cột " + strings.Join(f.Key, ", ")
	}
	for _, k := range f.Key {
		v, ok := key[k]
		if !ok {
			return "thiếu cột khóa " + k
		}
		if c := f.Columns[f.Index(k)]; c.Type == Date && v != "" {
			if _, err := tochuc.ParseDate(v); err != nil {
				return "ngày không hợp lệ ở cột khóa " + k
			}
		}
	}
	return ""
}
