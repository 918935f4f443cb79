package sqldb

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Vietnamese messages of the database's faults.
const (
	msgLockWait    = "Hệ thống đang bận: dữ liệu cần ghi đang được một lần ghi khác giữ quá lâu (có thể từ một máy chủ khác dùng chung cơ sở dữ liệu) nên chưa ghi được gì. Vui lòng thử lại sau ít phút."
	msgUnavailable = "Không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau; nếu lỗi kéo dài, hãy báo quản trị viên."
	msgDiskFull    = "Máy chủ đã hết dung lượng lưu trữ nên chưa ghi được gì. Hãy báo quản trị viên."
	msgIO          = "Lỗi đọc, ghi đĩa của máy chủ: chưa ghi được gì. Hãy báo quản trị viên."
	msgTimeout     = "Yêu cầu mất quá nhiều thời gian nên đã dừng; chưa ghi được gì."
	msgConflict    = "Bản ghi vừa được người khác ghi cùng lúc. Vui lòng tải lại trang và thử lại."
	msgInternal    = "Lỗi hệ thống. Vui lòng thử lại sau."
)

// Fault turns an error of the database driver into an application error that
// says what happened in Vietnamese (the driver's text stays in Cause, for the
// log). Application errors, and nil, pass unchanged.
func Fault(err error) error {
	if err == nil {
		return nil
	}
	var app *tochuc.Error
	if errors.As(err, &app) {
		return err
	}
	code, msg := classify(err)
	return tochuc.Fault(code, msg, err)
}

func classify(err error) (code, msg string) {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return tochuc.ETimeout, msgTimeout
	}
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		s := pg.SQLState()
		switch {
		case s == "40001" || s == "40P01":
			return tochuc.EConflict, msgConflict
		case s == "55P03": // lock_not_available: lock_timeout ran out waiting for another writer
			return tochuc.EBusy, msgLockWait
		case s == "57014": // query_canceled: a statement_timeout, or the request's deadline
			return tochuc.ETimeout, msgTimeout
		case s == "53100":
			return tochuc.EDiskFull, msgDiskFull
		case s == "58030":
			return tochuc.EIO, msgIO
		case s == "23505":
			return tochuc.EConflict, msgConflict
		case strings.HasPrefix(s, "08") || strings.HasPrefix(s, "57P") || s == "53300":
			return tochuc.EUnavailable, msgUnavailable
		}
		return tochuc.EInternal, msgInternal
	}
	var lite interface{ Code() int }
	if errors.As(err, &lite) {
		switch lite.Code() & 0xff {
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED: the busy timeout ran out waiting for the writer
			return tochuc.EBusy, msgLockWait
		case 13: // SQLITE_FULL
			return tochuc.EDiskFull, msgDiskFull
		case 10, 11, 26: // SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_NOTADB
			return tochuc.EIO, msgIO
		case 14, 8: // SQLITE_CANTOPEN, SQLITE_READONLY
			return tochuc.EUnavailable, msgUnavailable
		case 19: // SQLITE_CONSTRAINT: only a duplicate key is a conflict with another writer
			if c := lite.Code(); c == 2067 || c == 1555 {
				return tochuc.EConflict, msgConflict
			}
		case 9: // SQLITE_INTERRUPT: the request's time ran out, or its client left
			return tochuc.ETimeout, msgTimeout
		}
		return tochuc.EInternal, msgInternal
	}
	var ne net.Error
	if errors.Is(err, driver.ErrBadConn) || errors.As(err, &ne) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "failed to connect") {
		return tochuc.EUnavailable, msgUnavailable
	}
	if errors.Is(err, syscall.ENOSPC) {
		return tochuc.EDiskFull, msgDiskFull
	}
	if errors.Is(err, syscall.EIO) {
		return tochuc.EIO, msgIO
	}
	return tochuc.EInternal, msgInternal
}
