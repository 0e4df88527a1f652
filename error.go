package proximite

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes shared by every layer. The edges (HTTP, CLI) map them to a
// status and a localized message in one place each.
const (
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
)

// Error is the one coded error type of the application. Field names the
// offending input ("projects[3].sectors") when the error is about one, so
// forms and API bodies can show the message next to it.
type Error struct {
	Code    string
	Field   string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an EINVALID error that names a field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err: the message of its
// *Error, or a generic text for internal errors, whose detail belongs in
// the log and not in front of a visitor.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Error()
	}
	return "Internal error."
}

// ValidationErrors collects the field errors of one record so that a form
// or an API body can show all of them at once instead of one per attempt.
type ValidationErrors []*Error

// Error implements the error interface by joining the field messages.
func (v ValidationErrors) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Add appends a field error.
func (v *ValidationErrors) Add(field, format string, args ...any) {
	*v = append(*v, FieldError(field, format, args...))
}

// Err returns nil when there is no error, so a validator can end with
// `return errs.Err()`. Callers get the first error's code through
// errors.As on *Error via Unwrap.
func (v ValidationErrors) Err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// Unwrap exposes the individual errors to errors.As and errors.Is.
func (v ValidationErrors) Unwrap() []error {
	errs := make([]error, len(v))
	for i, e := range v {
		errs[i] = e
	}
	return errs
}
