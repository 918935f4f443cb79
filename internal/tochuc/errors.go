package tochuc

import (
	"errors"
	"fmt"
)

// Error codes of the application. The first five are about what the user
// asked; the others are faults of the system, told as what they are.
const (
	EInvalid   = "invalid"
	ENotFound  = "not_found"
	EConflict  = "conflict"
	EOutdated  = "outdated"
	EForbidden = "forbidden" // signed in, but outside the user's role or scope
	// EStale: the record changed since the user read it (an edit from an older version).
	EStale = "stale"

	EInternal    = "internal"
	EBusy        = "busy"        // the database is busy (a lock wait ran out): try again shortly
	EUnavailable = "unavailable" // the database cannot be reached
	EDiskFull    = "disk_full"   // no space left to write
	EIO          = "io"          // the disk failed to read or write
	ETimeout     = "timeout"     // the request ran out of time
)

// Error is an application error: a code and a message for the user
// (Vietnamese), and the cause behind it, for the log only.
type Error struct {
	Code    string
	Message string
	Cause   error
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Fault returns an error of the system with its Vietnamese message and cause.
func Fault(code, message string, cause error) *Error {
	return &Error{Code: code, Message: message, Cause: cause}
}

// ErrorCode returns the code of an application error, or EInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// IsFault reports whether an error is the system's fault rather than the user's.
func IsFault(err error) bool {
	switch ErrorCode(err) {
	case EInvalid, ENotFound, EConflict, EOutdated, EForbidden, EStale:
		return false
	}
	return true
}
