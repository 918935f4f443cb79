package sqldb

import (
	"fmt"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Recorded selects the registry's knowledge at a recording time: the zero
// value means what it holds now.
type Recorded struct {
	At int64 // microseconds since 1970 UTC; 0 = now
	// before, when set, is a change set being written: the state is what was
	// held before it (inside its transaction).
	before int64
}

// RecordedAt returns the knowledge as recorded at t.
func RecordedAt(t time.Time) Recorded { return Recorded{At: t.UnixMicro()} }

// ParseRecorded reads a recording time: RFC 3339, or a date meaning the end of
// that day (UTC), or "" for now.
func ParseRecorded(s string) (Recorded, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Recorded{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return RecordedAt(t), nil
	}
	d, err := tochuc.ParseDateLoose(s)
	if err != nil || d == 0 {
		return Recorded{}, fmt.Errorf("thời điểm ghi nhận không hợp lệ %q (cần YYYY-MM-DD hoặc RFC 3339)", s)
	}
	return Recorded{At: d.AddDays(1).Time().UnixMicro() - 1}, nil
}

// where returns the condition selecting rows held at the recording time, for a table alias.
func (r Recorded) where(alias string) string {
	p := ""
	if alias != "" {
		p = alias + "."
	}
	if r.before != 0 {
		return fmt.Sprintf("(%srec_to IS NULL AND %srec_cs <> %d OR %send_cs = %d)", p, p, r.before, p, r.before)
	}
	if r.At == 0 {
		return p + "rec_to IS NULL"
	}
	return fmt.Sprintf("%srec_from <= %d AND (%srec_to IS NULL OR %srec_to > %d)", p, r.At, p, p, r.At)
}
