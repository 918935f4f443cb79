package sqldb

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
)

// The sign-in limiter's counts (auth.LimitStore) live in login_limits, so
// that every process serving the database shares them and a restart keeps them.

// UpdateLimits reads, changes and writes the limiter states of keys in one
// transaction. Each row is created if need be and locked by one INSERT … ON
// CONFLICT DO UPDATE … RETURNING (on SQLite the transaction holds the write
// lock from its start), keys in sorted order so that two updates never wait
// for each other. A state left zero is deleted.
func (db *DB) UpdateLimits(ctx context.Context, keys []string, fn func([]auth.LimitState)) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	st := make([]auth.LimitState, len(keys))
	for _, i := range order {
		var v [8]int64
		err := tx.QueryRowContext(ctx, db.rebind(`INSERT INTO login_limits (id) VALUES (?)
			ON CONFLICT (id) DO UPDATE SET fails = login_limits.fails
			RETURNING fails, since, locked_from, locked_until, strikes, last_fail, noted_until, expires_at`), keys[i]).
			Scan(&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7])
		if err != nil {
			return err
		}
		st[i] = auth.LimitState{Fails: int(v[0]), Since: limitTime(v[1]), LockedFrom: limitTime(v[2]), Until: limitTime(v[3]),
			Strikes: int(v[4]), LastFail: limitTime(v[5]), Noted: limitTime(v[6]), Expires: limitTime(v[7])}
	}
	fn(st)
	for _, i := range order {
		s := st[i]
		if s == (auth.LimitState{}) {
			_, err = tx.ExecContext(ctx, db.rebind(`DELETE FROM login_limits WHERE id = ?`), keys[i])
		} else {
			_, err = tx.ExecContext(ctx, db.rebind(`UPDATE login_limits SET fails = ?, since = ?, locked_from = ?, locked_until = ?,
				strikes = ?, last_fail = ?, noted_until = ?, expires_at = ? WHERE id = ?`),
				s.Fails, limitMicros(s.Since), limitMicros(s.LockedFrom), limitMicros(s.Until), s.Strikes,
				limitMicros(s.LastFail), limitMicros(s.Noted), limitMicros(s.Expires), keys[i])
		}
		if err != nil {
			return err
		}
	}
	return tx.Commit()
}

// PurgeLimits deletes the limiter states that expired before now.
func (db *DB) PurgeLimits(ctx context.Context, now time.Time) (int64, error) {
	res, err := db.ExecContext(ctx, db.rebind(`DELETE FROM login_limits WHERE expires_at < ?`), now.UnixMicro())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// limitTime reads a stored time (0: unset).
func limitTime(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return micros(v)
}

// limitMicros stores a time (unset: 0).
func limitMicros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}
