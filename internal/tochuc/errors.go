package tochuc

import (
	"errors"
	"fmt"
)

// Error codes of the application.
const (
	EInvalid   = "invalid"
	ENotFound  = "not_found"
	EConflict  = "conflict"
	EInternal  = "internal"
	EOutdated  = "outdated"
	EForbidden = "forbidden" // signed in, but outside the user's role or scope
)

// Error is an application error: a code and a message for the user (Vietnamese).
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an application error, or EInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}
