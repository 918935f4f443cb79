package sqldb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

type pgErr string

func (e pgErr) Error() string    { return "ERROR: driver text (SQLSTATE " + string(e) + ")" }
func (e pgErr) SQLState() string { return string(e) }

type liteErr int

func (e liteErr) Error() string { return fmt.Sprintf("sqlite driver text (%d)", int(e)) }
func (e liteErr) Code() int     { return int(e) }

// TestFaultsClassified checks that every fault of either driver is told as
// what it is, in Vietnamese, with the driver's text kept only as the cause.
func TestFaultsClassified(t *testing.T) {
	for _, c := range []struct {
		err  error
		code string
	}{
		{pgErr("53100"), tochuc.EDiskFull}, {liteErr(13), tochuc.EDiskFull},
		{pgErr("40001"), tochuc.EConflict}, {pgErr("23505"), tochuc.EConflict}, {liteErr(2067), tochuc.EConflict},
		{liteErr(787), tochuc.EInternal}, // a foreign key failing at commit is not the user's doing
		{pgErr("55P03"), tochuc.EBusy}, {liteErr(5), tochuc.EBusy}, {liteErr(6), tochuc.EBusy},
		{pgErr("08006"), tochuc.EUnavailable}, {pgErr("57P01"), tochuc.EUnavailable}, {liteErr(14), tochuc.EUnavailable},
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, tochuc.EUnavailable},
		{fmt.Errorf("x: %w", io.ErrUnexpectedEOF), tochuc.EUnavailable},
		{pgErr("58030"), tochuc.EIO}, {liteErr(4874), tochuc.EIO}, {liteErr(10), tochuc.EIO},
		{context.DeadlineExceeded, tochuc.ETimeout}, {liteErr(9), tochuc.ETimeout}, {pgErr("57014"), tochuc.ETimeout},
		{pgErr("P0001"), tochuc.EInternal}, {errors.New("anything else"), tochuc.EInternal},
	} {
		got := Fault(c.err)
		if tochuc.ErrorCode(got) != c.code {
			t.Errorf("%v: %s, want %s", c.err, tochuc.ErrorCode(got), c.code)
		}
		if !errors.Is(got, c.err) {
			t.Errorf("%v: the cause is lost", c.err)
		}
		if msg := got.Error(); msg == c.err.Error() || msg == "" {
			t.Errorf("%v: the driver's text is the message", c.err)
		}
	}
	app := tochuc.Errorf(tochuc.EInvalid, "sai")
	if Fault(app) != error(app) || Fault(nil) != nil {
		t.Error("application errors and nil pass unchanged")
	}
}
