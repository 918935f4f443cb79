// Package tochuc is the domain of the organization registry: calendar dates and
// half-open periods, the vocabularies of the data bundle (unit kinds, roles,
// qualification levels, membership events) and the rules that apply to them.
// It imports only the standard library.
package tochuc

import (
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date without time zone, stored as days since 0001-01-01
// plus one, so that the zero Date means "no date".
type Date int32

// epochOffset is the number of days from 0001-01-01 to 1970-01-01.
const epochOffset = 719162

// NewDate returns the Date for a year, month and day (normalised like time.Date).
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(t.Unix()/86400 + epochOffset + 1)
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// Today returns today's date in local time.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	return time.Unix(int64(d-1-epochOffset)*86400, 0).UTC()
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// String formats d as YYYY-MM-DD, or "" for no date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// Vietnamese formats d as dd/mm/yyyy, or "" for no date.
func (d Date) Vietnamese() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("02/01/2006")
}

// ParseDate reads YYYY-MM-DD; an empty string gives the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1 { // year 0 has no Date: 0000-12-31 would be "no date"
		return 0, fmt.Errorf("invalid date %q (want YYYY-MM-DD)", s)
	}
	return DateOf(t), nil
}

// ParseDateLoose reads YYYY-MM-DD or dd/mm/yyyy (the forms a spreadsheet cell may hold).
func ParseDateLoose(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if strings.Count(s, "/") == 2 {
		t, err := time.Parse("2/1/2006", s)
		if err != nil || t.Year() < 1 {
			return 0, fmt.Errorf("invalid date %q (want dd/mm/yyyy)", s)
		}
		return DateOf(t), nil
	}
	return ParseDate(s)
}

// MustDate parses YYYY-MM-DD and panics on error; for tests and constants.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Value stores d as YYYY-MM-DD text (a DATE in PostgreSQL), or NULL.
func (d Date) Value() (driver.Value, error) {
	if d == 0 {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored as text or as a time value.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = 0
	case time.Time:
		*d = NewDate(v.Date())
	case string:
		return d.scanText(v)
	case []byte:
		return d.scanText(string(v))
	default:
		return fmt.Errorf("tochuc.Date: cannot scan %T", src)
	}
	return nil
}

func (d *Date) scanText(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	v, err := ParseDate(s)
	*d = v
	return err
}

// MarshalJSON writes d as "YYYY-MM-DD", or null for no date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == 0 {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM-DD", "dd/mm/yyyy" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		*d = 0
		return nil
	}
	v, err := ParseDateLoose(s)
	*d = v
	return err
}
